"""AGN205 async-with-coroutine.

`async with` over a call of a coroutine function: usually a missing `await`
(`async with await connect()`), or a function that should have been an
`@asynccontextmanager` async generator.  Reported at the context expression of
the `async with` item.  Nothing here runs at import time.
"""

import asyncio
import contextlib
import functools
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Awaitable, Callable, List

import anyio
import httpx

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


class Connection:
    """An async context manager returned by the coroutine `connect`."""

    def __init__(self, dsn: str = "postgres://") -> None:
        self.dsn = dsn

    async def __aenter__(self) -> "Connection":
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        return None

    async def fetch(self, sql: str) -> List[Any]:
        return [sql]


async def connect(dsn: str) -> Connection:
    """Coroutine returning an async context manager."""
    await asyncio.sleep(0)
    return Connection(dsn)


async def acquire_lock(name: str) -> asyncio.Lock:
    """Coroutine returning a lock (itself an async context manager)."""
    return asyncio.Lock()


async def start_trace(name: str) -> None:
    """Coroutine written where a context manager was intended."""
    await asyncio.sleep(0)


@asynccontextmanager
async def session_scope(dsn: str) -> AsyncIterator[Connection]:
    async with Connection(dsn) as conn:
        yield conn


def open_connection(dsn: str):
    """A plain def returning a coroutine object."""
    return connect(dsn)


class _AwaitedContext:
    def __init__(self, pending: Awaitable[Any]) -> None:
        self._pending = pending
        self._inner: Any = None

    async def __aenter__(self) -> Any:
        self._inner = await self._pending
        return await self._inner.__aenter__()

    async def __aexit__(self, *exc_info: Any) -> Any:
        return await self._inner.__aexit__(*exc_info)


