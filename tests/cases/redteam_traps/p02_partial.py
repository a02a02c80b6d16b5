import asyncio, functools

async def agen(n):
    for i in range(n):
        yield i

async def coro(n):
    return n

async def main():
    p = functools.partial(coro, 3)
    print(await p())
    g = functools.partial(agen, 3)
    async for x in g():
        print(x)

asyncio.run(main())
