"""Issue 9, shape 5: awaited factories and context-manager targets.

* `conn = await connect()`: `connect` is a coroutine whose returns are all one project class (or
  whose return annotation names one): `conn` is an instance of it.
* `async with open_conn() as conn`: `open_conn` is an `@asynccontextmanager` whose `yield`s are
  one class (or is annotated `AsyncIterator[Conn]`), or a class whose `__aenter__` returns `self`
  or one class: `conn` is an instance of it. `with ... as` likewise (`@contextmanager`,
  `__enter__`).
"""
import asyncio
from contextlib import asynccontextmanager, contextmanager
from typing import AsyncIterator, Dict, Iterator, List


class Connection:
    def __init__(self, dsn: str = "postgres://") -> None:
        self.dsn = dsn
        self.closed = False

    async def execute(self, query: str) -> List[tuple]:
        await asyncio.sleep(0)
        return [(1,)]

    async def cursor(self, query: str):
        yield (1,)

    @asynccontextmanager
    async def transaction(self):
        yield self

    async def close(self) -> None:
        self.closed = True


class LiveConnection:
    async def execute(self, query: str):
        yield (1, "live")


class Session:
    async def stream(self, prompt: str):
        for token in prompt.split():
            yield token

    async def ask(self, prompt: str) -> str:
        return prompt


class LLMClient:
    async def __aenter__(self) -> "LLMClient":
        return self

    async def __aexit__(self, *exc) -> None:
        pass

    async def complete(self, prompt: str) -> str:
        return prompt

    async def tokens(self, prompt: str):
        yield prompt

    @asynccontextmanager
    async def session(self):
        yield Session()


class Pool:
    async def __aenter__(self) -> Connection:
        return Connection()

    async def __aexit__(self, *exc) -> None:
        pass


class Span:
    def __enter__(self) -> "Span":
        return self

    def __exit__(self, *exc) -> None:
        pass

    async def flush(self) -> int:
        return 0

    async def events(self):
        yield "start"


POOL: Dict[str, object] = {"main": Connection()}


async def connect(dsn: str) -> Connection:
    await asyncio.sleep(0)
    return Connection(dsn)


async def connect_from_pool(name: str) -> Connection:
    # The return does not say what it is; the annotation does.
    return POOL[name]


async def connect_unannotated(dsn: str):
    if not dsn:
        raise ValueError("dsn required")
    return Connection(dsn)


@asynccontextmanager
async def open_conn(dsn: str):
    conn = Connection(dsn)
    try:
        yield conn
    finally:
        await conn.close()


@asynccontextmanager
async def pooled(name: str) -> AsyncIterator[Connection]:
    # The yield does not say what it is; the annotation does.
    yield POOL[name]


@contextmanager
def tracing(name: str) -> Iterator[Span]:
    yield Span()


@contextmanager
def client_scope():
    yield LLMClient()


class Service:
    def __init__(self) -> None:
        self._client = LLMClient()

    async def get_client(self) -> LLMClient:
        return self._client

    @staticmethod
    async def open(dsn: str) -> Connection:
        return Connection(dsn)


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def scenario_awaited_factory_returns_one_class():
    conn = await connect("db")
    async for row in conn.execute("select 1"):  # error: AGN201
        print(row)


async def scenario_awaited_factory_return_annotation():
    conn = await connect_from_pool("main")
    return await conn.cursor("select 1")  # error: AGN200


async def scenario_awaited_factory_unannotated_raise_path():
    conn = await connect_unannotated("db")
    return [r for r in conn.cursor("select 1")]  # error: AGN203


async def scenario_awaited_factory_coroutine_in_async_with():
    conn = await connect("db")
    async with conn.execute("select 1") as rows:  # error: AGN205
        print(rows)


async def scenario_awaited_factory_acm_awaited():
    conn = await connect("db")
    return await conn.transaction()  # error: AGN206


async def scenario_awaited_factory_create_task():
    conn = await connect("db")
    return asyncio.create_task(conn.cursor("select 1"))  # error: AGN202


