"""AGN101: a coroutine returns an async generator object created elsewhere.

``async def stream(self): return self._stream()`` where ``_stream`` is an async
generator: ``stream()`` is a coroutine, so callers must write
``async for x in await stream()``.  Make it a plain ``def`` or delegate with
``async for x in self._stream(): yield x``.
Definitions only: nothing below runs on import.
"""

import asyncio
import contextlib
import functools
import os
import sys
from typing import Any, AsyncIterator, Dict, List, Tuple

import pytest
from fastapi import FastAPI
from starlette.responses import StreamingResponse
from tenacity import retry, stop_after_attempt

app = FastAPI()

SAMPLERS: Dict[str, Any] = {}


# ---------------------------------------------------------------------------
# Callees
# ---------------------------------------------------------------------------


async def iter_orders(db: Any, customer_id: int):
    async for row in db.iterate("SELECT * FROM orders WHERE customer_id = $1", customer_id):
        yield dict(row)


async def stream_audit_log(since: int):
    for seq in range(since, since + 3):
        await asyncio.sleep(0)
        yield {"seq": seq}


async def empty_stream():
    if False:  # an unreachable yield still makes this an async generator
        yield None


async def count_orders(db: Any, customer_id: int) -> int:
    """Coroutine."""
    return await db.fetchval("SELECT count(*) FROM orders WHERE customer_id = $1", customer_id)


def open_audit_stream(since: int):
    """Plain def returning an async generator object."""
    return stream_audit_log(since)


class OrderRepository:
    def __init__(self, db: Any = None) -> None:
        self.db = db

    async def _stream(self, customer_id: int):
        async for order in iter_orders(self.db, customer_id):
            yield order

    @staticmethod
    async def parse_lines(lines: List[str]):
        for line in lines:
            yield line.split(",")

    @classmethod
    async def replay(cls, events: List[Dict[str, Any]]):
        for event in events:
            yield cls.__name__, event

    async def count(self, customer_id: int) -> int:
        return await count_orders(self.db, customer_id)

    # Positives via self / cls.
    async def stream(self, customer_id: int):
        return self._stream(customer_id)  # error: AGN101

    async def parse(self, text: str):
        return self.parse_lines(text.splitlines())  # error: AGN101

    @classmethod
    async def replay_all(cls, events: List[Dict[str, Any]]):
        return cls.replay(events)  # error: AGN101

    async def stream_wide(self, customer_id: int, chunk_size: int = 100):
        return self._stream(  # error: AGN101
            customer_id,
        )


class ArchivedOrderRepository(OrderRepository):
    async def stream_archived(self, customer_id: int):
        # _stream is inherited.
        return self._stream(customer_id)  # error: AGN101


class LLMClient:
    async def stream_chat(self, messages: List[Dict[str, str]]):
        for message in messages:
            await asyncio.sleep(0)
            yield message["content"]

    async def complete(self, messages: List[Dict[str, str]]) -> str:
        return "".join([m async for m in self.stream_chat(messages)])


llm_client = LLMClient()


class ChatService:
    def __init__(self) -> None:
        self.llm = LLMClient()

    async def reply(self, messages: List[Dict[str, str]]):
        return self.llm.stream_chat(messages)  # error: AGN101

    async def reply_or_cached(self, messages: List[Dict[str, str]], cache: Dict[str, str]):
        key = messages[-1]["content"]
        if key in cache:
            return None
        return self.llm.stream_chat(messages)  # error: AGN101


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def customer_orders(db: Any, customer_id: int):
    return iter_orders(db, customer_id)  # error: AGN101


async def audit_since(since: int):
    await asyncio.sleep(0)
    return stream_audit_log(since)  # error: AGN101


async def no_results():
    return empty_stream()  # error: AGN101


async def parse_upload(text: str):
    return OrderRepository.parse_lines(text.splitlines())  # error: AGN101


async def replay_events(events: List[Dict[str, Any]]):
    return OrderRepository.replay(events)  # error: AGN101


async def orders_via_repo(db: Any, customer_id: int):
    return OrderRepository(db)._stream(customer_id)  # error: AGN101


async def orders_unbound(repo: OrderRepository, customer_id: int):
    return OrderRepository._stream(repo, customer_id)  # error: AGN101


