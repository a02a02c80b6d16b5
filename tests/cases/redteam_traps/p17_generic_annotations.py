import asyncio
from typing import Awaitable, Coroutine, Any, List, Iterable, Type, Callable, Optional, AsyncIterator, Sequence

class Conn:
    def close(self):
        pass

async def make():
    return Conn()

async def agen():
    yield Conn()

async def use(a: Awaitable[Conn], b: "Coroutine[Any, Any, Conn]", items: List[Conn],
              it: Iterable[Conn], kls: Type[Conn], factory: Callable[[], Conn],
              opt: Optional[List[Conn]], ai: AsyncIterator[Conn], t: "asyncio.Task[Conn]",
              seq: Sequence[Conn]):
    c = await a
    c2 = await b
    for x in items:
        x.close()
    for y in it:
        y.close()
    for z in opt or []:
        z.close()
    async for w in ai:
        w.close()
    c3 = await t
    f = factory()
    k = kls()
    for s in seq:
        s.close()
    return c, c2, c3, f, k

async def main():
    t = asyncio.ensure_future(make())
    print(await use(make(), make(), [Conn()], (Conn(),), Conn, Conn, None, agen(), t, [Conn()]))

asyncio.run(main())
