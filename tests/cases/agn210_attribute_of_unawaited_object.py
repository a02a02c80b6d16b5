"""AGN210 attribute-of-unawaited-object.

An attribute read on what a call of a coroutine function, an async generator function or an
`@asynccontextmanager` function gave: `client.get(url).json()`, or `response = client.get(url)`
then `response.raise_for_status()` in the same scope.  A coroutine object only has `send`,
`throw`, `close` and `cr_*`; an async generator `asend`, `athrow`, `aclose` and `ag_*`; an
`@asynccontextmanager` object `gen`, `func`, `args` and `kwds`.  Any other attribute raises
AttributeError (and the coroutine is then never awaited).  Reported at the object whose attribute
is read: the call, or the name.  Nothing here runs at import time.

Every `# error:` line raises AttributeError when its function runs; every trap runs cleanly.
"""

import asyncio
import contextlib
import functools
import json
from typing import Any, Awaitable, Callable, Dict, Generator, List

from asgiref.sync import async_to_sync  # not installed here: an unknown decorator

_IS_SYNC = False

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


class Response:
    def __init__(self, status: int, body: bytes) -> None:
        self.status = status
        self.body = body

    def raise_for_status(self) -> None:
        if self.status >= 400:
            raise RuntimeError(f"HTTP {self.status}")

    def json(self) -> Any:
        return json.loads(self.body)


class Connection:
    async def execute(self, sql: str) -> int:
        await asyncio.sleep(0)
        return 1

    async def fetchall(self, sql: str) -> List[Dict[str, Any]]:
        await asyncio.sleep(0)
        return [{"sku": "A1"}]


