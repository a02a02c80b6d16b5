import asyncio
import typing_extensions as te
from typing import Protocol as Proto

class Closeable(Proto):
    def close(self) -> None: ...

class Source(Proto):
    def read(self) -> bytes: ...

class AClose:
    async def close(self):
        pass
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None

async def shutdown(c: Closeable, s: Source):
    async with c:
        await c.close()
    return s

asyncio.run(shutdown(AClose(), None))
