"""AGN201: ``async for`` over a coroutine call that was never awaited.

A coroutine has no ``__aiter__``: ``async for`` raises ``TypeError: 'async for'
requires an object with __aiter__ method, got coroutine``.  The fix is either to
make the callee an async generator or, when the coroutine *returns* an async
iterable (paginators, SDK streams), ``async for x in await f()``.
Definitions only: nothing below runs on import.
"""

import asyncio
import contextlib
import functools
import os
import sys
from typing import Any, AsyncIterator, Dict, List, Literal, final, overload

import httpx
import pytest
from fastapi import FastAPI
from tenacity import retry, stop_after_attempt

app = FastAPI()


# ---------------------------------------------------------------------------
# Callees
# ---------------------------------------------------------------------------


class EventStream:
    """An async iterable (implements __aiter__/__anext__)."""

    def __init__(self, topic: str, events: Any = ()) -> None:
        self.topic = topic
        self._events = list(events)

    def __aiter__(self):
        return self

    async def __anext__(self) -> Dict[str, Any]:
        if not self._events:
            raise StopAsyncIteration
        return self._events.pop(0)


async def load_orders(customer_id: int) -> List[Dict[str, Any]]:
    """Coroutine returning a list."""
    await asyncio.sleep(0)
    return [{"customer_id": customer_id}]


async def open_event_stream(topic: str) -> EventStream:
    """Coroutine returning an async iterable: callers must await it first."""
    await asyncio.sleep(0)
    return EventStream(topic, [{"topic": topic}])


async def fetch_orders(customer_id: int):
    """Async generator."""
    yield {"customer_id": customer_id}


def make_order_stream(customer_id: int):
    """Plain def returning an async generator object."""
    return fetch_orders(customer_id)


async def search_products(query: str):
    """Coroutine that returns a nested async generator (the incident's shape)."""

    async def _hits():
        for rank in range(3):
            yield {"query": query, "rank": rank}

    return _hits()  # error: AGN100


async def tokenize_catalogue(names: List[str]) -> List[str]:
    """Coroutine: its only yield is inside a nested def."""

    def words(name: str):
        for word in name.split():
            yield word

    await asyncio.sleep(0)
    return [w for name in names for w in words(name)]


class EventClient:
    def __init__(self, base_url: str = "http://events.internal") -> None:
        self.base_url = base_url

    async def subscribe(self, topic: str) -> EventStream:
        await asyncio.sleep(0)
        return EventStream(topic)

    async def history(self, topic: str) -> List[Dict[str, Any]]:
        await asyncio.sleep(0)
        return [{"topic": topic}]

    @staticmethod
    async def parse_batch(payload: bytes) -> List[Dict[str, Any]]:
        await asyncio.sleep(0)
        return [{"raw": payload}]

    @classmethod
    async def replay(cls, topic: str) -> List[Dict[str, Any]]:
        await asyncio.sleep(0)
        return [{"topic": topic, "client": cls.__name__}]

    @final
    async def snapshot(self, topic: str) -> List[Dict[str, Any]]:
        await asyncio.sleep(0)
        return [{"topic": topic}]

    async def tail(self, topic: str):
        async for event in self.subscribe(topic):  # error: AGN201
            yield event

    async def decode(self, payload: bytes):
        async for item in self.parse_batch(payload):  # error: AGN201
            yield item

    @classmethod
    async def replay_all(cls, topics: List[str]):
        for topic in topics:
            async for event in cls.replay(topic):  # error: AGN201
                yield event

    async def frozen(self, topic: str):
        return [e async for e in self.snapshot(topic)]  # error: AGN201


class AuditedEventClient(EventClient):
    async def audit(self, topic: str) -> int:
        count = 0
        # history() is inherited from EventClient.
        async for _ in self.history(topic):  # error: AGN201
            count += 1
        return count


events_client = EventClient()


class Dashboard:
    def __init__(self) -> None:
        self.events = EventClient()

    async def render(self, topic: str) -> List[Dict[str, Any]]:
        rows = []
        async for event in self.events.history(topic):  # error: AGN201
            rows.append(event)
        return rows

    async def render_wide(self, topic: str, limit: int = 100) -> List[Dict[str, Any]]:
        rows = []
        async for event in self.events.history(  # error: AGN201
            topic,
        ):
            rows.append(event)
            if len(rows) >= limit:
                break
        return rows


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def order_total(customer_id: int) -> int:
    total = 0
    async for order in load_orders(customer_id):  # error: AGN201
        total += order.get("amount", 0)
    return total