class ApiClient:
    """An HTTP client whose requests are coroutines."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    async def get(self, path: str) -> Response:
        await asyncio.sleep(0)
        return Response(200, b'{"items": ["A1", "B2"]}')

    @staticmethod
    async def ping(url: str) -> Response:
        await asyncio.sleep(0)
        return Response(204, b"null")

    @classmethod
    async def discover(cls) -> "ApiClient":
        await asyncio.sleep(0)
        return cls("http://api.internal")

    async def pages(self, path: str):
        for number in range(2):
            yield Response(200, b'{"page": %d}' % number)

    @contextlib.asynccontextmanager
    async def connection(self):
        yield Connection()

    async def item_count(self) -> int:
        # Through `self`.
        return len(self.get("/items").json()["items"])  # error: AGN210

    async def check(self) -> None:
        response = self.get("/health")
        response.raise_for_status()  # error: AGN210

    def health_url(self) -> str:
        # A plain method can read the attribute too.
        return self.discover().base_url  # error: AGN210


async def load_settings() -> Dict[str, Any]:
    await asyncio.sleep(0)
    return {"debug": False, "database": {"url": "sqlite://"}}


async def read_defaults() -> Dict[str, Any]:
    return {"debug": False}


async def iter_rows(query: str):
    for row in ({"sku": "A1"}, {"sku": "B2"}):
        await asyncio.sleep(0)
        yield row


@contextlib.asynccontextmanager
async def transaction():
    connection = Connection()
    yield connection
    await connection.execute("COMMIT")


def blocking(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run a coroutine function to completion: the decorated function is synchronous."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


@blocking
async def fetch_profile(user_id: int) -> Response:
    await asyncio.sleep(0)
    return Response(200, b'{"email": "a@example.com"}')


@async_to_sync
async def fetch_quota(user_id: int) -> Response:
    await asyncio.sleep(0)
    return Response(200, b'{"quota": 10}')


api = ApiClient("http://api.internal")

# --------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------


async def debug_enabled() -> bool:
    # A module-level coroutine function.
    return load_settings().get("debug", False)  # error: AGN210


async def database_url() -> str:
    # Chained: reported once, where the coroutine's attribute is read.
    return load_settings().database.url  # error: AGN210


async def count_items() -> int:
    # Through a module-level instance.
    return len(api.get("/items").json()["items"])  # error: AGN210


async def count_items_new_client() -> int:
    # Through an instance built in place.
    return len(ApiClient("http://api.internal").get("/items").json())  # error: AGN210


async def count_items_with(client: ApiClient) -> int:
    # Through an annotated parameter.
    return len(client.get("/items").json())  # error: AGN210


async def reserve(client: ApiClient, sku: str) -> Any:
    # A name bound to the call in this scope.
    response = client.get(f"/reserve/{sku}")
    return response.json()  # error: AGN210


async def ping_status() -> int:
    # A staticmethod through the class.
    return ApiClient.ping("http://api.internal/ping").status  # error: AGN210


async def ping_status_multiline() -> int:
    return ApiClient.ping(  # error: AGN210
        "http://api.internal/ping"
    ).status


async def first_page_status() -> int:
    # An async generator has no attributes of what it yields.
    return api.pages("/items").status  # error: AGN210


async def all_rows() -> List[Dict[str, Any]]:
    # An async generator is not a cursor.
    rows = iter_rows("SELECT sku FROM stock")
    return rows.fetchall()  # error: AGN210


async def record_sale(sku: str) -> None:
    # An @asynccontextmanager object is not what entering it gives.
    await transaction().execute(f"UPDATE stock SET n = n - 1 WHERE sku = '{sku}'")  # error: AGN210


async def stock_report() -> List[Dict[str, Any]]:
    manager = api.connection()
    return await manager.fetchall("SELECT * FROM stock")  # error: AGN210


def settings_sync() -> Dict[str, Any]:
    # In a plain def.
    return read_defaults().copy()  # error: AGN210


class Dashboard:
    def __init__(self) -> None:
        self.client = ApiClient("http://api.internal")

    async def render(self) -> str:
        # Through an attribute set in __init__.
        return str(self.client.get("/stats").json())  # error: AGN210


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic expected
# --------------------------------------------------------------------------


async def count_items_awaited() -> int:
    # Awaited in place.
    return len((await api.get("/items")).json()["items"])


async def reserve_awaited(sku: str) -> Any:
    # Awaited where it is made.
    response = await api.get(f"/reserve/{sku}")
    response.raise_for_status()
    return response.json()


async def reserve_awaited_later(sku: str) -> Any:
    # The name is rebound to what awaiting gave before the attribute is read.
    response = api.get(f"/reserve/{sku}")
    response = await response
    return response.json()


async def prefetch(sku: str) -> Any:
    response = api.get(f"/stock/{sku}")

    async def resolve() -> None:
        nonlocal response
        response = await response

    await resolve()
    # `response` was rebound (through `nonlocal`) to what awaiting gave.
    return response.json()


async def both_counts() -> int:
    # Coroutines kept, then awaited together.
    first = api.get("/items")
    second = api.get("/archived")
    one, two = await asyncio.gather(first, second)
    return len(one.json()["items"]) + len(two.json()["items"])


def cancel_request() -> None:
    # close() is a coroutine method.
    pending = api.get("/items")
    pending.close()


def settings_without_loop() -> Dict[str, Any]:
    # A coroutine that never suspends, driven by hand: send() is a coroutine method.
    coro = read_defaults()
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value


def drive_started(bot: Bot) -> Any:
    # Started by `send(None)`: later values go in (CPython's own tests do this).
    coro = bot.fetch_user(2)
    coro.send(None)
    try:
        coro.send(20)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("read_defaults() suspended")


def describe_request() -> str:
    # cr_code is a coroutine attribute.
    pending = api.get("/items")
    name = pending.cr_code.co_name
    pending.close()
    return name


async def close_rows() -> None:
    # aclose() is an async generator method.
    rows = iter_rows("SELECT sku FROM stock")
    await rows.aclose()


async def first_page() -> Any:
    # __anext__ is a special method: not judged (and it exists).
    pages = api.pages("/items")
    first = await pages.__anext__()
    await pages.aclose()
    return first.json()


async def stock_report_entered() -> List[Dict[str, Any]]:
    # Entering by hand: __aenter__ / __aexit__ are special methods.
    manager = api.connection()
    connection = await manager.__aenter__()
    try:
        return await connection.fetchall("SELECT * FROM stock")
    finally:
        await manager.__aexit__(None, None, None)


async def stock_report_async_with() -> List[Dict[str, Any]]:
    async with api.connection() as connection:
        return await connection.fetchall("SELECT * FROM stock")


def transaction_name() -> str:
    # func is an attribute of an @asynccontextmanager object.
    return transaction().func.__name__


class ItemsRequest:
    """An awaitable wrapper: delegating __await__ to a coroutine is how it is done."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __await__(self) -> Generator[Any, None, Response]:
        return api.get(self.path).__await__()


