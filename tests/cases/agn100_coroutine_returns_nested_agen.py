"""AGN100: a coroutine returns a call of an async generator defined inside it.

``async def outer(): async def _gen(): yield ...; return _gen()`` makes ``outer()``
a coroutine whose *result* is an async generator, so ``async for x in outer()``
raises TypeError; only ``async for x in await outer()`` works.
Definitions only: nothing below runs on import.
"""

import asyncio
import contextlib
import functools
import json
from typing import Any, AsyncIterator, Dict, List, Optional, Tuple

import httpx
from starlette.responses import StreamingResponse


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def stream_completion(client: httpx.AsyncClient, prompt: str):
    async def _chunks():
        async with client.stream("POST", "/v1/completions", json={"prompt": prompt}) as resp:
            async for line in resp.aiter_lines():
                if line:
                    yield json.loads(line)

    return _chunks()  # error: AGN100


async def read_table(conn: Any, table: str, batch_size: int = 500):
    async def _batches(offset: int):
        while True:
            rows = await conn.fetch(f"SELECT * FROM {table} LIMIT {batch_size} OFFSET {offset}")
            if not rows:
                return
            yield rows
            offset += batch_size

    return _batches(0)  # error: AGN100


async def tail_log(path: str, poll: float = 0.5):
    async def _lines():
        with open(path) as fh:
            while True:
                line = fh.readline()
                if not line:
                    await asyncio.sleep(poll)
                    continue
                yield line.rstrip("\n")

    lines = _lines()
    return lines  # error: AGN100


async def list_objects(s3: Any, bucket: str, prefix: str = "", page_size: int = 1000):
    async def _pages(start_after: str, size: int):
        token = start_after
        while True:
            page = await s3.list_objects_v2(Bucket=bucket, Prefix=prefix, StartAfter=token, MaxKeys=size)
            for obj in page.get("Contents", []):
                yield obj
            if not page.get("IsTruncated"):
                break
            token = page["Contents"][-1]["Key"]

    return _pages(  # error: AGN100
        start_after=prefix,
        size=page_size,
    )


async def list_buckets(s3: Any):
    async def _buckets():
        for bucket in (await s3.list_buckets())["Buckets"]:
            yield bucket["Name"]

    return (
        _buckets()  # error: AGN100
    )


async def search(index: Any, query: str, stream: bool = False):
    async def _hits():
        async for hit in index.scan(query):
            yield hit

    if stream:
        return _hits()  # error: AGN100
    return await index.search(query)


async def empty_results():
    async def _nothing():
        if False:  # an unreachable yield still makes _nothing an async generator
            yield None

    return _nothing()  # error: AGN100


async def fetch_many(api: Any, ids: List[int]):
    # The outer function's only yield is in a nested *sync* def: it is a coroutine.
    def _chunked(seq: List[int], n: int):
        for i in range(0, len(seq), n):
            yield seq[i : i + n]

    async def _items():
        for chunk in _chunked(ids, 50):
            for item in await api.get_many(chunk):
                yield item

    return _items()  # error: AGN100


async def grouped_rows(rows: List[Dict[str, Any]]):
    # A yield inside a nested class does not make the outer function a generator.
    class _Group:
        def __init__(self, items: List[Dict[str, Any]]) -> None:
            self.items = items

        def __iter__(self):
            yield from self.items

    async def _groups():
        yield _Group(rows)

    return _groups()  # error: AGN100


async def open_cursor(pool: Any, sql: str):
    conn = await pool.acquire()

    async def _cursor():
        try:
            async for record in conn.cursor(sql):
                yield record
        finally:
            await pool.release(conn)

    try:
        return _cursor()  # error: AGN100
    except Exception:
        await pool.release(conn)
        raise


async def stream_tokens(model: Any, prompt: str) -> AsyncIterator[str]:  # error: AGN102
    async def _tokens():
        async for event in model.generate(prompt):
            yield event.text

    return _tokens()  # error: AGN100


async def changes_feed(db: Any, since: Optional[int] = None):
    async def _changes(cursor: int):
        async for change in db.changes(since=cursor):
            yield change

    if since is None:
        since = await db.latest_seq()
        feed = _changes(since)
        return feed  # error: AGN100
    return _changes(since)  # error: AGN100


def traced_stream(fn: Any):
    async def wrapper(*args: Any, **kwargs: Any):
        # functools.wraps(...) keeps _inner an async generator.
        @functools.wraps(fn)
        async def _inner():
            async for item in fn(*args, **kwargs):
                yield item

        return _inner()  # error: AGN100

    return wrapper


