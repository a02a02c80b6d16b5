import asyncio, typing

class Counter(typing.Iterator[int]):
    def __init__(self):
        self.n = 0
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n

class Res(typing.AsyncContextManager["Res"]):
    async def __aexit__(self, *a):
        return None

class Ticker(typing.AsyncIterator[int]):
    def __init__(self):
        self.n = 0
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n

class Cm(typing.ContextManager["Cm"]):
    def __exit__(self, *a):
        return None

async def main():
    for x in Counter():
        print(x)
    async with Res() as r:
        print(r)
    async for t in Ticker():
        print(t)
    with Cm():
        pass

asyncio.run(main())
