import asyncio, inspect

async def agen():
    yield 1

def sync_list():
    return [1, 2]

async def run(f, other):
    if inspect.isasyncgenfunction(f):
        def drain(f):
            return list(f())
        print(drain(other))
        handler = lambda f: list(f())
        print(handler(other))
        return [x async for x in f()]
    return f()

async def run2(f, others):
    if not inspect.iscoroutinefunction(f):
        return None
    for f2 in others:
        pass
    def helper(f):
        f()   # a sync callable here
    helper(print)
    return await f()

async def c():
    return 3

async def main():
    print(await run(agen, sync_list))
    print(await run2(c, []))

asyncio.run(main())