async def chat(messages: List[Dict[str, str]]):
    return llm_client.stream_chat(messages)  # error: AGN101


async def chat_wrapped(messages: List[Dict[str, str]]):
    return (
        llm_client.stream_chat(messages)  # error: AGN101
    )


async def audit_window(since: int, until: int):
    if until <= since:
        return empty_stream()  # error: AGN101
    return stream_audit_log(since)  # error: AGN101


async def audit_typed(since: int) -> AsyncIterator[Dict[str, Any]]:  # error: AGN102
    return stream_audit_log(since)  # error: AGN101


async def tokenized(text: str):
    # The outer function's only yield is in a nested def: it is a coroutine.
    def _words():
        yield from text.split()

    await asyncio.sleep(0)
    return OrderRepository.parse_lines(list(_words()))  # error: AGN101


def make_chat_handler(system_prompt: str):
    async def handler(request: Any):
        messages = [{"role": "system", "content": system_prompt}]
        return llm_client.stream_chat(messages)  # error: AGN101

    return handler


async def audit_via_variable(since: int):
    stream = stream_audit_log(since)
    return stream  # error: AGN101


async def audit_via_factory(since: int):
    # open_audit_stream is a plain def whose return value is an async generator.
    return open_audit_stream(since)  # error: AGN101


def make_feed(db: Any):
    async def _feed(customer_id: int):
        async for order in iter_orders(db, customer_id):
            yield order

    async def handler(customer_id: int):
        # _feed is defined in the enclosing function, not inside `handler`.
        return _feed(customer_id)  # error: AGN101

    return handler


def traced(fn: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)

    return wrapper


@traced
async def traced_metrics():
    yield 1


async def metrics_feed():
    # A decorator replacing it by a plain-def wrapper (defined in this file) that returns what
    # the call gives: still the async generator.
    return traced_metrics()  # error: AGN101


# ---------------------------------------------------------------------------
# Traps: correct (or undecidable) code, no diagnostic expected
# ---------------------------------------------------------------------------


class OrderApi:
    def __init__(self, repo: OrderRepository) -> None:
        self.repo = repo

    def stream(self, customer_id: int):
        # A plain def may return the generator: callers use `async for` directly.
        return iter_orders(self.repo.db, customer_id)


async def relay_orders(db: Any, customer_id: int):
    # An async generator that delegates.
    async for order in iter_orders(db, customer_id):
        yield order


async def order_count(db: Any, customer_id: int) -> int:
    # count_orders is a coroutine, and it is awaited.
    return await count_orders(db, customer_id)


async def order_list(db: Any, customer_id: int) -> List[Dict[str, Any]]:
    # An async comprehension returns a list.
    return [order async for order in iter_orders(db, customer_id)]


async def latest_audit(since: int) -> Dict[str, Any]:
    # anext() is awaited: one item.
    return await anext(stream_audit_log(since))


async def audit_response(since: int) -> StreamingResponse:
    # The generator is handed to a response object.
    return StreamingResponse(stream_audit_log(since), media_type="application/x-ndjson")


async def closing_audit(since: int):
    # aclosing(...) is an unknown call.
    return contextlib.aclosing(stream_audit_log(since))


async def audit_factory():
    # Returns the function itself.
    return stream_audit_log


async def audit_lambda(since: int):
    # Returns a lambda (not called here).
    return lambda: stream_audit_log(since)


async def audit_partial(since: int):
    # Returns a partial (not called here).
    return functools.partial(stream_audit_log, since)


async def audit_with_count(since: int) -> Tuple[Any, int]:
    # A tuple (generator, count) is a legitimate coroutine result.
    return stream_audit_log(since), 3


