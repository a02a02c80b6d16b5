import asyncio, contextlib

async def coro():
    return 1

async def agen():
    yield 1

@contextlib.asynccontextmanager
async def acm():
    yield 1

async def main():
    c = coro()
    print(c.__name__, c.__qualname__, c.__class__)
    await c
    g = agen()
    print(g.__name__, g.__qualname__, g.ag_running)
    await g.aclose()
    m = acm()
    print(m.__doc__, m.gen, m.__class__.__name__)
    async with m:
        pass

    @acm()
    async def decorated():
        return 2
    print(await decorated())

asyncio.run(main())
