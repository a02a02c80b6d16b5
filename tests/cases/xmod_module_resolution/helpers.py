async def rows():
    yield 1
