import asyncio, inspect

async def agen():
    yield 1

async def coro():
    return 2

async def call(f):
    if inspect.isasyncgenfunction(f):
        f = coro  # rebound inside the branch
        return await f()
    return await f()

async def call2(f):
    if not inspect.isasyncgenfunction(f):
        return await f()
    f = coro
    return await f()

async def main():
    print(await call(agen), await call(coro), await call2(agen), await call2(coro))

asyncio.run(main())
