"""AGN200: ``await`` on an async generator call.

Calling an async generator function gives an async generator object, which is not
awaitable: ``await`` raises ``TypeError: object async_generator can't be used in
'await' expression``.  Definitions only: nothing below runs on import.
"""

import asyncio
import contextlib
import functools
import json
import os
import sys
from typing import Any, AsyncIterator, Dict, List, Literal, overload

import pytest
from fastapi import FastAPI
from tenacity import retry, stop_after_attempt

app = FastAPI()


# ---------------------------------------------------------------------------
# Callees
# ---------------------------------------------------------------------------


async def fetch_orders(customer_id: int):
    """Async generator: one dict per order page."""
    for page in range(3):
        await asyncio.sleep(0)
        yield {"customer_id": customer_id, "page": page}


async def read_chunks(path: str, size: int = 65536):
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(size)
            if not chunk:
                break
            yield chunk


async def empty_feed():
    if False:  # an unreachable yield still makes this an async generator
        yield {}


async def load_customer(customer_id: int) -> Dict[str, Any]:
    """Coroutine."""
    await asyncio.sleep(0)
    return {"id": customer_id}


def open_order_stream(customer_id: int):
    """Plain def that returns an async generator object."""
    return fetch_orders(customer_id)


def start_customer_load(customer_id: int):
    """Plain def that returns a coroutine object."""
    return load_customer(customer_id)


class OrderRepository:
    def __init__(self, pool: Any = None) -> None:
        self.pool = pool

    async def iter_orders(self, customer_id: int):
        async for order in fetch_orders(customer_id):
            yield order

    async def get_order(self, order_id: int) -> Dict[str, Any]:
        await asyncio.sleep(0)
        return {"id": order_id}

    @staticmethod
    async def decode_rows(raw_rows: List[str]):
        for raw in raw_rows:
            yield json.loads(raw)

    @classmethod
    async def from_fixtures(cls, paths: List[str]):
        for path in paths:
            yield cls(pool=path)

    async def latest_order(self, customer_id: int):
        orders = await self.iter_orders(customer_id)  # error: AGN200
        return orders[-1]

    async def decode_one(self, raw: str):
        return await self.decode_rows([raw])  # error: AGN200

    @classmethod
    async def first_fixture(cls, path: str):
        return await cls.from_fixtures([path])  # error: AGN200


class CachedOrderRepository(OrderRepository):
    async def warm(self, customer_ids: List[int]) -> None:
        cache = {}
        for cid in customer_ids:
            # iter_orders is inherited from OrderRepository.
            cache[cid] = await self.iter_orders(cid)  # error: AGN200


class OrderService:
    def __init__(self) -> None:
        self.repo = OrderRepository()

    async def order_count(self, customer_id: int) -> int:
        orders = await self.repo.iter_orders(customer_id)  # error: AGN200
        return len(orders)

    async def export(self, customer_id: int, include_archived: bool = False):
        return await self.repo.iter_orders(  # error: AGN200
            customer_id,
        )

    async def safe_export(self, customer_id: int):
        try:
            return await self.repo.get_order(customer_id)
        except KeyError:
            return await self.repo.iter_orders(customer_id)  # error: AGN200


orders_repo = OrderRepository()


@overload
def export_rows(fmt: Literal["csv"]) -> AsyncIterator[str]: ...
@overload
def export_rows(fmt: Literal["json"]) -> AsyncIterator[bytes]: ...
async def export_rows(fmt: str):
    # The implementation (the last definition) is an async generator.
    yield fmt


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def customer_summary(customer_id: int) -> Dict[str, Any]:
    orders = await fetch_orders(customer_id)  # error: AGN200
    return {"count": len(orders)}


async def all_orders(customer_id: int):
    return await fetch_orders(customer_id)  # error: AGN200


async def enriched_orders(customer_ids: List[int]):
    for cid in customer_ids:
        yield await fetch_orders(cid)  # error: AGN200


