# Without --unsafe-fixes the coroutine is left as it is (its callers would have to change).
async def rows():
    yield 1


async def table():
    return rows()
