async def ticker():
    yield 1


async def total():
    return 1
