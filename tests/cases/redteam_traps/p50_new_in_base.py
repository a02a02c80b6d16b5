import asyncio

class Transport:
    def __new__(cls, *args):
        if cls is Transport:
            return super().__new__(AsyncTransport)
        return super().__new__(cls)

class Middle(Transport):
    def __new__(cls, *args):
        return super().__new__(AsyncTransport)

class AsyncTransport(Middle):
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None

class Plain(Transport):
    pass

async def main():
    async with Transport():
        pass
    async with Middle():
        pass

asyncio.run(main())
