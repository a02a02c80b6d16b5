"""AGN220 special-method-of-wrong-kind.

`async for`, `async with`, `await` and `for` call special methods of the object's class and
use what those calls give: `async for` awaits what `__anext__` of `__aiter__()`'s result
returns, `async with` awaits what `__aenter__` and `__aexit__` return, `await` iterates what
`__await__` returns, `for` iterates `__iter__()`'s result.  A class whose method has the wrong
kind fails there:

    'async for' received an object from __aiter__ that does not implement __anext__: coroutine
    'async for' received an invalid object from __anext__: dict
    'async with' received an object from __aenter__ that does not implement __await__: Pager
    __await__() returned a coroutine
    iter() returned non-iterator of type 'async_generator'

Judged on an instance of a project class (every subclass too, for one known from an
annotation).  Reported where AGN208 is.  Every `# error:` line raises TypeError when its
function runs; every trap runs cleanly.  Nothing here runs at import time.
"""

import asyncio
from typing import Any, AsyncIterator, Awaitable, Dict, Iterator, List, Optional

from sdk_base import BaseSession  # not installed here: a base the linter cannot read

Item = Dict[str, Any]

# --------------------------------------------------------------------------
# Async iterators
# --------------------------------------------------------------------------


class Pager:
    """Right: a plain `__aiter__` returning `self`, an `async def __anext__`."""

    def __init__(self, pages: List[List[Item]]) -> None:
        self.pages = pages
        self._buf: List[Item] = []

    def __aiter__(self) -> "Pager":
        return self

    async def __anext__(self) -> Item:
        if not self._buf and self.pages:
            self._buf = list(self.pages.pop(0))
        if not self._buf:
            raise StopAsyncIteration
        return self._buf.pop(0)


class LegacyPager(Pager):
    """Ported from Python 3.5's protocol: `__aiter__` is awaited no more."""

    async def __aiter__(self) -> "LegacyPager":  # error: AGN105
        return self


class CachedPager(Pager):
    """A plain `__anext__` returning the item itself, which `async for` then awaits."""

    def __anext__(self) -> Item:  # type: ignore[override]
        if not self._buf and self.pages:
            self._buf = list(self.pages.pop(0))
        if not self._buf:
            raise StopAsyncIteration
        return self._buf.pop(0)


class ListedPager(Pager):
    def __aiter__(self) -> List[Item]:  # type: ignore[override]
        return []


class StreamedPager(Pager):
    """Right: an async generator method is an async iterator's factory."""

    async def __aiter__(self) -> AsyncIterator[Item]:  # type: ignore[override]
        for page in self.pages:
            for item in page:
                yield item


class QueuePager:
    """Right: a plain `__anext__` may return an awaitable, here asyncio's coroutine."""

    def __init__(self) -> None:
        self.queue: "asyncio.Queue[Item]" = asyncio.Queue()

    def __aiter__(self) -> "QueuePager":
        return self

    def __anext__(self) -> Awaitable[Item]:
        return self.queue.get()


class DelegatingPager:
    """Right: a plain `__anext__` returning the call of an `async def`."""

    def __aiter__(self) -> "DelegatingPager":
        return self

    def __anext__(self) -> Awaitable[Item]:
        return self._next()

    async def _next(self) -> Item:
        raise StopAsyncIteration


class OpaqueNext:
    """A plain `__anext__` whose result is not known: silent."""

    def __init__(self, source: Any) -> None:
        self.source = source

    def __aiter__(self) -> "OpaqueNext":
        return self

    def __anext__(self) -> Any:
        return self.source.next_item()


async def replay(archive: LegacyPager) -> List[Item]:
    return [item async for item in archive]  # error: AGN220


async def warm(cache: CachedPager) -> List[str]:
    titles = []
    async for item in cache:  # error: AGN220
        titles.append(item["title"])
    return titles


async def listed() -> int:
    count = 0
    async for _ in ListedPager([]):  # error: AGN220
        count += 1
    return count


async def collect(pager: Pager) -> List[Item]:
    # `Pager` is right, but its subclasses are not: the annotation admits them, and
    # `Pager` itself may be what is passed.  Silent.
    return [item async for item in pager]


