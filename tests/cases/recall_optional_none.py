"""Issue 9, shape 3: `None` alongside one class.

An attribute or variable bound to `Service()` in one place and to `None` elsewhere (`self.h = None`
in `close()`) holds "a `Service` or `None`": a method call on it can only succeed on the
`Service`, so the call is judged as a `Service` call. When the other bindings are a second class,
a value from outside (a callback parameter, a factory we cannot see, `setattr`), the value is
unknown and nothing is reported.
"""
import asyncio
from contextlib import asynccontextmanager
from typing import List, Optional


class Connection:
    """A database connection: `execute` is a coroutine, `cursor` an async generator."""

    def __init__(self) -> None:
        self.rows = [(1, "a"), (2, "b")]

    async def execute(self, query: str) -> List[tuple]:
        await asyncio.sleep(0)
        return list(self.rows)

    async def cursor(self, query: str):
        for row in self.rows:
            yield row

    @asynccontextmanager
    async def transaction(self):
        yield self

    async def acquire(self):
        return self


class LiveConnection:
    """A second class whose `execute` streams."""

    async def execute(self, query: str):
        yield (1, "live")


class WebSocket:
    def __init__(self) -> None:
        self.listening = False

    async def listen(self):
        self.listening = True
        yield "message"

    async def send(self, text: str) -> None:
        await asyncio.sleep(0)


class Database:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.conn = None

    async def connect(self) -> None:
        self.conn = Connection()

    async def close(self) -> None:
        self.conn = None

    async def users(self):
        async for row in self.conn.execute("select * from users"):  # error: AGN201
            print(row)

    async def users_checked(self):
        if self.conn is not None:
            return await self.conn.cursor("select 1")  # error: AGN200
        return []

    async def users_truthy(self):
        if self.conn:
            return [r for r in self.conn.cursor("select 1")]  # error: AGN203
        return []

    async def in_transaction(self):
        return await self.conn.transaction()  # error: AGN206

    async def pooled(self):
        async with self.conn.acquire() as conn:  # error: AGN205
            return conn


class ChatSocket:
    def __init__(self) -> None:
        self.ws: Optional[WebSocket] = WebSocket()

    async def __aenter__(self) -> "ChatSocket":
        return self

    async def __aexit__(self, *exc) -> None:
        self.ws = None

    async def start(self) -> None:
        asyncio.create_task(self.ws.listen())  # error: AGN202

    async def poll(self) -> None:
        self.ws.listen()  # error: AGN207
        assert self.ws.listening, "never listened"

    async def drain(self) -> list:
        return list(self.ws.listen())  # error: AGN203


class Cache:
    async def scan(self):
        yield "key"

    async def get(self, key: str) -> Optional[str]:
        return None


class CachedRepo:
    def __init__(self, enabled: bool = True) -> None:
        self.cache = Cache() if enabled else None

    async def keys(self):
        return await self.cache.scan()  # error: AGN200


_client = None


def init_client() -> None:
    global _client
    _client = Connection()


async def query_module_global():
    init_client()
    async for row in _client.execute("select 2"):  # error: AGN201
        print(row)


class Registry:
    _instance = None

    @classmethod
    def instance(cls) -> "Registry":
        if cls._instance is None:
            cls._instance = Registry()
        return cls._instance

    async def lookup(self, name: str):
        yield name


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def scenario_attribute_none_in_init_and_close():
    db = Database("sqlite://")
    await db.connect()
    await db.users()


async def scenario_attribute_checked_not_none():
    db = Database("sqlite://")
    await db.connect()
    await db.users_checked()


async def scenario_attribute_truthiness_guard():
    db = Database("sqlite://")
    await db.connect()
    await db.users_truthy()


async def scenario_attribute_context_manager_awaited():
    db = Database("sqlite://")
    await db.connect()
    await db.in_transaction()


async def scenario_attribute_coroutine_in_async_with():
    db = Database("sqlite://")
    await db.connect()
    await db.pooled()


async def scenario_none_set_in_aexit_create_task():
    async with ChatSocket() as chat:
        await chat.start()


async def scenario_none_set_in_aexit_discarded():
    async with ChatSocket() as chat:
        await chat.poll()


async def scenario_none_set_in_aexit_list():
    async with ChatSocket() as chat:
        await chat.drain()


