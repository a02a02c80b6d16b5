"""AGN204 async-with-async-generator.

`async with` over a call of an async generator function that lacks
`@contextlib.asynccontextmanager` (typically: the decorator was forgotten).
Reported at the context expression of the `async with` item.  Nothing here runs
at import time.
"""

import abc
import asyncio
import contextlib
import functools
from contextlib import AsyncExitStack, asynccontextmanager
from contextlib import asynccontextmanager as async_cm
from typing import Any, AsyncIterator, Callable, Dict, List

import anyio

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


class Connection:
    def __init__(self, dsn: str = "sqlite://") -> None:
        self.dsn = dsn
        self.closed = False

    async def execute(self, sql: str) -> List[Any]:
        return [sql]

    async def close(self) -> None:
        self.closed = True


async def open_session(dsn: str) -> AsyncIterator[Connection]:
    """Written like a context manager, but the decorator is missing."""
    conn = Connection(dsn)
    try:
        yield conn
    finally:
        await conn.close()


async def watch_changes(table: str) -> AsyncIterator[Dict[str, Any]]:
    """A genuine async generator (meant for `async for`)."""
    for version in range(2):
        yield {"table": table, "version": version}


@asynccontextmanager
async def transaction(conn: Connection) -> AsyncIterator[Connection]:
    await conn.execute("BEGIN")
    try:
        yield conn
    finally:
        await conn.execute("COMMIT")


@contextlib.asynccontextmanager
async def lease(name: str) -> AsyncIterator[str]:
    yield name


@async_cm
async def temp_table(conn: Connection) -> AsyncIterator[str]:
    # Decorated through an alias of contextlib.asynccontextmanager.
    yield "tmp_1"


def connect(dsn: str):
    """A plain def returning an async generator object (still undecorated)."""
    return open_session(dsn)


def managed(fn: Callable[..., AsyncIterator[Any]]) -> Callable[..., Any]:
    """Project decorator that wraps an async generator into a context manager.
    Unknown to the linter: the kind is unknown."""
    return asynccontextmanager(fn)


