import asyncio, inspect, functools

async def agen():
    yield 1

def deco(f):
    @functools.wraps(f)
    async def inner(*a):
        return [x async for x in f(*a)]
    return inner

async def close_it(g):
    if inspect.isasyncgen(g):
        await g.aclose()
        await g.asend(None) if False else None
    return g

async def run(f):
    if inspect.isasyncgenfunction(f):
        wrapped = deco(f)
        return await wrapped()
    if inspect.iscoroutinefunction(f):
        inner = f.__wrapped__
        return [x async for x in inner()]
    return None

async def main():
    g = agen()
    await g.asend(None)
    await close_it(g)
    print(await run(agen), await run(deco(agen)))

asyncio.run(main())
