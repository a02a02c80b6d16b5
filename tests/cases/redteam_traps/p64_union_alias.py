import asyncio
from typing import Union, Optional, Annotated, TypeVar, TypeAlias

class SyncConn:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None

class AsyncConn:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None

AnyConn = Union[SyncConn, AsyncConn]
AnyConn2: TypeAlias = "SyncConn | AsyncConn"
C = TypeVar("C", SyncConn, AsyncConn)
CB = TypeVar("CB", bound=SyncConn)
Alias = SyncConn
Alias = AsyncConn

async def use(a: AnyConn, b: AnyConn2, c: C, d: Optional[Union[SyncConn, AsyncConn]], e: Alias,
              f: Annotated[Union[SyncConn, AsyncConn], "x"]):
    for x in (a, b, c, d, f):
        if isinstance(x, AsyncConn):
            async with x:
                pass
    async with a:
        pass
    async with b:
        pass
    async with c:
        pass
    async with d:
        pass
    async with e:
        pass
    async with f:
        pass

ac = AsyncConn()
asyncio.run(use(ac, ac, ac, ac, ac, ac))
