import asyncio

async def fetch(n):
    return n

class R:
    status = 200

async def main(items):
    r = fetch(1)
    statuses = [r.status for r in items]
    keyed = sorted(items, key=lambda r: r.status)
    print(statuses, keyed, await r)
    task = fetch(2)
    done = [asyncio.ensure_future(fetch(i)) for i in range(2)]
    await asyncio.wait(done)
    print([task.result() for task in done], await task)

asyncio.run(main([R(), R()]))
