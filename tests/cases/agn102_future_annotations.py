"""AGN102 under ``from __future__ import annotations``.

Every annotation is a string at runtime; names imported only under
``TYPE_CHECKING`` are still the typing / collections.abc classes.
Definitions only: nothing below runs on import.
"""

from __future__ import annotations

import abc
import collections.abc
import typing
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import AsyncGenerator, AsyncIterator
    from typing import AsyncIterable


class Job:
    def __init__(self, job_id: int, payload: dict[str, Any] | None = None) -> None:
        self.job_id = job_id
        self.payload = payload or {}


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


class JobQueue:
    def __init__(self, redis: Any) -> None:
        self.redis = redis

    async def pending(self) -> AsyncIterator[Job]:  # error: AGN102
        ids = await self.redis.lrange("jobs:pending", 0, -1)
        return iter([Job(int(i)) for i in ids])

    async def stream(self, batch: int = 10) -> AsyncGenerator[Job, None]:  # error: AGN102
        ids = await self.redis.lrange("jobs:pending", 0, batch)
        return (Job(int(i)) for i in ids)

    async def failed(self) -> AsyncIterable[Job]:  # error: AGN102
        return [Job(int(i)) for i in await self.redis.lrange("jobs:failed", 0, -1)]

    async def history(self, since: int | None = None) -> collections.abc.AsyncIterator[Job]:  # error: AGN102
        return [Job(int(i)) for i in await self.redis.zrange("jobs:done", since or 0, -1)]

    async def scheduled(self) -> typing.AsyncIterable[Job]:  # error: AGN102
        return [Job(int(i)) for i in await self.redis.zrange("jobs:scheduled", 0, -1)]

    async def quoted(self) -> "AsyncIterator[Job]":  # error: AGN102
        return iter([])

    async def retries(
        self,
        job: Job,
    ) -> AsyncIterator[  # error: AGN102
        int
    ]:
        return iter(range(job.payload.get("retries", 0)))


# ---------------------------------------------------------------------------
# Traps: correct code, or reported as AGN103, no AGN102 expected
# ---------------------------------------------------------------------------


class Worker:
    def __init__(self, queue: JobQueue) -> None:
        self.queue = queue

    async def drain(self) -> AsyncIterator[Job]:
        # A real async generator.
        for job_id in await self.queue.redis.lrange("jobs:pending", 0, -1):
            yield Job(int(job_id))

    def jobs(self) -> AsyncIterator[Job]:
        # A plain def returning an async generator.
        return self.drain()

    async def count(self) -> int:
        return await self.queue.redis.llen("jobs:pending")

    async def batches(self, size: int) -> list[AsyncIterator[Job]]:
        # A list of async iterators is a legitimate coroutine result.
        await self.queue.redis.ping()
        return [self.drain() for _ in range(size)]


class JobSource(Protocol):
    # A Protocol stub: AGN103 (declare it `def`), not AGN102.
    async def jobs(self) -> AsyncIterator[Job]: ...  # error: AGN103

    # Already declared the recommended way.
    def pending(self) -> AsyncIterator[Job]: ...


class BaseScheduler(abc.ABC):
    @abc.abstractmethod
    async def due(self) -> AsyncIterable[Job]:  # error: AGN103
        """Jobs that are due now."""