async def scenario_awaited_staticmethod_factory():
    conn = await Service.open("db")
    async for row in conn.execute("q"):  # error: AGN201
        print(row)


async def scenario_awaited_method_returning_attribute():
    client = await Service().get_client()
    return await client.tokens("x")  # error: AGN200


async def scenario_asynccontextmanager_yields_one_class():
    async with open_conn("db") as conn:
        async for row in conn.execute("q"):  # error: AGN201
            print(row)


async def scenario_asynccontextmanager_annotated():
    async with pooled("main") as conn:
        return await conn.cursor("q")  # error: AGN200


async def scenario_aenter_returns_self():
    async with LLMClient() as client:
        async for token in client.complete("x"):  # error: AGN201
            print(token)


async def scenario_aenter_returns_other_class():
    async with Pool() as conn:
        return list(conn.cursor("q"))  # error: AGN203


async def scenario_nested_async_with_targets():
    async with open_conn("db") as conn, conn.transaction() as tx:
        async for row in tx.execute("q"):  # error: AGN201
            print(row)


async def scenario_method_acm_yields_class():
    async with LLMClient() as client, client.session() as session:
        return await session.stream("a b")  # error: AGN200


async def scenario_sync_with_enter_returns_self():
    with tracing("req") as span:
        async for n in span.flush():  # error: AGN201
            print(n)


async def scenario_sync_contextmanager_yields_class():
    with client_scope() as client:
        return await client.tokens("x")  # error: AGN200


async def scenario_sync_with_class_enter():
    with Span() as span:
        return sorted(span.events())  # error: AGN203


async def scenario_async_with_target_then_discard():
    async with Pool() as conn:
        async with conn.cursor("q"):  # error: AGN204
            pass


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------


async def connect_any(live: bool):
    # Two classes: the result is unknown.
    if live:
        return LiveConnection()
    return Connection()


async def scenario_ok_factory_two_classes():
    conn = await connect_any(True)
    async for row in conn.execute("q"):
        print(row)


@asynccontextmanager
async def open_any(live: bool):
    # Yields of two classes: the target is unknown.
    if live:
        yield LiveConnection()
    else:
        yield Connection()


async def scenario_ok_acm_two_classes():
    async with open_any(True) as conn:
        async for row in conn.execute("q"):
            print(row)


@asynccontextmanager
async def mislabelled() -> AsyncIterator[Connection]:
    # The annotation says Connection, the yield builds a LiveConnection: they disagree.
    yield LiveConnection()


async def scenario_ok_acm_annotation_and_yield_disagree():
    async with mislabelled() as conn:
        async for row in conn.execute("q"):
            print(row)


class Repo:
    @classmethod
    async def create(cls):
        # `cls()` may build a project subclass with other kinds.
        return cls()

    async def rows(self):
        return [1]


class LiveRepo(Repo):
    async def rows(self):
        yield 1


async def scenario_ok_classmethod_factory_cls():
    repo = await LiveRepo.create()
    async for row in repo.rows():
        print(row)


FACTORIES = {"live": LiveConnection}


async def dial(kind: str):
    # A value from a registry: unknown.
    return FACTORIES[kind]()


async def scenario_ok_factory_unknown_value():
    conn = await dial("live")
    async for row in conn.execute("q"):
        print(row)


class Wrapper:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    async def execute(self, query: str):
        async for row in self.conn.cursor(query):
            yield row


async def scenario_ok_factory_result_rebound():
    conn = await connect("db")
    conn = Wrapper(conn)
    async for row in conn.execute("q"):
        print(row)


class Proxy:
    def __init__(self, target) -> None:
        self.target = target

    async def __aenter__(self):
        # Returns whatever it wraps: unknown.
        return self.target

    async def __aexit__(self, *exc) -> None:
        pass


async def scenario_ok_aenter_returns_unknown():
    async with Proxy(LiveConnection()) as conn:
        async for row in conn.execute("q"):
            print(row)