async def replay_topic(topic: str) -> List[Dict[str, Any]]:
    seen = []
    async for event in EventClient.parse_batch(topic.encode()):  # error: AGN201
        seen.append(event)
    return seen


async def history_default(topic: str) -> List[Dict[str, Any]]:
    return [e async for e in EventClient().history(topic)]  # error: AGN201


async def follow(topic: str) -> None:
    async for event in events_client.subscribe(topic):  # error: AGN201
        print(event)


async def follow_headline(topic: str) -> None:
    # The incident's headline error: the coroutine returns an async iterable.
    async for event in open_event_stream(topic):  # error: AGN201
        print(event)


async def render_search(query: str) -> List[str]:
    lines = []
    async for hit in search_products(query):  # error: AGN201
        lines.append(str(hit))
    return lines


async def reorder(customer_id: int) -> List[Dict[str, Any]]:
    pending = load_orders(customer_id)
    result = []
    async for order in pending:  # error: AGN201
        result.append(order)
    return result


async def reorder_comprehension(customer_id: int) -> List[Dict[str, Any]]:
    pending = load_orders(customer_id)
    return [order async for order in pending]  # error: AGN201


async def order_ids(customer_id: int) -> List[int]:
    return [o["id"] async for o in load_orders(customer_id)]  # error: AGN201


async def unique_topics(topic: str) -> set:
    return {e["topic"] async for e in events_client.history(topic)}  # error: AGN201


async def orders_by_id(customer_id: int) -> Dict[int, Any]:
    return {o["id"]: o async for o in load_orders(customer_id)}  # error: AGN201


async def lazy_orders(customer_id: int):
    return (o async for o in load_orders(customer_id))  # error: AGN201, AGN101


async def invoice_lines(customer_id: int) -> List[Any]:
    return [
        line
        async for line in load_orders(  # error: AGN201
            customer_id,
        )
    ]


async def wrapped_total(customer_id: int) -> int:
    n = 0
    async for _ in (
        load_orders(customer_id)  # error: AGN201
    ):
        n += 1
    return n


async def nested_iterables(customer_id: int) -> List[Any]:
    return [
        item
        async for order in fetch_orders(customer_id)
        async for item in load_orders(order["customer_id"])  # error: AGN201
    ]


async def catalogue_words(names: List[str]) -> List[str]:
    return [w async for w in tokenize_catalogue(names)]  # error: AGN201


async def merged_history(topics: List[str]):
    async def _load(topic: str) -> List[Dict[str, Any]]:
        await asyncio.sleep(0)
        return [{"topic": topic}]

    for topic in topics:
        async for event in _load(topic):  # error: AGN201
            yield event


def make_stream_handler(topic: str):
    async def handler(request: Any) -> List[Any]:
        out = []
        async for event in events_client.history(topic):  # error: AGN201
            out.append(event)
        return out

    return handler


async def guarded_follow(lock: asyncio.Lock, topic: str) -> None:
    async with lock:
        async for event in open_event_stream(topic):  # error: AGN201
            print(event)


# ---------------------------------------------------------------------------
# Traps: correct (or undecidable) code, no diagnostic expected
# ---------------------------------------------------------------------------


async def follow_correctly(topic: str) -> None:
    # The coroutine returns an async iterable: await it first.
    async for event in await open_event_stream(topic):
        print(event)


async def follow_later(topic: str) -> None:
    # The variable holds a coroutine that is awaited before iteration.
    pending = open_event_stream(topic)
    async for event in await pending:
        print(event)


async def search_correctly(query: str) -> List[Any]:
    # search_products returns an async generator: awaiting it first is right.
    return [hit async for hit in await search_products(query)]


async def subscribe_correctly(topic: str) -> None:
    # EventClient.subscribe returns an EventStream: await first.
    async for event in await events_client.subscribe(topic):
        print(event)