async def streamed(pager: StreamedPager) -> List[Item]:
    return [item async for item in pager]


async def queued(pager: QueuePager) -> Item:
    async for item in pager:
        return item
    return {}


async def delegated() -> List[Item]:
    return [item async for item in DelegatingPager()]


async def opaque(pager: OpaqueNext) -> List[Any]:
    return [item async for item in pager]


class Walker(Pager):
    async def walk(self) -> List[Item]:
        # `self`: a subclass may define the methods otherwise.
        return [item async for item in self]


# --------------------------------------------------------------------------
# Async context managers
# --------------------------------------------------------------------------


class FeedSession:
    def __init__(self) -> None:
        self.open = False

    async def __aenter__(self) -> Pager:
        self.open = True
        return Pager([])

    async def __aexit__(self, *exc: object) -> None:
        self.open = False


class LegacySession(FeedSession):
    def __aenter__(self) -> Pager:  # type: ignore[override]
        self.open = True
        return Pager([])


class ClosingSession:
    async def __aenter__(self) -> "ClosingSession":
        return self

    def __aexit__(self, *exc: object) -> None:
        print("closed")


class SelfSession:
    def __aenter__(self) -> "SelfSession":
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


class GeneratorSession:
    async def __aenter__(self) -> AsyncIterator[int]:  # error: AGN105
        yield 1

    async def __aexit__(self, *exc: object) -> None:
        return None


class LockedSession:
    """Right: a plain `__aenter__` returning a coroutine (the lock's `acquire()`)."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()

    def __aenter__(self) -> Awaitable[bool]:
        return self.lock.acquire()

    async def __aexit__(self, *exc: object) -> None:
        self.lock.release()


class AwaitableSession:
    """Right: a plain `__aenter__` returning `self`, an awaitable instance."""

    def __aenter__(self) -> "AwaitableSession":
        return self

    def __await__(self) -> Iterator[None]:
        yield None

    async def __aexit__(self, *exc: object) -> None:
        return None


class RemoteSession(BaseSession):
    """Its base is not known: `BaseSession` may define `__await__`."""

    def __aenter__(self) -> "RemoteSession":
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


async def open_legacy(session: LegacySession) -> int:
    async with session as pager:  # error: AGN220
        return len([i async for i in pager])


async def open_feed(session: FeedSession) -> int:
    # Right for `FeedSession`; a subclass the annotation admits overrides it wrongly.
    async with session as pager:
        return len([i async for i in pager])


async def close_it() -> None:
    async with ClosingSession():  # error: AGN220
        pass


async def enter_self() -> None:
    async with SelfSession() as session:  # error: AGN220
        print(session)


async def enter_generator() -> None:
    async with GeneratorSession():  # error: AGN220
        pass


async def locked() -> None:
    async with LockedSession():
        pass


async def awaited_entry() -> None:
    async with AwaitableSession():
        pass


async def remote() -> None:
    async with RemoteSession():
        pass


# --------------------------------------------------------------------------
# Awaitables and plain iterables
# --------------------------------------------------------------------------


class Job:
    async def __await__(self) -> int:  # type: ignore[misc]  # error: AGN105
        return 1


class RightJob:
    """Right: `__await__` hands on a coroutine's iterator."""

    def __await__(self) -> Any:
        return self._run().__await__()

    async def _run(self) -> int:
        return 1


class Rows:
    async def __iter__(self) -> AsyncIterator[int]:  # type: ignore[misc]  # error: AGN105
        yield 1


class RightRows:
    def __iter__(self) -> Iterator[int]:
        yield 1


async def run_job() -> int:
    return await Job()  # error: AGN220


async def run_right_job() -> int:
    return await RightJob()


def rows() -> List[int]:
    return [row for row in Rows()]  # error: AGN220


def right_rows() -> List[int]:
    return [row for row in RightRows()]


def maybe(rows: Optional[Rows]) -> bool:
    # `in` asks `__contains__` first (here absent, so `__iter__` is used; not judged).
    return rows is not None and 1 in rows