async def items_through_wrapper() -> Any:
    return (await ItemsRequest("/items")).json()


def profile_email(user_id: int) -> str:
    # @blocking (defined in this file) makes fetch_profile synchronous.
    return fetch_profile(user_id).json()["email"]


def quota(user_id: int) -> int:
    # Unknown decorator (@async_to_sync).
    return fetch_quota(user_id).json()["quota"]


async def schedule_count() -> "asyncio.Task[Response]":
    # A Task wraps the coroutine: add_done_callback is a Task's.
    task = asyncio.create_task(api.get("/items"))
    task.add_done_callback(lambda done: None)
    await task
    return task


async def renderer(sku: str) -> Callable[[Response], Any]:
    response = api.get(f"/stock/{sku}")
    response.close()

    def render(response: Response) -> Any:
        # `response` is this function's parameter, not the coroutine of the outer scope.
        return response.json()

    return render


async def retry_once(sku: str) -> Any:
    response = api.get(f"/stock/{sku}")

    async def again() -> Any:
        # This function's own `response`, bound to what awaiting gave.
        response = await api.get(f"/stock/{sku}")
        return response.json()

    response.close()
    return await again()


async def sync_variant() -> Any:
    if _IS_SYNC:
        # Code for the generated synchronous variant, where get() is a plain method.
        return api.get("/items").json()
    return (await api.get("/items")).json()


async def disabled() -> Any:
    if False:
        return api.get("/items").json()
    return None


class SyncClient:
    def get(self, path: str) -> Response:
        return Response(200, b"[]")


def count_sync_items() -> int:
    # SyncClient.get is a plain method.
    return len(SyncClient().get("/items").json())


def count_items_unknown(client: Any) -> int:
    # `client` is of unknown type (a SyncClient works).
    return len(client.get("/items").json())


# --------------------------------------------------------------------------
# Item reads: none of these objects is subscriptable (TypeError)
# --------------------------------------------------------------------------


class PendingRequest:
    """Awaitable, and without `__getitem__`: awaiting it gives the data."""

    def __await__(self) -> Generator[Any, None, Dict[str, Any]]:
        yield
        return {"items": []}


class IndexedRequest:
    """Awaitable, and subscriptable too (`request["id"]`)."""

    def __await__(self) -> Generator[Any, None, Dict[str, Any]]:
        yield
        return {"items": []}

    def __getitem__(self, key: str) -> Any:
        return key


def pending() -> PendingRequest:
    return PendingRequest()


def indexed() -> IndexedRequest:
    return IndexedRequest()


async def item_reads() -> Any:
    debug = load_settings()["debug"]  # error: AGN210
    settings = read_defaults()
    print(settings["debug"])  # error: AGN210
    first = iter_rows("q")[0]  # error: AGN210
    print(transaction()["connection"])  # error: AGN210
    print(pending()["items"])  # error: AGN210
    return debug, first


async def item_reads_correct() -> Any:
    debug = (await load_settings())["debug"]
    settings = await read_defaults()
    print(settings["debug"])
    async with transaction() as connection:
        print(connection)
    print((await pending())["items"])
    # A class with `__getitem__`: reading an item of the request itself is fine.
    print(indexed()["id"])
    # A name rebound to the awaited value before the read.
    data = load_settings()
    data = await data
    return debug, data["debug"]


# --------------------------------------------------------------------------
# `.send(...)` a coroutine's `send` rejects (Home Assistant's discord notifier:
# `channel = bot.fetch_channel(i) or bot.fetch_user(i)` then `channel.send(msg, embed=e)`)
# --------------------------------------------------------------------------


class Messageable:
    async def send(self, content: str, **options: Any) -> None:
        await asyncio.sleep(0)


class Bot:
    async def fetch_channel(self, channel_id: int) -> Messageable:
        return Messageable()

    async def fetch_user(self, user_id: int) -> Messageable:
        return Messageable()


async def notify(bot: Bot, target: int, text: str) -> None:
    # A coroutine object is always true: `or` gives it, never the right side.
    channel = bot.fetch_channel(target) or bot.fetch_user(target)  # error: AGN214
    await channel.send(text, embed=None)  # error: AGN210
    user = bot.fetch_user(target)
    await user.send("Enter a number")  # error: AGN210
    bot.fetch_user(target).send()  # error: AGN210
    await bot.fetch_user(target).send(f"hi {text}")  # error: AGN210