def retry(fn):
    async def wrapper(*args, **kwargs):
        return LiveConnection()

    return wrapper


@retry
async def connect_with_retry(dsn: str) -> Connection:
    return Connection(dsn)


async def scenario_ok_decorated_factory():
    # An unknown decorator replaces the factory.
    conn = await connect_with_retry("db")
    async for row in conn.execute("q"):
        print(row)


async def scenario_ok_correct_uses():
    conn = await connect("db")
    print(await conn.execute("q"))
    async for row in conn.cursor("q"):
        print(row)
    async with open_conn("db") as conn2, conn2.transaction() as tx:
        print(await tx.execute("q"))
    async with LLMClient() as client, client.session() as session:
        async for token in session.stream("a b"):
            print(token)
        print(await session.ask("x"))
    with tracing("req") as span:
        print(await span.flush())
        async for event in span.events():
            print(event)


class Subclassed(LLMClient):
    async def __aenter__(self):
        # An override of `__aenter__` returning something else: `async with Subclassed()`
        # gives a Session.
        return Session()


async def scenario_ok_subclass_aenter_override():
    async with Subclassed() as s:
        async for token in s.stream("a b"):
            print(token)


async def scenario_ok_target_rebound_inside_block():
    async with open_conn("db") as conn:
        conn = LiveConnection()
        async for row in conn.execute("q"):
            print(row)


class Conn:
    async def reconnect(self):
        # Returns the receiver: for a subclass instance, the subclass.
        return self

    async def execute(self, query: str) -> List[tuple]:
        return [(1,)]


class StreamingConn(Conn):
    async def execute(self, query: str):
        yield (1,)


async def scenario_ok_factory_returning_self():
    conn = await StreamingConn().reconnect()
    async for row in conn.execute("q"):
        print(row)


class Lease:
    def __init__(self, conn) -> None:
        self.conn = conn

    async def __aenter__(self):
        # Returns an attribute set from a parameter: unknown.
        return self.conn

    async def __aexit__(self, *exc) -> None:
        pass


async def scenario_ok_aenter_returns_parameter_attribute():
    async with Lease(LiveConnection()) as conn:
        async for row in conn.execute("q"):
            print(row)


@asynccontextmanager
async def session_for(client):
    # Yields a value derived from a parameter: unknown.
    yield client


async def scenario_ok_acm_yields_parameter():
    async with session_for(LiveConnection()) as conn:
        async for row in conn.execute("q"):
            print(row)


class DbPool:
    """Awaiting the pool finishes opening it and gives the pool itself (asyncpg's
    `create_pool`), so `await DbPool(...)` is a `DbPool` (or a subclass)."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn

    async def _open(self):
        await asyncio.sleep(0)
        return self

    def __await__(self):
        return self._open().__await__()

    async def fetchval(self, query: str) -> int:
        return 1


async def create_db_pool():
    # Hands on what awaiting the pool gives.
    return await DbPool("postgres://")


async def scenario_awaited_factory_returning_awaited_object():
    pool = await create_db_pool()
    pool.fetchval("select 1")  # error: AGN211


class PoolBot:
    def __init__(self) -> None:
        self.db = None

    async def setup_hook(self) -> None:
        self.db = await create_db_pool()

    async def staff_role(self) -> None:
        if self.db.fetchval("select role"):  # error: AGN214
            print("staff")


class Store:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn

    async def _open(self):
        return self

    def __await__(self):
        return self._open().__await__()

    async def fetchval(self, query: str) -> int:
        return 1


class ShardedStore(Store):
    def fetchval(self, query: str) -> int:  # type: ignore[override]
        return 2


async def create_store():
    return await Store("postgres://")


async def scenario_ok_awaited_object_with_plain_override():
    # Awaiting a `Store` gives the store itself, which may be a `ShardedStore`, whose
    # `fetchval` is plain.
    store = await create_store()
    print(store.fetchval("select 1") + 1)
    pool = await create_db_pool()
    print(await pool.fetchval("select 1"))
