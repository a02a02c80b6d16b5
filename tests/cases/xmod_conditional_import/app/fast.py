"""`parse` is a coroutine here and an async generator in slow.py."""


async def parse(data):
    return data.split()


async def decode(data):
    return data