async def decode_batch(raw_rows: List[str]):
    return await OrderRepository.decode_rows(raw_rows)  # error: AGN200


async def orders_for_pool(pool: Any, customer_id: int):
    return await OrderRepository(pool).iter_orders(customer_id)  # error: AGN200


async def orders_unbound(repo: OrderRepository, customer_id: int):
    return await OrderRepository.iter_orders(repo, customer_id)  # error: AGN200


async def load_fixture_repos(paths: List[str]):
    return await OrderRepository.from_fixtures(paths)  # error: AGN200


async def orders_from_default_repo(customer_id: int):
    return await orders_repo.iter_orders(customer_id)  # error: AGN200


async def backup(path: str) -> bytes:
    stream = read_chunks(path)
    data = await stream  # error: AGN200
    return data


async def backup_small(path: str):
    chunks = read_chunks(path, size=1024)
    return await chunks  # error: AGN200


async def order_pages(customer_ids: List[int]):
    return [await fetch_orders(cid) for cid in customer_ids]  # error: AGN200


async def file_size(path: str) -> int:
    return len(await read_chunks(path))  # error: AGN200


async def first_order(customer_id: int):
    orders = (
        await fetch_orders(customer_id)  # error: AGN200
    )
    return orders[0]


async def feed_or_default():
    return await empty_feed() or []  # error: AGN200


async def merged_orders(customer_ids: List[int]):
    async def _merge():
        for cid in customer_ids:
            async for order in fetch_orders(cid):
                yield order

    return await _merge()  # error: AGN200


def make_orders_handler(customer_id: int):
    async def handler(request: Any):
        return await fetch_orders(customer_id)  # error: AGN200

    return handler


async def orders_via_factory(customer_id: int):
    # open_order_stream is a plain def whose return value is an async generator.
    return await open_order_stream(customer_id)  # error: AGN200


async def locked_export(lock: asyncio.Lock, customer_id: int):
    async with lock:
        snapshot = await fetch_orders(  # error: AGN200
            customer_id
        )
    return snapshot


async def export_csv():
    return await export_rows("csv")  # error: AGN200


# ---------------------------------------------------------------------------
# Traps: correct (or undecidable) code, no diagnostic expected
# ---------------------------------------------------------------------------


async def next_order(customer_id: int):
    # anext() returns an awaitable for one item.
    return await anext(fetch_orders(customer_id))


async def next_order_dunder(customer_id: int):
    # __anext__() returns an awaitable.
    return await fetch_orders(customer_id).__anext__()


async def prime_stream(customer_id: int):
    # asend(None) returns an awaitable that advances the generator.
    return await fetch_orders(customer_id).asend(None)


async def abandon_stream(customer_id: int) -> None:
    # aclose() returns an awaitable.
    await fetch_orders(customer_id).aclose()


async def first_chunk(path: str) -> bytes:
    # aclosing() wraps the generator in an async context manager.
    async with contextlib.aclosing(read_chunks(path)) as chunks:
        async for chunk in chunks:
            return chunk
    return b""


async def first_chunk_imported(path: str) -> bytes:
    from contextlib import aclosing

    # Same, with the name imported.
    async with aclosing(read_chunks(path)) as chunks:
        async for chunk in chunks:
            return chunk
    return b""


async def customer_card(customer_id: int) -> Dict[str, Any]:
    # load_customer is a coroutine.
    customer = await load_customer(customer_id)
    order = await orders_repo.get_order(customer_id)
    return {"customer": customer, "order": order}


async def collected_pages(customer_id: int):
    # Async comprehension over the generator, then nothing is awaited.
    return [order async for order in fetch_orders(customer_id)]


async def audit_pages(customer_id: int):
    # yield await on a coroutine inside an async generator.
    async for order in fetch_orders(customer_id):
        yield await load_customer(order["customer_id"])


