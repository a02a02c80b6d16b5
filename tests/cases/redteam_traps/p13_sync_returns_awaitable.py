import asyncio

async def _impl():
    return 1

def op():
    return _impl()

def op2():
    return asyncio.ensure_future(_impl())

async def main():
    print(await op())
    t = op2()
    print(await t)
    asyncio.gather(op())  # statement, but passed through gather -> fine (awaited below?) 

async def main2():
    await asyncio.gather(op(), _impl())
    loop = asyncio.get_running_loop()
    tasks = []
    tasks.append(_impl())
    tasks.append(op())
    await asyncio.gather(*tasks)
    futs = [_impl() for _ in range(2)]
    await asyncio.wait([asyncio.ensure_future(c) for c in futs])

asyncio.run(main2())
loop = asyncio.new_event_loop()
loop.run_until_complete(_impl())
loop.run_until_complete(op())
loop.close()
