import asyncio, inspect

async def agen():
    yield 1

async def coro():
    return 2

async def run_all(funcs):
    out = []
    for f in funcs:
        if not inspect.iscoroutinefunction(f):
            continue
        out.append(await f())
    for f in funcs:
        if inspect.isasyncgenfunction(f):
            out.extend([x async for x in f()])
        elif inspect.iscoroutinefunction(f):
            out.append(await f())
        else:
            out.append(f())
    return out

async def first(f):
    while True:
        if not inspect.isasyncgenfunction(f):
            break
        async for x in f():
            return x
    return await f()

print(asyncio.run(run_all([agen, coro, lambda: 3])), asyncio.run(first(coro)))
