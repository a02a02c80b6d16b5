import asyncio

class Handle:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return self.v
    @classmethod
    def make(cls, v):
        return cls(v)

async def main():
    print(await Handle.make(4))

asyncio.run(main())