def collect(fn):
    """Turn an async generator function into a coroutine function returning a list."""

    @functools.wraps(fn)
    async def wrapper(*args: Any, **kwargs: Any) -> List[Any]:
        return [item async for item in fn(*args, **kwargs)]

    return wrapper


@collect
async def all_invoices(customer_id: int):
    async for order in fetch_orders(customer_id):
        yield order["page"]


async def invoice_report(customer_id: int):
    # @collect (defined in this file) turns the generator into a coroutine.
    return await all_invoices(customer_id)


@app.get("/customers/{customer_id}/export")
async def export_endpoint(customer_id: int):
    async for order in fetch_orders(customer_id):
        yield json.dumps(order)


async def export_preview(customer_id: int):
    # Unknown decorator (@app.get): the kind of export_endpoint is unknown.
    return await export_endpoint(customer_id)


@retry(stop=stop_after_attempt(3))
async def flaky_feed():
    yield {}


async def read_flaky_feed():
    # Unknown decorator (@retry).
    return await flaky_feed()


@functools.cache
async def cached_catalogue():
    yield {}


async def catalogue_snapshot():
    # functools.cache keeps the kind: awaiting the cached async generator fails.
    return await cached_catalogue()  # error: AGN200


@pytest.fixture
async def order_fixture():
    yield {"id": 1}


async def reuse_fixture():
    # Unknown decorator (@pytest.fixture).
    return await order_fixture()


async def summarize(fetch_orders: Any, customer_id: int):
    # `fetch_orders` is the parameter here, not the module-level generator.
    return await fetch_orders(customer_id)


async def summarize_with_client(client: Any, customer_id: int):
    # The local variable shadows the module-level generator.
    fetch_orders = client.fetch_orders
    return await fetch_orders(customer_id)


class InvoiceRepository:
    async def iter_orders(self, customer_id: int) -> List[int]:
        # Same name as OrderRepository.iter_orders, but a coroutine.
        await asyncio.sleep(0)
        return [customer_id]


invoices_repo = InvoiceRepository()


async def invoice_orders(customer_id: int):
    # InvoiceRepository.iter_orders is a coroutine.
    return await InvoiceRepository().iter_orders(customer_id)


async def invoice_orders_default(customer_id: int):
    # invoices_repo is an InvoiceRepository.
    return await invoices_repo.iter_orders(customer_id)


class BillingService:
    def __init__(self) -> None:
        self.invoices = InvoiceRepository()

    async def bill(self, customer_id: int):
        # self.invoices is an InvoiceRepository.
        return await self.invoices.iter_orders(customer_id)


async def price_updates(symbol: str):
    yield symbol


price_updates = collect(price_updates)


async def latest_prices(symbol: str):
    # price_updates is bound twice (def, then collect(...)): unknown.
    return await price_updates(symbol)


if sys.version_info >= (3, 10):

    async def read_settings(path: str) -> Dict[str, Any]:
        await asyncio.sleep(0)
        return {"path": path}

else:

    async def read_settings(path: str):
        yield {"path": path}


async def settings_snapshot(path: str):
    # read_settings is a coroutine on Python 3.10+ and an async generator before: on the
    # older interpreters this raises, so it is reported, naming that definition.
    return await read_settings(path)  # error: AGN200


async def audit_events():
    yield "boot"


def install_audit_source(source: Any) -> None:
    global audit_events
    audit_events = source


async def audit_snapshot():
    # audit_events is rebound through `global` above: unknown.
    return await audit_events()


def make_record_reader():
    async def read_records():
        yield {}

    def override(source: Any) -> None:
        nonlocal read_records
        read_records = source

    async def snapshot():
        # read_records is rebound through `nonlocal`: unknown.
        return await read_records()

    return override, snapshot


async def build_search_index(docs: List[str]) -> Dict[str, int]:
    def tokens(doc: str):
        for word in doc.split():
            yield word.lower()

    index: Dict[str, int] = {}
    for doc in docs:
        for token in tokens(doc):
            index[token] = index.get(token, 0) + 1
    return index


