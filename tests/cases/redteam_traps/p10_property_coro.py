import asyncio

class S:
    @property
    def ready(self):
        return self._ready()
    async def _ready(self):
        return True
    @property
    def stream(self):
        return self._stream()
    async def _stream(self):
        yield 1

async def main():
    s = S()
    print(await s.ready)
    async for x in s.stream:
        print(x)

asyncio.run(main())
