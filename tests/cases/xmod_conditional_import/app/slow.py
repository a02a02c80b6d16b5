"""`parse` is an async generator here and a coroutine in fast.py."""


async def parse(data):
    for word in data.split():
        yield word


async def decode(data):
    yield data


async def only_slow(data):
    yield data
