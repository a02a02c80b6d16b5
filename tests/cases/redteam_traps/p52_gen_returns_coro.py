import asyncio

async def work():
    return 1

def steps():
    yield "start"
    return work()

def lazy():
    return (work() for _ in range(0))

g = steps()
print(next(g))
lazy()
steps()