async def bounded_follow(topic: str) -> None:
    # wait_for returns what the coroutine returns: an EventStream.
    async for event in await asyncio.wait_for(open_event_stream(topic), timeout=5):
        print(event)


async def stream_orders(customer_id: int) -> None:
    # fetch_orders is an async generator.
    async for order in fetch_orders(customer_id):
        print(order)


async def stream_via_factory(customer_id: int) -> None:
    # make_order_stream is a plain def returning an async generator.
    async for order in make_order_stream(customer_id):
        print(order)


async def iterate_stream_object(topic: str) -> None:
    # EventStream implements __aiter__.
    async for event in EventStream(topic):
        print(event)


async def download(client: httpx.AsyncClient, url: str) -> bytes:
    # Third-party objects are unknown.
    body = b""
    async with client.stream("GET", url) as response:
        async for chunk in response.aiter_bytes():
            body += chunk
    return body


async def first_items(source: Any) -> List[Any]:
    # aiter() of an unknown object.
    return [x async for x in aiter(source)]


async def nested_genexp(customer_id: int) -> List[Any]:
    # An async generator expression is an async iterable.
    evens = (o async for o in fetch_orders(customer_id) if o["customer_id"] % 2 == 0)
    return [o async for o in evens]


async def inline_genexp(customer_id: int) -> None:
    # Same, inline.
    async for order in (o async for o in fetch_orders(customer_id)):
        print(order)


def as_stream(fn):
    """Turn a coroutine function returning a list into an async generator function."""

    @functools.wraps(fn)
    async def wrapper(*args: Any, **kwargs: Any):
        for item in await fn(*args, **kwargs):
            yield item

    return wrapper


@as_stream
async def archived_orders(customer_id: int) -> List[Dict[str, Any]]:
    await asyncio.sleep(0)
    return [{"customer_id": customer_id}]


async def print_archive(customer_id: int) -> None:
    # @as_stream (defined in this file) changes what a call returns.
    async for order in archived_orders(customer_id):
        print(order)


@app.get("/topics/{topic}")
async def topic_endpoint(topic: str) -> List[Dict[str, Any]]:
    return [{"topic": topic}]


async def topic_preview(topic: str) -> None:
    # Unknown decorator (@app.get).
    async for event in topic_endpoint(topic):
        print(event)


@retry(stop=stop_after_attempt(3))
async def flaky_listing() -> List[str]:
    return ["a"]


async def print_listing() -> None:
    # Unknown decorator (@retry).
    async for name in flaky_listing():
        print(name)


@functools.cache
async def cached_regions() -> List[str]:
    return ["eu"]


async def print_regions() -> None:
    # functools.cache keeps the kind: the cached coroutine has no __aiter__.
    async for region in cached_regions():  # error: AGN201
        print(region)


@pytest.fixture
async def order_rows() -> List[int]:
    return [1, 2]


async def print_fixture_rows() -> None:
    # Unknown decorator (@pytest.fixture).
    async for row in order_rows():
        print(row)


async def relay(load_orders: Any, customer_id: int) -> None:
    # `load_orders` is the parameter (e.g. an injected async generator function).
    async for order in load_orders(customer_id):
        print(order)


async def relay_from_client(client: Any, customer_id: int) -> None:
    # The local variable shadows the module-level coroutine.
    load_orders = client.stream_orders
    async for order in load_orders(customer_id):
        print(order)


class LiveEventClient:
    async def history(self, topic: str):
        # Same name as EventClient.history, but an async generator.
        yield {"topic": topic}


live_client = LiveEventClient()


async def live_history(topic: str) -> None:
    # LiveEventClient.history is an async generator.
    async for event in LiveEventClient().history(topic):
        print(event)
    async for event in live_client.history(topic):
        print(event)


class LiveDashboard:
    def __init__(self) -> None:
        self.events = LiveEventClient()

    async def render(self, topic: str) -> List[Any]:
        # self.events is a LiveEventClient.
        return [e async for e in self.events.history(topic)]


async def stock_levels(sku: str) -> List[int]:
    await asyncio.sleep(0)
    return [1]


stock_levels = as_stream(stock_levels)


async def print_stock(sku: str) -> None:
    # stock_levels is bound twice (def, then as_stream(...)): unknown.
    async for level in stock_levels(sku):
        print(level)


