"""`fetch_items` is an async generator here and a coroutine in v1.py."""


async def fetch_items(page):
    for i in range(page):
        yield i
