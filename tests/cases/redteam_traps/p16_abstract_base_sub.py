import asyncio

class Source:
    def __aiter__(self):
        raise NotImplementedError

class ListSource(Source):
    def __init__(self, items):
        self.items = list(items)
    def __aiter__(self):
        return self
    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)

class Resource:
    name = "base"

class Lock(Resource):
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None

async def consume(src: Source):
    async for x in src:
        print(x)

async def use(r: Resource):
    async with r:
        print(r.name)

async def main():
    await consume(ListSource([1, 2]))
    await use(Lock())

asyncio.run(main())