async def scenario_conditional_expression_with_none():
    await CachedRepo().keys()


async def scenario_module_global_none_then_instance():
    await query_module_global()


async def scenario_local_none_then_instance(use_db: bool = True):
    conn = None
    if use_db:
        conn = Connection()
    async for row in conn.execute("select 3"):  # error: AGN201
        print(row)


async def scenario_local_optional_annotation_then_instance():
    conn: Optional[Connection] = None
    conn = Connection()
    return await conn.cursor("select 4")  # error: AGN200


async def scenario_classlevel_none_singleton():
    Registry.instance()
    # Not followed: a class attribute rebound through `cls` in a classmethod is unknown.
    return await Registry._instance.lookup("svc")


async def scenario_walrus_none_or_instance(enabled: bool = True):
    if (conn := Connection() if enabled else None) is not None:
        async for row in conn.execute("select 5"):  # error: AGN201
            print(row)


class StreamConsumer:
    """A Kafka-style consumer: the client exists between start() and stop()."""

    def __init__(self, topic: str) -> None:
        self.topic = topic
        self._conn: Optional[Connection] = None
        self._ws = None

    async def start(self) -> None:
        self._conn = Connection()
        self._ws = WebSocket()

    async def stop(self) -> None:
        self._conn = None
        self._ws = None

    async def batch(self):
        async with self._conn.cursor(self.topic) as rows:  # error: AGN204
            return rows

    async def messages(self):
        return sorted(self._ws.listen())  # error: AGN203

    async def commit(self):
        return await asyncio.wait_for(self._ws.listen(), 1)  # error: AGN202


async def scenario_optional_attribute_async_with_agen():
    consumer = StreamConsumer("orders")
    await consumer.start()
    await consumer.batch()


async def scenario_optional_attribute_sorted_agen():
    consumer = StreamConsumer("orders")
    await consumer.start()
    await consumer.messages()


async def scenario_optional_attribute_wait_for_agen():
    consumer = StreamConsumer("orders")
    await consumer.start()
    await consumer.commit()


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------


class Replica:
    def __init__(self, live: bool) -> None:
        self.conn = None
        self.live = live

    async def connect(self) -> None:
        # Two classes besides None: `execute` differs in kind between them.
        if self.live:
            self.conn = LiveConnection()
        else:
            self.conn = Connection()

    async def rows(self):
        if self.live:
            return [r async for r in self.conn.execute("q")]
        return await self.conn.execute("q")


async def scenario_ok_two_classes_and_none():
    replica = Replica(live=True)
    await replica.connect()
    await replica.rows()


class Transport:
    def __init__(self, on_connected) -> None:
        self.on_connected = on_connected

    async def open(self) -> None:
        self.on_connected(LiveConnection())


class Subscriber:
    def __init__(self) -> None:
        self.conn = None

    async def connect_default(self) -> None:
        self.conn = Connection()

    def _on_connected(self, conn) -> None:
        # Rebound by a callback with a value from the transport: unknown.
        self.conn = conn

    async def run(self) -> None:
        await Transport(self._on_connected).open()
        async for row in self.conn.execute("listen"):
            print(row)


async def scenario_ok_rebound_by_callback():
    await Subscriber().run()


class Plugin:
    def __init__(self) -> None:
        self.conn = None

    def configure(self, **options) -> None:
        # setattr with a name from outside: any attribute may change.
        for name, value in options.items():
            setattr(self, name, value)

    async def start(self) -> None:
        self.conn = Connection()

    async def stream(self):
        return [r async for r in self.conn.execute("q")]


async def scenario_ok_setattr_rebinding():
    plugin = Plugin()
    plugin.configure(conn=LiveConnection())
    await plugin.stream()


def connection_factory():
    return FACTORIES["default"]()


FACTORIES = {"default": LiveConnection}


class Pool:
    def __init__(self) -> None:
        self.conn = None

    async def open(self) -> None:
        # None or whatever an unknown factory returns: unknown.
        self.conn = connection_factory()

    async def rows(self):
        return [r async for r in self.conn.execute("q")]


async def scenario_ok_none_or_unknown_factory():
    pool = Pool()
    await pool.open()
    await pool.rows()


