"""A parameter annotated with a project ``typing.Protocol``: its implementations need not
derive from it, so only what the Protocol declares is known.  A method declared ``async def``
with a result annotation (not an async iterator) gives a coroutine in every conforming
implementation, so callers must await it.  Anything else of the object is unknown.
"""
import asyncio
from typing import AsyncIterator, Protocol


class Flushable(Protocol):
    async def flush(self) -> int: ...

    def pending(self) -> int: ...


class RowSource(Protocol):
    async def rows(self): ...

    async def stream(self) -> AsyncIterator[int]: ...  # error: AGN103


class Spool:
    """Implements Flushable without deriving from it."""

    def __init__(self) -> None:
        self.buf = [1, 2]

    async def flush(self) -> int:
        await asyncio.sleep(0)
        count, self.buf = len(self.buf), []
        return count

    def pending(self) -> int:
        return len(self.buf)


async def drain(sink: Flushable) -> bool:
    return sink.flush() > 0  # error: AGN215


async def drain_twice(sink: Flushable) -> int:
    sink.flush()  # error: AGN211
    return (await sink.flush()) + sink.pending()


async def drain_correctly(sink: Flushable) -> bool:
    return await sink.flush() > 0 and sink.pending() >= 0


async def read_all(source: RowSource) -> list:
    # Traps: an unannotated `async def` stub (implementations are often async generators) and
    # one declaring an async iterator: neither says what a call gives.
    found = []
    async for row in source.rows():
        found.append(row)
    async for row in source.stream():
        found.append(row)
    return found


async def main() -> None:
    print(await drain_correctly(Spool()))