def make_sse_handler(bus: Any):
    async def handler(request: Any):
        async def _events():
            async for event in bus.subscribe(request.path_params["topic"]):
                yield f"data: {event}\n\n"

        return _events()  # error: AGN100

    return handler


async def outer_job(queue: asyncio.Queue):
    async def inner_job():
        async def _drain():
            while not queue.empty():
                yield await queue.get()

        return _drain()  # error: AGN100

    return [item async for item in await inner_job()]


class ReportService:
    def __init__(self, db: Any) -> None:
        self.db = db
        self._active: List[Any] = []

    async def export_rows(self, report_id: int):
        async def _rows():
            async for row in self.db.iterate("SELECT * FROM rows WHERE report_id = $1", report_id):
                yield dict(row)

        return _rows()  # error: AGN100

    async def export_tracked(self, report_id: int):
        async def _rows():
            async for row in self.db.iterate("SELECT * FROM rows WHERE report_id = $1", report_id):
                yield dict(row)

        gen = _rows()
        self._active.append(gen)
        return gen  # error: AGN100

    @staticmethod
    async def parse_csv(text: str):
        async def _records():
            for line in text.splitlines():
                yield line.split(",")

        return _records()  # error: AGN100

    @classmethod
    async def replay(cls, events: List[Dict[str, Any]]):
        async def _replay():
            for event in events:
                await asyncio.sleep(0)
                yield cls.__name__, event

        return _replay()  # error: AGN100


def log_calls(fn: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)

    return wrapper


async def audited_rows(conn: Any):
    # A decorator replacing _rows by a plain-def wrapper (defined in this file) that returns
    # what calling _rows gives: still the async generator.
    @log_calls
    async def _rows():
        async for row in conn.cursor("SELECT 1"):
            yield row

    return _rows()  # error: AGN100


# ---------------------------------------------------------------------------
# Traps: correct (or undecidable) code, no diagnostic expected
# ---------------------------------------------------------------------------


def stream_events(bus: Any, topic: str):
    # A plain def returning the nested generator: callers use `async for` directly.
    async def _events():
        async for event in bus.subscribe(topic):
            yield event

    return _events()


async def relay_events(bus: Any, topic: str):
    # The outer function is itself an async generator that delegates.
    async def _events():
        async for event in bus.subscribe(topic):
            yield event

    async for event in _events():
        yield event


async def sse_endpoint(request: Any) -> StreamingResponse:
    # The generator is handed to a response object, not returned.
    async def _events():
        for i in range(3):
            yield f"data: {i}\n\n"

    return StreamingResponse(_events(), media_type="text/event-stream")


async def collect_rows(conn: Any) -> List[Any]:
    # An async comprehension returns a list.
    async def _rows():
        async for row in conn.cursor("SELECT 1"):
            yield row

    return [row async for row in _rows()]


async def first_row(conn: Any) -> Any:
    # anext() is awaited: the result is one row.
    async def _rows():
        async for row in conn.cursor("SELECT 1"):
            yield row

    return await anext(_rows(), None)


async def primed(conn: Any) -> Any:
    # asend(None) is awaited: the result is one row.
    async def _rows():
        async for row in conn.cursor("SELECT 1"):
            yield row

    return await _rows().asend(None)


async def row_factory(conn: Any):
    # Returns the function, not a call.
    async def _rows():
        async for row in conn.cursor("SELECT 1"):
            yield row

    return _rows


async def connect(dsn: str):
    # An @asynccontextmanager factory: the result is a context manager, not a generator.
    @contextlib.asynccontextmanager
    async def _session():
        conn = {"dsn": dsn}
        try:
            yield conn
        finally:
            conn.clear()

    return _session()


def buffered(fn: Any) -> Any:
    # Its wrapper hands back something else when the call gives nothing true.
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs) or []

    return wrapper


async def buffered_rows(conn: Any):
    # What calling _rows gives through that wrapper is unknown.
    @buffered
    async def _rows():
        async for row in conn.cursor("SELECT 1"):
            yield row

    return _rows()


async def lazy_loader(conn: Any):
    # _load's only yield is inside a nested def: _load is a coroutine.
    async def _load():
        def _ids():
            yield 1

        return [await conn.get(i) for i in _ids()]

    return await _load()


