"""AGN218 coroutine-passed-to-asyncio-wait.

`asyncio.wait(fs)` takes tasks and futures.  From Python 3.11 a coroutine
object among them raises `TypeError: Passing coroutines is forbidden, use
tasks explicitly.` (deprecated since 3.8); an async generator is no awaitable
at all.  Each element of a display, or the element of a comprehension, written
as `fs` is judged.  Reported at the element.  Nothing here runs at import time.
"""

import asyncio
from typing import Any, AsyncIterator, List, Set


async def fetch(url: str) -> str:
    await asyncio.sleep(0)
    return url


async def ticks() -> AsyncIterator[int]:
    yield 1


class Monitor:
    """SubVortex's miner: `asyncio.wait([self.should_exit.wait(), ...])`."""

    def __init__(self) -> None:
        self.should_exit = asyncio.Event()

    async def watch(self, url: str) -> None:
        await asyncio.wait(  # the element is reported, not the call
            [self.should_exit.wait(), fetch(url)],  # error: AGN218
            return_when=asyncio.FIRST_COMPLETED,
        )

    async def watch_correctly(self, url: str) -> None:
        stop = asyncio.create_task(self.should_exit.wait())
        work = asyncio.ensure_future(fetch(url))
        await asyncio.wait([stop, work], return_when=asyncio.FIRST_COMPLETED)


async def crawl(urls: List[str]) -> None:
    await asyncio.wait([fetch(u) for u in urls])  # error: AGN218
    await asyncio.wait({fetch(u) for u in urls})  # error: AGN218
    await asyncio.wait(fetch(u) for u in urls)  # error: AGN218
    await asyncio.wait(fs=[fetch(urls[0])])  # error: AGN218
    await asyncio.wait((ticks(),))  # error: AGN218
    done, pending = await asyncio.wait([fetch(u) for u in urls], timeout=5)  # error: AGN218


# --------------------------------------------------------------------------
# Traps
# --------------------------------------------------------------------------


class Job:
    def start(self) -> "asyncio.Task[str]":
        return asyncio.ensure_future(fetch("x"))


class Pool:
    """A project's own `wait` may take coroutines."""

    async def wait(self, jobs: Any) -> None:
        await asyncio.gather(*jobs)


async def crawl_correctly(urls: List[str], jobs: List[Job], pool: Pool) -> None:
    await asyncio.wait([asyncio.create_task(fetch(u)) for u in urls])
    await asyncio.wait([job.start() for job in jobs])
    # `as_completed` and `gather` wrap coroutines themselves.
    for next_done in asyncio.as_completed([fetch(u) for u in urls]):
        await next_done
    await asyncio.gather(*[fetch(u) for u in urls])
    await pool.wait([fetch(u) for u in urls])
    # The comprehension's own variable: what `item.run()` is depends on each item.
    await asyncio.wait([item.run() for item in urls])  # type: ignore[attr-defined]
    # A name holding the list: what it holds by then is not followed.
    tasks: Set[Any] = {asyncio.ensure_future(fetch(u)) for u in urls}
    await asyncio.wait(tasks)
