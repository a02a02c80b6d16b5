"""`fetch_items` is a coroutine here and an async generator in v2.py."""


async def fetch_items(page):
    return [page]