async def refresh_index(docs: List[str]):
    # build_search_index's only yield is in a nested def: it is a coroutine.
    return await build_search_index(docs)


class PendingJob:
    def __init__(self, job_id: int) -> None:
        self.job_id = job_id

    def __await__(self):
        return load_customer(self.job_id).__await__()


async def wait_job(job_id: int):
    # PendingJob defines __await__.
    return await PendingJob(job_id)


class OrderCursor:
    def __init__(self, rows: List[Dict[str, Any]]) -> None:
        self._rows = list(rows)

    def __aiter__(self):
        return self

    async def __anext__(self) -> Dict[str, Any]:
        if not self._rows:
            raise StopAsyncIteration
        return self._rows.pop(0)


async def first_row(rows: List[Dict[str, Any]]):
    # OrderCursor.__anext__ is a coroutine method.
    return await OrderCursor(rows).__anext__()


class Connection:
    @property
    def ready(self):
        return self._wait_ready()

    async def _wait_ready(self) -> bool:
        await asyncio.sleep(0)
        return True


async def connect() -> bool:
    # A property access, not a call; it returns a coroutine.
    return await Connection().ready


async def lazy_customer(customer_id: int):
    # A lambda returning a coroutine.
    loader = lambda: load_customer(customer_id)  # noqa: E731
    return await loader()


async def customer_by_partial(customer_id: int):
    # functools.partial of a coroutine function.
    load = functools.partial(load_customer, customer_id)
    return await load()


async def first_large_order(customer_id: int):
    # An async generator expression, consumed with anext().
    large = (o async for o in fetch_orders(customer_id) if o["page"] > 0)
    return await anext(large)


class Exporter:
    async def rows(self):
        yield {}

    async def export(self):
        # CsvExporter overrides rows() as a coroutine: self.rows() is ambiguous.
        return await self.rows()


class CsvExporter(Exporter):
    async def rows(self):
        await asyncio.sleep(0)
        return [{}]


async def export_csv_rows():
    # CsvExporter.rows is a coroutine.
    return await CsvExporter().rows()


async def preload(customer_id: int):
    # The variable holds a coroutine.
    pending = load_customer(customer_id)
    return await pending


async def orders_or_cached(customer_id: int, cache: Dict[int, Any]):
    result = fetch_orders(customer_id)
    if customer_id in cache:
        result = load_customer(customer_id)
    # `result` is bound twice with different kinds: when the customer is not cached, it is
    # still the async generator, and awaiting it fails.
    return await result  # error: AGN200


async def orders_or_cached_awaited(customer_id: int, cache: Dict[int, Any]):
    # Each path awaits what it binds: nothing un-awaited reaches the end.
    result = [order async for order in fetch_orders(customer_id)]
    if customer_id in cache:
        result = await load_customer(customer_id)
    return result


async def orders_via(repo: Any, customer_id: int):
    # `repo` is a parameter: its class is unknown.
    return await repo.iter_orders(customer_id)


class ReportService:
    def __init__(self) -> None:
        self.source = OrderRepository()

    def use_invoices(self) -> None:
        self.source = InvoiceRepository()

    async def report(self, customer_id: int):
        # self.source is assigned twice (two classes): unknown.
        return await self.source.iter_orders(customer_id)


active_repo = OrderRepository()
if os.environ.get("BILLING_MODE"):
    active_repo = InvoiceRepository()


async def active_orders(customer_id: int):
    # active_repo is bound twice: unknown.
    return await active_repo.iter_orders(customer_id)


async def customer_via_helper(customer_id: int):
    # start_customer_load is a plain def returning a coroutine.
    return await start_customer_load(customer_id)


async def bounded_customer(customer_id: int):
    # wait_for takes the coroutine; awaiting its result is right.
    return await asyncio.wait_for(load_customer(customer_id), timeout=5)