class Worker:
    def __init__(self) -> None:
        self.conn = None

    async def start(self) -> None:
        self.conn = Connection()

    async def rows(self):
        if self.conn is None:
            # Narrowed to None: nothing is called on it; the fallback is an async generator.
            return [r async for r in offline_rows()]
        return await self.conn.execute("q")


async def offline_rows():
    yield (0, "offline")


async def scenario_ok_narrowed_to_none():
    await Worker().rows()


async def scenario_ok_correct_uses():
    db = Database("sqlite://")
    await db.connect()
    print(await db.conn.execute("q"))
    async for row in db.conn.cursor("q"):
        print(row)
    async with db.conn.transaction() as tx:
        print(tx)
    await db.close()



async def scenario_ok_local_none_then_loop(candidates=(LiveConnection(),)):
    conn = None
    for candidate in candidates:
        # Rebound in a loop from an argument: unknown.
        conn = candidate
    async for row in conn.execute("q"):
        print(row)


async def scenario_ok_chat_correct():
    async with ChatSocket() as chat:
        async for message in chat.ws.listen():
            print(message)
        await chat.ws.send("bye")


class Mirror:
    def __init__(self) -> None:
        self.conn = None

    async def connect(self) -> None:
        self.conn = Connection()

    async def pull(self):
        # A project subclass binds `self.conn` to another class: for a LiveMirror this streams.
        if isinstance(self, LiveMirror):
            return [r async for r in self.conn.execute("q")]
        return await self.conn.execute("q")


class LiveMirror(Mirror):
    async def connect(self) -> None:
        self.conn = LiveConnection()


async def scenario_ok_subclass_binds_other_class():
    mirror = LiveMirror()
    await mirror.connect()
    await mirror.pull()


_shared = None


def use_sql() -> None:
    global _shared
    _shared = Connection()


def use_live() -> None:
    global _shared
    _shared = LiveConnection()


async def scenario_ok_global_bound_to_two_classes():
    use_live()
    async for row in _shared.execute("q"):
        print(row)


class Lazy:
    def __init__(self) -> None:
        self.conn = None

    async def ensure(self) -> "Lazy":
        if self.conn is None:
            self.conn = Connection()
        return self

    async def rows(self):
        await self.ensure()
        # Correct: `execute` awaited, `cursor` iterated.
        first = await self.conn.execute("q")
        rest = [r async for r in self.conn.cursor("q")]
        return first + rest


async def scenario_ok_lazy_connection_correct():
    await Lazy().rows()


# ---------------------------------------------------------------------------
# A class-level `None` default beside the instance attribute a method stores
# (slackminion's `api_client = None`, then `self.api_client = AsyncWebClient(...)`
# in `start()`): "the client, or `None`".
# ---------------------------------------------------------------------------


class SlackBot:
    api_client = None

    def start(self) -> None:
        self.api_client = Connection()

    def send_message(self, text: str) -> None:
        self.api_client.execute(text)  # error: AGN211


class SlackBotWithOtherDefault:
    # Trap: a class default that is an object, not `None`: which one holds depends on the
    # path (the class's until `start()` runs).
    api_client = LiveConnection()

    def start(self) -> None:
        self.api_client = Connection()

    def send_message(self, text: str) -> None:
        self.api_client.execute(text)


# ---------------------------------------------------------------------------
# A method's other name in the class body (python-telegram-bot's
# `getChatMember = get_chat_member`), also where the class stores attributes by
# computed names (`setattr(self, key, value)`: data, not methods).
# ---------------------------------------------------------------------------


class TelegramObject:
    def __init__(self, **fields: object) -> None:
        for key, value in fields.items():
            setattr(self, key, value)


class Bot(TelegramObject):
    async def get_chat_member(self, chat_id: int, user_id: int) -> dict:
        await asyncio.sleep(0)
        return {"status": "member"}

    getChatMember = get_chat_member


async def is_admin(bot: Bot, chat_id: int, user_id: int) -> bool:
    member = bot.getChatMember(chat_id, user_id)
    return member["status"] == "administrator"  # error: AGN210


async def is_admin_correctly(bot: Bot, chat_id: int, user_id: int) -> bool:
    member = await bot.getChatMember(chat_id, user_id)
    return member["status"] == "administrator"