if sys.version_info >= (3, 10):

    async def read_feed(url: str):
        yield url

else:

    async def read_feed(url: str) -> List[str]:
        return [url]


async def print_feed(url: str) -> None:
    # read_feed is an async generator on 3.10+ and a coroutine before: on the older
    # interpreters `async for` raises, so it is reported, naming that definition.
    async for entry in read_feed(url):  # error: AGN201
        print(entry)


async def notifications() -> List[str]:
    return []


def install_notification_source(source: Any) -> None:
    global notifications
    notifications = source


async def print_notifications() -> None:
    # notifications is rebound through `global`: unknown.
    async for note in notifications():
        print(note)


def make_poller():
    async def poll() -> List[Any]:
        return []

    def override(source: Any) -> None:
        nonlocal poll
        poll = source

    async def run() -> None:
        # poll is rebound through `nonlocal`: unknown.
        async for item in poll():
            print(item)

    return override, run


async def heartbeat_feed():
    if False:  # an unreachable yield still makes this an async generator
        yield None


async def print_heartbeats() -> None:
    # heartbeat_feed is an async generator.
    async for beat in heartbeat_feed():
        print(beat)


@overload
def export_lines(fmt: Literal["csv"]) -> AsyncIterator[str]: ...
@overload
def export_lines(fmt: Literal["json"]) -> AsyncIterator[bytes]: ...
async def export_lines(fmt: str):
    yield fmt


async def print_export() -> None:
    # The implementation of the overloaded name is an async generator.
    async for line in export_lines("csv"):
        print(line)


class Feed:
    @property
    def changes(self):
        return self._changes()

    async def _changes(self):
        yield {}


async def print_changes(feed: Feed) -> None:
    # A property access (no call) that returns an async generator.
    async for change in Feed().changes:
        print(change)


async def partial_stream(customer_id: int) -> None:
    # functools.partial of an async generator function.
    stream = functools.partial(fetch_orders, customer_id)
    async for order in stream():
        print(order)


async def lambda_stream(customer_id: int) -> None:
    # A lambda returning an async generator.
    factory = lambda: fetch_orders(customer_id)  # noqa: E731
    async for order in factory():
        print(order)


class Paginator:
    async def pages(self) -> List[int]:
        await asyncio.sleep(0)
        return [1]

    async def walk(self) -> None:
        # StreamingPaginator overrides pages() as an async generator:
        # self.pages() is ambiguous here.
        async for page in self.pages():
            print(page)


class StreamingPaginator(Paginator):
    async def pages(self):
        yield 1


async def print_stream_pages() -> None:
    # StreamingPaginator.pages is an async generator.
    async for page in StreamingPaginator().pages():
        print(page)


async def orders_or_stream(customer_id: int, live: bool) -> None:
    source = load_orders(customer_id)
    if live:
        source = fetch_orders(customer_id)
    # `source` is bound twice with different kinds: when not live, it is still the
    # coroutine, and iterating it fails.
    async for order in source:  # error: AGN201
        print(order)


async def orders_from(orders: List[Dict[str, Any]]):
    for order in orders:
        yield order


async def orders_or_stream_awaited(customer_id: int, live: bool) -> None:
    source = fetch_orders(customer_id)
    if not live:
        source = orders_from(await load_orders(customer_id))
    async for order in source:
        print(order)


async def paginate_remote(client: Any) -> None:
    # `client` is a parameter: unknown.
    async for page in client.paginate():
        print(page)


class SyncService:
    def __init__(self, client: Any) -> None:
        self.client = client

    async def run(self) -> None:
        # self.client comes from a parameter: unknown.
        async for item in self.client.history("orders"):
            print(item)


active_client = EventClient()
if os.environ.get("LIVE_EVENTS"):
    active_client = LiveEventClient()


async def print_active(topic: str) -> None:
    # active_client is bound twice: unknown.
    async for event in active_client.history(topic):
        print(event)


async def closing_stream(customer_id: int) -> None:
    # aclosing() returns an async context manager; the iteration is over the generator.
    async with contextlib.aclosing(fetch_orders(customer_id)) as orders:
        async for order in orders:
            print(order)
