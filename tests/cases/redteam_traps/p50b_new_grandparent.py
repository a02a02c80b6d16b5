import asyncio

class Factory:
    registry = {}
    def __new__(cls, kind="async"):
        target = Factory.registry.get(kind, cls)
        return object.__new__(target)

class Transport(Factory):
    pass

class AsyncTransport(Transport):
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None

Factory.registry["async"] = AsyncTransport

async def main():
    async with Transport():
        pass

asyncio.run(main())
