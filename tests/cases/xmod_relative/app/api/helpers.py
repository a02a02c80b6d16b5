async def chunked(text):
    for ch in text:
        yield ch


async def load(key):
    return key