def as_context(fn: Callable[..., Awaitable[Any]]) -> Callable[..., _AwaitedContext]:
    """Project decorator: a coroutine returning a context manager becomes a
    context manager factory.  Unknown to the linter: the kind is unknown."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> _AwaitedContext:
        return _AwaitedContext(fn(*args, **kwargs))

    return wrapper


@as_context
async def pooled_connection(dsn: str) -> Connection:
    return await connect(dsn)


class Pool:
    def __init__(self, dsn: str = "postgres://") -> None:
        self.dsn = dsn
        self._lock = asyncio.Lock()

    async def acquire(self) -> Connection:
        """Coroutine returning a connection."""
        return await connect(self.dsn)

    def connection(self) -> Connection:
        """Plain method returning a context manager instance."""
        return Connection(self.dsn)

    @asynccontextmanager
    async def lease(self) -> AsyncIterator[Connection]:
        async with await self.acquire() as conn:
            yield conn

    @staticmethod
    async def probe(dsn: str) -> Connection:
        return Connection(dsn)

    @classmethod
    async def create(cls, dsn: str) -> "Pool":
        return cls(dsn)

    # ---- positives -------------------------------------------------------

    async def health_check(self) -> None:
        async with self.acquire() as conn:  # error: AGN205
            await conn.fetch("SELECT 1")

    @classmethod
    async def bootstrap(cls) -> None:
        async with cls.create("postgres://") as pool:  # error: AGN205
            print(pool)

    # ---- traps -----------------------------------------------------------

    async def health_check_ok(self) -> None:
        async with await self.acquire() as conn:
            await conn.fetch("SELECT 1")

    async def leased(self) -> None:
        async with self._lock, self.lease() as conn:
            await conn.fetch("SELECT 1")

    async def direct(self) -> None:
        # A plain method returning a context manager instance.
        async with self.connection() as conn:
            await conn.fetch("SELECT 1")


class ReplicaPool(Pool):
    async def failover(self) -> None:
        # `acquire` is inherited from Pool: a coroutine.
        async with self.acquire() as conn:  # error: AGN205
            await conn.fetch("SELECT pg_promote()")


class OrderService:
    def __init__(self) -> None:
        self.pool = Pool()

    async def place(self, order_id: int) -> None:
        async with self.pool.acquire() as conn:  # error: AGN205
            await conn.fetch(f"INSERT INTO orders VALUES ({order_id})")

    async def place_ok(self, order_id: int) -> None:
        async with self.pool.lease() as conn:
            await conn.fetch(f"INSERT INTO orders VALUES ({order_id})")


pool = Pool()


# --------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------


async def list_users(dsn: str) -> List[Any]:
    async with connect(dsn) as conn:  # error: AGN205
        return await conn.fetch("SELECT * FROM users")


async def touch(dsn: str) -> None:
    async with connect(dsn):  # error: AGN205
        pass


async def traced_job() -> None:
    async with start_trace("nightly-job"):  # error: AGN205
        await asyncio.sleep(0)


async def exclusive_update(dsn: str) -> None:
    async with acquire_lock("users"), connect(dsn) as conn:  # error: AGN205 @16, AGN205 @39
        await conn.fetch("UPDATE users SET active = true")


async def guarded_query(lock: asyncio.Lock, dsn: str) -> None:
    async with lock, connect(dsn) as conn:  # error: AGN205 @22
        await conn.fetch("SELECT 1")


async def scoped_then_raw(dsn: str) -> None:
    async with session_scope(dsn) as a, connect(dsn) as b:  # error: AGN205 @41
        await b.fetch(str(await a.fetch("SELECT 1")))


async def continued(dsn: str) -> None:
    async with session_scope(dsn) as scoped, \
            connect(dsn) as raw:  # error: AGN205
        await raw.fetch(str(scoped))


async def nested(dsn: str) -> None:
    async with session_scope(dsn):
        async with connect(dsn) as conn:  # error: AGN205
            await conn.fetch("SELECT 1")


async def module_pool_report() -> None:
    async with pool.acquire() as conn:  # error: AGN205
        await conn.fetch("SELECT count(*) FROM users")


async def fresh_pool_report(dsn: str) -> None:
    async with Pool(dsn).acquire() as conn:  # error: AGN205
        await conn.fetch("SELECT 1")


async def probe_replica(dsn: str) -> None:
    async with Pool.probe(dsn) as conn:  # error: AGN205
        await conn.fetch("SELECT 1")


async def via_factory(dsn: str) -> None:
    # open_connection is a plain def returning a coroutine object.
    async with open_connection(dsn) as conn:  # error: AGN205
        await conn.fetch("SELECT 1")


async def copy_rows(dsn: str, tables: List[str]) -> None:
    for table in tables:
        try:
            async with connect(dsn) as conn:  # error: AGN205
                await conn.fetch(f"COPY {table}")
        except OSError:
            continue


async def export_rows(dsn: str) -> AsyncIterator[Any]:
    async with connect(  # error: AGN205
        dsn
    ) as conn:
        for row in await conn.fetch("SELECT *"):
            yield row


async def worker(dsn: str) -> None:
    async def handle() -> None:
        async with connect(dsn) as conn:  # error: AGN205
            await conn.fetch("SELECT 1")

    async with anyio.create_task_group() as tg:
        tg.start_soon(handle)


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic
# --------------------------------------------------------------------------


async def list_users_ok(dsn: str) -> List[Any]:
    async with await connect(dsn) as conn:
        return await conn.fetch("SELECT * FROM users")


async def parenthesized_await(dsn: str) -> None:
    async with (await connect(dsn)) as conn:
        await conn.fetch("SELECT 1")


async def awaited_first(dsn: str) -> None:
    conn = await connect(dsn)
    async with conn:
        await conn.fetch("SELECT 1")


async def exclusive_ok() -> None:
    async with await acquire_lock("users"):
        pass


async def class_based(dsn: str) -> None:
    # A class with __aenter__/__aexit__: instantiating it is correct.
    async with Connection(dsn) as conn:
        await conn.fetch("SELECT 1")


async def scoped(dsn: str) -> None:
    async with session_scope(dsn) as conn:
        await conn.fetch("SELECT 1")


async def decorated_factory(dsn: str) -> None:
    # @as_context (project decorator, unknown) turns the coroutine into a factory.
    async with pooled_connection(dsn) as conn:
        await conn.fetch("SELECT 1")


async def third_party(url: str) -> None:
    # Library objects: unknown to the linter (and correct).
    async with httpx.AsyncClient() as client:
        async with client.stream("GET", url) as response:
            print(response.status_code)


async def timeouts() -> None:
    async with asyncio.timeout(5):
        with anyio.fail_after(5):  # a sync context manager in anyio 4
            async with asyncio.Semaphore(4):
                await asyncio.sleep(0)


async def stacked(dsn: str) -> None:
    async with contextlib.AsyncExitStack() as stack:
        conn = await stack.enter_async_context(await connect(dsn))
        await conn.fetch("SELECT 1")


async def module_pool_ok() -> None:
    async with pool.lease() as conn, pool.connection() as other:
        await conn.fetch(str(other))


async def with_injected(connect: Callable[[str], Any]) -> None:
    # The parameter shadows the module-level coroutine function.
    async with connect("postgres://") as conn:
        await conn.fetch("SELECT 1")


async def with_pool_param(pool: Any) -> None:
    # The parameter shadows the module-level Pool instance: unknown type.
    async with pool.acquire() as conn:
        await conn.fetch("SELECT 1")


async def locked(lock: asyncio.Lock) -> None:
    # An attribute or a name, not a call.
    async with lock:
        await asyncio.sleep(0)


# --------------------------------------------------------------------------
# UNSURE: the lead decides.  Current annotation = my best guess.
# --------------------------------------------------------------------------


async def unsure_variable_bound_once(dsn: str) -> None:
    pending = connect(dsn)
    # UNSURE: variable bound once to a coroutine call. Flagged.
    async with pending as conn:  # error: AGN205
        await conn.fetch("SELECT 1")
