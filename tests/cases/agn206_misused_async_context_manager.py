"""AGN206 misused-async-context-manager.

`await` or `async for` applied to a call of an `@asynccontextmanager` function:
the call returns a context manager, which is neither awaitable nor async
iterable.  Reported at the `await` expression, or at the iterable of the
`async for`.  Nothing here runs at import time.
"""

import asyncio
import contextlib
import functools
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any, AsyncIterator, Callable, Dict, List

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


class Lease:
    def __init__(self, name: str, ttl: int) -> None:
        self.name = name
        self.ttl = ttl


class Conn:
    async def execute(self, sql: str) -> List[Any]:
        return [sql]


@asynccontextmanager
async def transaction(conn: Conn) -> AsyncIterator[Conn]:
    await conn.execute("BEGIN")
    try:
        yield conn
    finally:
        await conn.execute("COMMIT")


@contextlib.asynccontextmanager
async def acquire_lease(name: str, ttl: int = 30) -> AsyncIterator[Lease]:
    yield Lease(name, ttl)


async def stream_rows(conn: Conn) -> AsyncIterator[Dict[str, Any]]:
    """Async generator (not a context manager)."""
    for row_id in range(2):
        yield {"id": row_id}


async def commit(conn: Conn) -> None:
    await conn.execute("COMMIT")


def begin(conn: Conn) -> Any:
    """A plain def returning an async context manager object."""
    return transaction(conn)


_APP_STACK = AsyncExitStack()


def entered(factory: Callable[..., Any]) -> Callable[..., Any]:
    """Project decorator: turns a context manager factory into a coroutine that
    enters it on the application's exit stack.  Unknown to the linter."""

    @functools.wraps(factory)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        return await _APP_STACK.enter_async_context(factory(*args, **kwargs))

    return wrapper


@entered
@asynccontextmanager
async def shared_lease(name: str) -> AsyncIterator[Lease]:
    yield Lease(name, 3600)


class Repository:
    def __init__(self) -> None:
        self.conn = Conn()

    @asynccontextmanager
    async def session(self) -> AsyncIterator[Conn]:
        yield self.conn

    @staticmethod
    @asynccontextmanager
    async def scratch_dir(prefix: str) -> AsyncIterator[str]:
        yield f"/tmp/{prefix}"

    @classmethod
    @asynccontextmanager
    async def connect(cls) -> AsyncIterator["Repository"]:
        yield cls()

    async def rows(self) -> AsyncIterator[Dict[str, Any]]:
        async for row in stream_rows(self.conn):
            yield row

    # ---- positives -------------------------------------------------------

    async def save(self, record: Dict[str, Any]) -> None:
        conn = await self.session()  # error: AGN206
        await conn.execute(str(record))

    async def replay(self) -> None:
        async for conn in self.session():  # error: AGN206
            await conn.execute("SELECT 1")

    @classmethod
    async def bootstrap(cls) -> "Repository":
        return await cls.connect()  # error: AGN206

    # ---- traps -----------------------------------------------------------

    async def save_ok(self, record: Dict[str, Any]) -> None:
        async with self.session() as conn:
            await conn.execute(str(record))

    async def iterate_ok(self) -> None:
        async for row in self.rows():
            print(row)


class AuditRepository(Repository):
    async def archive(self) -> None:
        # `session` is inherited from Repository: an @asynccontextmanager method.
        conn = await self.session()  # error: AGN206
        await conn.execute("INSERT INTO archive SELECT * FROM audit")


class BillingService:
    def __init__(self) -> None:
        self.repo = Repository()

    async def charge(self, amount: int) -> None:
        conn = await self.repo.session()  # error: AGN206
        await conn.execute(f"CHARGE {amount}")

    async def charge_ok(self, amount: int) -> None:
        async with self.repo.session() as conn:
            await conn.execute(f"CHARGE {amount}")


repo = Repository()


# --------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------


async def transfer(conn: Conn) -> None:
    await transaction(conn)  # error: AGN206
    await conn.execute("UPDATE accounts SET balance = balance - 1")


async def open_tx(conn: Conn) -> Conn:
    return await transaction(conn)  # error: AGN206


async def renew(name: str) -> Lease:
    lease = await acquire_lease(name, ttl=60)  # error: AGN206
    return lease


async def renew_parenthesized(name: str) -> Lease:
    return await (acquire_lease(name))  # error: AGN206


async def renew_multiline(name: str) -> Lease:
    lease = await acquire_lease(  # error: AGN206
        name,
        ttl=120,
    )
    return lease


async def check_lease(name: str) -> bool:
    if await acquire_lease(name):  # error: AGN206
        return True
    return False


async def collect_leases(names: List[str]) -> List[Any]:
    leases = []
    for name in names:
        leases.append(await acquire_lease(name))  # error: AGN206
    return leases


async def batch_leases(names: List[str]) -> List[Any]:
    return [await acquire_lease(name) for name in names]  # error: AGN206 @13


async def lease_stream(names: List[str]) -> AsyncIterator[Any]:
    for name in names:
        yield await acquire_lease(name)  # error: AGN206


async def walk_transaction(conn: Conn) -> None:
    async for step in transaction(conn):  # error: AGN206
        print(step)


async def leases_in_comprehension(name: str) -> List[Any]:
    return [lease async for lease in acquire_lease(name)]  # error: AGN206 @38


async def module_repo_session() -> None:
    conn = await repo.session()  # error: AGN206
    await conn.execute("SELECT 1")


async def fresh_repo_session() -> None:
    conn = await Repository().session()  # error: AGN206
    await conn.execute("SELECT 1")


