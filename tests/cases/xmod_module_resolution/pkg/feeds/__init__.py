async def latest():
    yield 1
