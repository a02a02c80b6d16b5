import asyncio, types

@types.coroutine
def legacy():
    yield
    return 5

def gen_based():
    yield
    return 1

async def main():
    print(await legacy())
    print(await types.coroutine(gen_based)())

asyncio.run(main())