def sampled(fn: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return SAMPLERS.get(fn.__name__, fn)(*args, **kwargs)

    return wrapper


@sampled
async def sampled_metrics():
    yield 1


async def sampled_feed():
    # A plain-def wrapper calling something else than the function: unknown.
    return sampled_metrics()


@app.get("/audit")
async def audit_endpoint():
    yield b"{}"


async def audit_preview():
    # Unknown decorator (@app.get).
    return audit_endpoint()


@retry(stop=stop_after_attempt(3))
async def flaky_events():
    yield 1


async def flaky_preview():
    # Unknown decorator (@retry).
    return flaky_events()


@functools.cache
async def cached_regions():
    yield "eu"


async def regions_preview():
    # functools.cache keeps the kind: the cached async generator object is returned.
    return cached_regions()  # error: AGN101


@pytest.fixture
async def order_fixture():
    yield {"id": 1}


async def fixture_preview():
    # Unknown decorator (@pytest.fixture).
    return order_fixture()


async def relay_injected(iter_orders: Any, db: Any, customer_id: int):
    # `iter_orders` is the parameter here.
    return iter_orders(db, customer_id)


async def relay_local(client: Any, since: int):
    # The local variable shadows the module-level generator.
    stream_audit_log = client.fetch_audit_log
    return stream_audit_log(since)


class FileLLMClient:
    async def stream_chat(self, messages: List[Dict[str, str]]) -> List[str]:
        # Same name as LLMClient.stream_chat, but a coroutine.
        return [m["content"] for m in messages]


file_llm = FileLLMClient()


async def offline_chat(messages: List[Dict[str, str]]):
    # FileLLMClient.stream_chat is a coroutine (returning a coroutine is out of scope).
    return FileLLMClient().stream_chat(messages)


async def offline_chat_default(messages: List[Dict[str, str]]):
    # file_llm is a FileLLMClient.
    return await file_llm.stream_chat(messages)


async def price_ticks(symbol: str):
    yield symbol


price_ticks = traced(price_ticks)


async def ticks_preview(symbol: str):
    # price_ticks is bound twice (def, then traced(...)): unknown.
    return price_ticks(symbol)


if sys.version_info >= (3, 10):

    async def read_feed(url: str):
        yield url

else:

    def read_feed(url: str) -> List[str]:
        return [url]


async def feed_preview(url: str):
    # read_feed has two definitions of different kinds: unknown.
    return read_feed(url)


async def notifications():
    yield None


def install_notifications(source: Any) -> None:
    global notifications
    notifications = source


async def notifications_preview():
    # notifications is rebound through `global`: unknown.
    return notifications()


def make_reader():
    async def read_records():
        yield {}

    def override(source: Any) -> None:
        nonlocal read_records
        read_records = source

    async def preview():
        # read_records is rebound through `nonlocal`: unknown.
        return read_records()

    return override, preview


class CursorPage:
    def __init__(self, rows: List[Any]) -> None:
        self.rows = rows

    def __aiter__(self):
        return self

    async def __anext__(self) -> Any:
        if not self.rows:
            raise StopAsyncIteration
        return self.rows.pop(0)


async def first_page(db: Any) -> CursorPage:
    # A class implementing __aiter__ (awaiting the fetch first).
    return CursorPage(await db.fetch("SELECT 1"))


class Subscription:
    @property
    def updates(self):
        return self._updates()

    async def _updates(self):
        yield {}

    async def current(self):
        # A property access calls the getter, which returns an async generator: this
        # coroutine returns it (issue 9.6: properties are followed).
        return self.updates  # error: AGN101


class BaseExporter:
    async def rows(self):
        yield {}

    async def export(self):
        # JsonExporter overrides rows() as a coroutine: self.rows() is ambiguous.
        return self.rows()


class JsonExporter(BaseExporter):
    async def rows(self):
        return [{}]


async def orders_via(repo: Any, customer_id: int):
    # `repo` is a parameter: unknown.
    return repo.stream(customer_id)


class ReplicaService:
    def __init__(self) -> None:
        self.llm = LLMClient()

    def use_offline(self) -> None:
        self.llm = FileLLMClient()

    async def reply(self, messages: List[Dict[str, str]]):
        # self.llm is assigned twice (two classes): unknown.
        return self.llm.stream_chat(messages)


active_llm = LLMClient()
if os.environ.get("OFFLINE"):
    active_llm = FileLLMClient()


async def active_chat(messages: List[Dict[str, str]]):
    # active_llm is bound twice: unknown.
    return active_llm.stream_chat(messages)


async def audit_bound(since: int):
    # Returns the bound method, not a call.
    return llm_client.stream_chat