async def maybe_cached(conn: Any, cache: Any):
    async def _rows():
        async for row in conn.cursor("SELECT 1"):
            yield row

    if cache is not None:
        _rows = cache.load_rows
    # _rows is bound twice (the generator, then a cached loader): unknown.
    return _rows()


async def with_fallback(primary: Any, fallback: Any):
    async def _source():
        async for item in primary:
            yield item

    def _use_fallback() -> None:
        nonlocal _source
        _source = fallback

    if await primary.is_down():
        _use_fallback()
    # _source is rebound through `nonlocal`: unknown.
    return _source()


async def rows_and_total(conn: Any) -> Tuple[Any, int]:
    # A tuple (generator, count) is a legitimate coroutine result.
    async def _rows():
        async for row in conn.cursor("SELECT 1"):
            yield row

    total = await conn.fetchval("SELECT count(*) FROM t")
    return _rows(), total


async def closing_rows(conn: Any):
    # aclosing(...) is an unknown call.
    async def _rows():
        async for row in conn.cursor("SELECT 1"):
            yield row

    return contextlib.aclosing(_rows())


async def paged(api: Any):
    # A class implementing __aiter__ is returned, not a generator call.
    class _Pager:
        def __aiter__(self):
            return self

        async def __anext__(self):
            page = await api.next_page()
            if page is None:
                raise StopAsyncIteration
            return page

    return _Pager()


async def stream_factory(conn: Any):
    # A nested plain def returns the generator; the coroutine returns the factory.
    def _factory():
        async def _rows():
            async for row in conn.cursor("SELECT 1"):
                yield row

        return _rows()

    return _factory


async def lambda_factory(conn: Any):
    # Returns a lambda (not called here).
    async def _rows():
        async for row in conn.cursor("SELECT 1"):
            yield row

    return lambda: _rows()


async def partial_factory(conn: Any, sql: str):
    # Returns a partial (not called here).
    async def _rows(query: str):
        async for row in conn.cursor(query):
            yield row

    return functools.partial(_rows, sql)


async def fetch_profile(api: Any, user_id: int):
    # _fetch here is a coroutine; it shares its name with the generator in fetch_feed.
    async def _fetch():
        return await api.get(f"/users/{user_id}")

    return await _fetch()


async def fetch_feed(api: Any, user_id: int):
    async def _fetch():
        async for post in api.stream(f"/users/{user_id}/feed"):
            yield post

    async for post in _fetch():
        yield post


async def run_stream(_rows: Any):
    # `_rows` is a parameter here, not a nested generator.
    return _rows()


async def lazy_rows(conn: Any):
    # An async generator expression is not a call of a nested generator function (no AGN100),
    # but it is an async generator object: callers must await the coroutine first (AGN101).
    return (row async for row in conn.cursor("SELECT 1"))  # error: AGN101


class Watcher:
    def __init__(self, db: Any) -> None:
        self.db = db

    @property
    def changes(self):
        # A plain def (property getter) may return the nested generator.
        async def _changes():
            async for change in self.db.changes():
                yield change

        return _changes()


async def drain_to_list(queue: asyncio.Queue) -> List[Any]:
    # The outer function is a coroutine that consumes its generator.
    async def _drain():
        while not queue.empty():
            yield await queue.get()

    items = []
    async for item in _drain():
        items.append(item)
    return items


# A private helper its module only ever awaits: a deliberate await-then-iterate step
# (posthog's ``WrappedResponses._create_streaming``): not reported.
class WrappedResponses:
    async def _create_streaming(self, chunks):
        async def generator():
            for chunk in chunks:
                yield chunk

        return generator()

    async def create(self, chunks, stream=False):
        if stream:
            return await self._create_streaming(chunks)
        return list(chunks)


async def consume_wrapped():
    async for chunk in await WrappedResponses().create([1, 2], stream=True):
        print(chunk)


# The same helper, also used without ``await`` in its module: reported.
class Leaky:
    async def _rows(self):
        async def generator():
            yield 1

        return generator()  # error: AGN100

    async def first(self):
        return await self._rows()

    def raw(self):
        return self._rows()


# Annotated as an async iterator (the incident's ``_stream_completion``): reported even though
# its only caller awaits it.
class AnnotatedHelper:
    async def _tokens(self) -> AsyncIterator[str]:  # error: AGN102
        async def generator():
            yield "t"

        return generator()  # error: AGN100

    async def tokens(self):
        return await self._tokens()