def traced(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Project decorator (pass-through); unknown to the linter."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)

    return wrapper


@managed
async def managed_session(dsn: str) -> AsyncIterator[Connection]:
    conn = Connection(dsn)
    try:
        yield conn
    finally:
        await conn.close()


@traced
@asynccontextmanager
async def traced_session(dsn: str) -> AsyncIterator[Connection]:
    yield Connection(dsn)


class Session:
    """Class-based async context manager."""

    def __init__(self, dsn: str = "sqlite://") -> None:
        self.conn = Connection(dsn)

    @classmethod
    def open(cls, dsn: str) -> "Session":
        return cls(dsn)

    async def __aenter__(self) -> Connection:
        return self.conn

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.conn.close()


class Database:
    def __init__(self, dsn: str = "sqlite://") -> None:
        self.dsn = dsn
        self._lock = asyncio.Lock()

    async def session(self) -> AsyncIterator[Connection]:
        """Undecorated async generator method."""
        conn = Connection(self.dsn)
        try:
            yield conn
        finally:
            await conn.close()

    @asynccontextmanager
    async def checkout(self) -> AsyncIterator[Connection]:
        yield Connection(self.dsn)

    @staticmethod
    async def temp_schema(name: str) -> AsyncIterator[str]:
        yield name

    @classmethod
    async def pool(cls) -> AsyncIterator["Database"]:
        yield cls()

    def transaction(self) -> Any:
        """Plain method returning an async context manager object."""
        return self.checkout()

    # ---- positives -------------------------------------------------------

    async def migrate(self) -> None:
        async with self.session() as conn:  # error: AGN204
            await conn.execute("ALTER TABLE users ADD COLUMN age")

    @classmethod
    async def warm_up(cls) -> None:
        async with cls.pool() as db:  # error: AGN204
            print(db)

    # ---- traps -----------------------------------------------------------

    async def migrate_ok(self) -> None:
        async with self.checkout() as conn:
            await conn.execute("ALTER TABLE users ADD COLUMN age")

    async def vacuum(self) -> None:
        # Lock attribute, not a call.
        async with self._lock:
            async with self.transaction() as conn:
                await conn.execute("VACUUM")

    async def replicate(self) -> None:
        # The async generator method iterated, correctly.
        async for conn in self.session():
            await conn.execute("SELECT 1")


class AuditedDatabase(Database):
    async def purge(self) -> None:
        # `session` is inherited from Database: an undecorated async generator.
        async with self.session() as conn:  # error: AGN204
            await conn.execute("DELETE FROM audit")


class UserRepository:
    def __init__(self) -> None:
        self.db = Database()

    async def rename(self, user_id: int, name: str) -> None:
        async with self.db.session() as conn:  # error: AGN204
            await conn.execute(f"UPDATE users SET name = '{name}' WHERE id = {user_id}")

    async def rename_ok(self, user_id: int, name: str) -> None:
        async with self.db.checkout() as conn:
            await conn.execute("UPDATE users SET name = ?")


db = Database()


# --------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------


async def create_user(dsn: str, name: str) -> None:
    async with open_session(dsn) as conn:  # error: AGN204
        await conn.execute(f"INSERT INTO users VALUES ('{name}')")


async def ping(dsn: str) -> None:
    async with open_session(dsn):  # error: AGN204
        pass


async def guarded_insert(lock: asyncio.Lock, dsn: str) -> None:
    async with lock, open_session(dsn) as conn:  # error: AGN204 @22
        await conn.execute("INSERT INTO t VALUES (1)")


async def leased_session(name: str, dsn: str) -> None:
    # A backslash continuation: the second item starts on the next line.
    async with lease(name) as held, \
            open_session(dsn) as conn:  # error: AGN204
        await conn.execute(f"SELECT '{held}'")


async def copy_table(conn: Connection, dsn: str) -> None:
    async with transaction(conn) as tx, open_session(dsn) as other:  # error: AGN204 @41
        await other.execute(str(await tx.execute("SELECT *")))


async def nested_sessions(dsn: str) -> None:
    async with lease("primary"):
        async with open_session(dsn) as conn:  # error: AGN204
            await conn.execute("SELECT 1")


async def follow(table: str) -> None:
    async with watch_changes(table) as changes:  # error: AGN204
        print(changes)


async def module_db_report() -> None:
    async with db.session() as conn:  # error: AGN204
        await conn.execute("SELECT count(*) FROM users")


async def fresh_db_report() -> None:
    async with Database("postgres://").session() as conn:  # error: AGN204
        await conn.execute("SELECT 1")


async def schema_check() -> None:
    async with Database.temp_schema("check") as schema:  # error: AGN204
        print(schema)


async def connect_and_query(dsn: str) -> None:
    # `connect` is a plain def returning an undecorated async generator.
    async with connect(dsn) as conn:  # error: AGN204
        await conn.execute("SELECT 1")


async def sync_tables(dsn: str, tables: List[str]) -> None:
    for table in tables:
        try:
            async with open_session(dsn) as conn:  # error: AGN204
                await conn.execute(f"ANALYZE {table}")
        except OSError:
            continue


async def stream_with_sessions(dsn: str) -> AsyncIterator[List[Any]]:
    async for change in watch_changes("users"):
        async with open_session(dsn) as conn:  # error: AGN204
            yield await conn.execute(str(change))


async def retry_in_task_group(dsn: str) -> None:
    async def attempt() -> None:
        async with open_session(dsn) as conn:  # error: AGN204
            await conn.execute("SELECT 1")

    async with anyio.create_task_group() as tg:
        tg.start_soon(attempt)


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic
# --------------------------------------------------------------------------


async def create_user_ok(conn: Connection) -> None:
    async with transaction(conn) as tx:
        await tx.execute("INSERT INTO users VALUES ('x')")


async def leased() -> None:
    async with lease("cron"), lease("mail") as name:
        print(name)


async def with_temp_table(conn: Connection) -> None:
    # Decorated through `asynccontextmanager as async_cm`.
    async with temp_table(conn) as table:
        print(table)


async def watch_ok(table: str) -> None:
    # aclosing() wraps the async generator; `async for` iterates it.
    async with contextlib.aclosing(watch_changes(table)) as changes:
        async for change in changes:
            print(change)


async def iterate_sessions(dsn: str) -> None:
    # An undecorated async generator used with `async for`: correct.
    async for conn in open_session(dsn):
        await conn.execute("SELECT 1")


async def managed_ok(dsn: str) -> None:
    # @managed (project decorator, unknown) produces a context manager.
    async with managed_session(dsn) as conn:
        await conn.execute("SELECT 1")


async def traced_unknown(dsn: str) -> None:
    # @traced (unknown) sits on top of @asynccontextmanager: kind unknown.
    async with traced_session(dsn) as conn:
        await conn.execute("SELECT 1")


async def wrapped_at_call_site(dsn: str) -> None:
    # Call of a call: asynccontextmanager(open_session) is built on the spot.
    async with asynccontextmanager(open_session)(dsn) as conn:
        await conn.execute("SELECT 1")


async def class_based(dsn: str) -> None:
    async with Session(dsn) as conn:
        await conn.execute("SELECT 1")
    async with Session.open(dsn) as conn:
        await conn.execute("SELECT 2")


async def stacked(conn: Connection) -> None:
    async with AsyncExitStack() as stack:
        tx = await stack.enter_async_context(transaction(conn))
        await tx.execute("SELECT 1")


async def primitives(dsn: str) -> None:
    async with asyncio.Lock():
        async with asyncio.Semaphore(2), asyncio.timeout(5):
            async with anyio.create_task_group() as tg:
                tg.start_soon(asyncio.sleep, 0)


async def with_injected_factory(open_session: Callable[[str], Any]) -> None:
    # The parameter shadows the module-level async generator function.
    async with open_session("sqlite://") as conn:
        await conn.execute("SELECT 1")


async def module_db_ok() -> None:
    async with db.checkout() as conn, db.transaction() as conn2:
        await conn.execute(str(conn2))


# --------------------------------------------------------------------------
# UNSURE: the lead decides.  Current annotation = my best guess.
# --------------------------------------------------------------------------


async def unsure_variable_bound_once(dsn: str) -> None:
    session = open_session(dsn)
    # UNSURE: variable bound once to an async generator call. Flagged.
    async with session as conn:  # error: AGN204
        await conn.execute("SELECT 1")


class UnsureAbstractStore(abc.ABC):
    @abc.abstractmethod
    async def snapshot(self) -> AsyncIterator[Dict[str, Any]]:
        yield {}

    async def backup(self) -> None:
        # UNSURE: abc.abstractmethod is kind-preserving, but an abstract method
        # exists to be overridden (maybe in another module, with another kind),
        # so self.snapshot() in the base is ambiguous. Guess: silent.
        async with self.snapshot() as data:
            print(data)