async def notify_correctly(bot: Bot, target: int, text: str) -> None:
    channel = await bot.fetch_channel(target) or await bot.fetch_user(target)
    await channel.send(text, embed=None)
    await (await bot.fetch_user(target)).send("Enter a number")


def drive(bot: Bot) -> Any:
    # Driving a coroutine by hand: `send(None)` starts it, and a name may hold `None`.
    coro = bot.fetch_channel(1)
    value = None
    try:
        while True:
            value = coro.send(value)
            coro.send(None)
    except StopIteration as stop:
        return stop.value


def drive_started(bot: Bot) -> Any:
    # Started by `send(None)`: later values go in (CPython's own tests do this).
    coro = bot.fetch_user(2)
    coro.send(None)
    try:
        coro.send(20)
    except StopIteration as stop:
        return stop.value


def sent_through_unknowns(bot: Bot, args: Any, options: Any) -> None:
    # How many values `*args` / `**options` hold is not known.
    bot.fetch_user(1).send(*args)
    bot.fetch_user(2).send(**options)


class FlagClient:
    async def is_enabled(self, flag: str, user: str) -> bool:
        return user == "ann"


async def create_client(url: str) -> FlagClient:
    await asyncio.sleep(0)
    return FlagClient()


def make_plain_client(url: str) -> FlagClient:
    return FlagClient()


class LazyGate:
    def __init__(self, url: str) -> None:
        # The handshake is never awaited: the attribute holds the coroutine.
        self.client = create_client(url)

    async def check(self, user: str) -> bool:
        return await self.client.is_enabled("beta", user)  # error: AGN210


class Gate:
    def __init__(self, url: str) -> None:
        self.url = url
        self.client = make_plain_client(url)
        self.pending = create_client(url)

    async def start(self) -> None:
        # Awaited before use: the attribute is rebound to what the coroutine gives.
        self.pending = await self.pending

    async def check(self, user: str) -> bool:
        # Traps: a plain factory's object; an attribute rebound to the awaited value.
        enabled = await self.client.is_enabled("beta", user)
        return enabled and await self.pending.is_enabled("beta", user)


# Setting an attribute on the object fails as reading one does.


class Profile:
    name = ""


async def load_profile(user_id: int) -> Profile:
    return Profile()


async def rename(user_id: int, new: str) -> None:
    profile = load_profile(user_id)
    profile.name = new  # error: AGN210


async def rename_correctly(user_id: int, new: str) -> Profile:
    profile = await load_profile(user_id)
    profile.name = new
    plain = Profile()
    plain.name = new  # an instance takes new attributes
    pending = load_profile(user_id)
    pending = await pending  # rebound: not the coroutine any more
    pending.name = new
    return profile


# --------------------------------------------------------------------------
# Calling the object: a coroutine is not callable (llama-cpp-python's exit stack)
# --------------------------------------------------------------------------


class ModelProxy:
    def __call__(self, name: str) -> str:
        return name


async def open_proxy() -> ModelProxy:
    return ModelProxy()


def make_proxy() -> ModelProxy:
    return ModelProxy()


async def call_proxies(stack: contextlib.AsyncExitStack, cm: Any) -> List[str]:
    entered = stack.enter_async_context(cm)
    first = entered("model")  # error: AGN210
    second = open_proxy()("model")  # error: AGN210
    # Awaited first, or a plain factory's object, or an instance with `__call__`.
    third = (await open_proxy())("model")
    fourth = make_proxy()("model")
    proxy = ModelProxy()
    return [first, second, third, fourth, proxy("model"), await stack.enter_async_context(cm)]


# --------------------------------------------------------------------------
# A callable declared to return an awaitable: a coroutine, a task or a future
# --------------------------------------------------------------------------


class Point:
    lat = 0.0


def resolved_lats(resolve: "Callable[[str], Awaitable[Point]]", addresses: List[str]) -> List[Any]:
    quick = [resolve(a).lat for a in addresses]  # error: AGN210
    # A task or a future has these.
    pending = resolve("x")
    return [quick, pending.done(), pending.cancel(), pending.result()]
