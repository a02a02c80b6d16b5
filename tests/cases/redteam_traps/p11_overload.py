import asyncio
from typing import overload, Literal, Union, AsyncIterator

class C:
    @overload
    def fetch(self, stream: Literal[True]) -> AsyncIterator[int]: ...
    @overload
    def fetch(self, stream: Literal[False]) -> "asyncio.Future[int]": ...
    def fetch(self, stream):
        if stream:
            return self._s()
        return asyncio.ensure_future(self._c())
    async def _s(self):
        yield 1
    async def _c(self):
        return 2

async def main():
    c = C()
    async for x in c.fetch(True):
        print(x)
    print(await c.fetch(False))

asyncio.run(main())
