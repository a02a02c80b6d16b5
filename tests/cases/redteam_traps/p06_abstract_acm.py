import asyncio, contextlib

class Res(contextlib.AbstractAsyncContextManager):
    async def __aexit__(self, *a):
        return None

class Res2(Res):
    pass

async def main():
    async with Res() as r:
        print(r)
    async with Res2() as r:
        print(r)

asyncio.run(main())