async def scratch() -> str:
    return await Repository.scratch_dir("build")  # error: AGN206


async def module_repo_walk() -> None:
    async for conn in repo.session():  # error: AGN206
        await conn.execute("SELECT 1")


async def retrying(conn: Conn) -> None:
    for attempt in range(3):
        try:
            await transaction(conn)  # error: AGN206
            return
        except RuntimeError:
            await asyncio.sleep(attempt)


async def in_gather(conn: Conn) -> None:
    async def step() -> None:
        await transaction(conn)  # error: AGN206

    await asyncio.gather(step(), commit(conn))


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic
# --------------------------------------------------------------------------


async def transfer_ok(conn: Conn) -> None:
    async with transaction(conn) as tx:
        await tx.execute("UPDATE accounts SET balance = balance - 1")


async def two_managers(conn: Conn, name: str) -> None:
    async with acquire_lease(name) as lease, transaction(conn) as tx:
        await tx.execute(lease.name)


async def on_stack(conn: Conn) -> Conn:
    async with AsyncExitStack() as stack:
        # The context manager is handed to the stack, which enters it.
        tx = await stack.enter_async_context(transaction(conn))
        return tx


async def manual_protocol(conn: Conn) -> None:
    manager = transaction(conn)
    # Awaiting __aenter__()/__aexit__() is the manual protocol: correct.
    tx = await manager.__aenter__()
    try:
        await tx.execute("SELECT 1")
    finally:
        await manager.__aexit__(None, None, None)


async def inline_aenter(name: str) -> Lease:
    return await acquire_lease(name).__aenter__()


async def later(conn: Conn) -> None:
    # Created now, entered later.
    manager = transaction(conn)
    async with manager as tx:
        await tx.execute("SELECT 1")


async def plain_coroutine(conn: Conn) -> None:
    await commit(conn)


async def generator_ok(conn: Conn) -> None:
    async for row in stream_rows(conn):
        print(row)
    first = await stream_rows(conn).__anext__()
    print(first)


async def shared(name: str) -> Lease:
    # @entered (project decorator, unknown) wraps the factory into a coroutine.
    return await shared_lease(name)


async def injected(transaction: Callable[[Conn], Any], conn: Conn) -> None:
    # The parameter shadows the module-level context manager factory.
    await transaction(conn)


async def repo_ok() -> None:
    async with repo.session() as conn, Repository.scratch_dir("x") as path:
        await conn.execute(path)
    async with Repository.connect() as fresh:
        async for row in fresh.rows():
            print(row)


async def nullcontext_ok() -> None:
    async with contextlib.nullcontext(42) as value:
        print(value)


# --------------------------------------------------------------------------
# UNSURE: the lead decides.  Current annotation = my best guess.
# --------------------------------------------------------------------------


async def unsure_plain_def_factory(conn: Conn) -> None:
    # UNSURE: `begin` is a plain def returning an @asynccontextmanager call.
    # Common notes say plain defs take the kind of the async generators they
    # return; guess: the same holds for context manager factories.
    await begin(conn)  # error: AGN206


async def unsure_variable_bound_once(conn: Conn) -> None:
    manager = transaction(conn)
    # UNSURE: a variable bound once to a context manager call. Flagged.
    await manager  # error: AGN206


# --------------------------------------------------------------------------
# Entered with `with`, or iterated with `for` / `list()`: the object has
# neither `__enter__` nor `__iter__`.
# --------------------------------------------------------------------------


def sync_transfer(conn: Conn) -> None:
    with transaction(conn) as tx:  # error: AGN206
        print(tx)


async def with_in_coroutine(name: str) -> None:
    with acquire_lease(name) as lease:  # error: AGN206
        print(lease.name)


async def with_method(record: Dict[str, Any]) -> None:
    with repo.session() as conn:  # error: AGN206
        await conn.execute(str(record))


async def with_second_item(conn: Conn, name: str) -> None:
    with open("/dev/null") as sink, transaction(conn) as tx:  # error: AGN206 @37
        print(sink, tx)


async def for_over_manager(conn: Conn) -> None:
    for step in transaction(conn):  # error: AGN206
        print(step)


def listed(name: str) -> List[Any]:
    return list(acquire_lease(name))  # error: AGN206


def through_plain_factory(conn: Conn) -> None:
    with begin(conn) as tx:  # error: AGN206
        print(tx)


# Traps: what a `with` / `for` may rightly be given.


@contextlib.contextmanager
def sync_lease(name: str) -> Any:
    yield Lease(name, 30)


def sync_with_ok(name: str) -> None:
    with sync_lease(name) as lease:
        print(lease.name)


async def exit_stack_ok(name: str) -> None:
    with contextlib.ExitStack() as stack:
        lease = stack.enter_context(sync_lease(name))
        print(lease)
    async with AsyncExitStack() as stack_a:
        print(await stack_a.enter_async_context(acquire_lease(name)))


def shadowed_with(transaction: Callable[[Conn], Any], conn: Conn) -> None:
    # The parameter shadows the module-level factory.
    with transaction(conn) as tx:
        print(tx)


def not_iterated(name: str) -> List[Any]:
    # Put in a list, not iterated.
    return [acquire_lease(name)]


try:
    from contextlib import nullcontext as maybe_lease
except ImportError:  # pragma: no cover
    maybe_lease = acquire_lease  # type: ignore[assignment]


def alternative_fallback() -> None:
    # The ImportError fallback binds the async-only factory: on that path, `with` fails.
    with maybe_lease("x"):  # error: AGN206
        pass
