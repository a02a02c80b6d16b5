"""AGN102: an ``async def`` without ``yield`` annotated as an async iterator.

``async def f() -> AsyncIterator[int]`` with no ``yield`` is a coroutine function:
``f()`` is a coroutine, not an async iterator, so ``async for x in f()`` fails.
Reported at the return annotation.  Spellings: typing, typing_extensions,
collections.abc, module aliases, string annotations.
Definitions only: nothing below runs on import.
"""

import collections.abc
import collections.abc as cabc
import contextlib
import json
import typing
import typing as t
from collections.abc import AsyncGenerator
from typing import (
    Any,
    AsyncContextManager,
    AsyncIterable,
    AsyncIterator,
    Dict,
    Iterator,
    List,
    Optional,
    Tuple,
    final,
)
from typing import AsyncIterator as AIter

import httpx
import pytest_asyncio
import typing_extensions
from anyio.abc import ObjectReceiveStream


class Row(dict):
    """A database row."""


async def iter_rows(db: Any, sql: str):
    """Async generator used by some of the cases below."""
    async for record in db.cursor(sql):
        yield Row(record)


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


class UserRepository:
    def __init__(self, db: Any) -> None:
        self.db = db

    async def fetch_users(self) -> AsyncIterator[Row]:  # error: AGN102
        return await self.db.fetch("SELECT * FROM users")

    @staticmethod
    async def parse(payload: bytes) -> AsyncIterable[Row]:  # error: AGN102
        return [Row(item) for item in json.loads(payload)]

    @classmethod
    async def defaults(cls) -> t.AsyncIterator[Row]:  # error: AGN102
        return iter([Row(kind=cls.__name__)])

    @final
    async def user_ids(self) -> typing.AsyncGenerator[int, None]:  # error: AGN102
        rows = await self.db.fetch("SELECT id FROM users")
        return (row["id"] for row in rows)

    async def search(
        self,
        query: str,
        limit: int = 50,
    ) -> AsyncIterator[Row]:  # error: AGN102
        return await self.db.fetch("SELECT * FROM users WHERE name LIKE $1 LIMIT $2", query, limit)

    async def export(self, fmt: str) -> AsyncGenerator[  # error: AGN102
        bytes, None
    ]:
        rows = await self.db.fetch("SELECT * FROM users")
        return [json.dumps(r).encode() for r in rows]

    async def stream_active(self) -> AsyncIterator[Row]:  # error: AGN102
        return iter_rows(self.db, "SELECT * FROM users WHERE active")  # error: AGN101


async def download(client: httpx.AsyncClient, url: str) -> AsyncIterator[bytes]:  # error: AGN102
    response = await client.get(url)
    return response.aiter_bytes()


async def read_events(bus: Any) -> AsyncIterable[Dict[str, Any]]:  # error: AGN102
    events = []
    async for event in bus.drain():
        events.append(event)
    return events


async def list_keys(redis: Any, pattern: str) -> collections.abc.AsyncIterator[str]:  # error: AGN102
    return redis.scan_iter(match=pattern)


async def tail_file(path: str) -> cabc.AsyncIterable[str]:  # error: AGN102
    with open(path) as fh:
        return [line.rstrip("\n") for line in fh]


async def upload_chunks(data: bytes) -> typing_extensions.AsyncIterator[bytes]:  # error: AGN102
    return [data[i : i + 1024] for i in range(0, len(data), 1024)]


async def ticker(period: float) -> typing.AsyncIterable[float]:  # error: AGN102
    return [period]


async def raw_lines(client: httpx.AsyncClient, url: str) -> AsyncIterator:  # error: AGN102
    response = await client.get(url)
    return response.aiter_lines()


async def quoted_rows(db: Any) -> "AsyncIterator[Row]":  # error: AGN102
    return await db.fetch("SELECT 1")


async def quoted_dotted(db: Any) -> "typing.AsyncGenerator[Row, None]":  # error: AGN102
    return await db.fetch("SELECT 1")


async def quoted_alias(db: Any) -> 'cabc.AsyncIterator[str]':  # error: AGN102
    return await db.fetch("SELECT 1")


async def quoted_bare(db: Any) -> "AsyncIterable":  # error: AGN102
    return await db.fetch("SELECT 1")


async def word_stream(text: str) -> AsyncIterator[str]:  # error: AGN102
    # The only yield is in a nested def: this is still a coroutine.
    def _words():
        for word in text.split():
            yield word

    return _words()


async def paged_scores(api: Any) -> AsyncIterator[Tuple[str, int]]:  # error: AGN102
    async def _pages():
        async for page in api.pages():
            yield page["name"], page["score"]

    return _pages()  # error: AGN100


def make_stream_handler(db: Any):
    async def handler(request: Any) -> AsyncIterator[bytes]:  # error: AGN102
        rows = await db.fetch("SELECT 1")
        return [json.dumps(r).encode() for r in rows]

    return handler


async def aliased(db: Any) -> AIter[Row]:  # error: AGN102
    return await db.fetch("SELECT 1")


# ---------------------------------------------------------------------------
# Traps: correct (or undecidable) code, no diagnostic expected
# ---------------------------------------------------------------------------


async def stream_users(db: Any) -> AsyncIterator[Row]:
    # A real async generator.
    async for record in db.cursor("SELECT * FROM users"):
        yield Row(record)


async def no_users() -> AsyncIterator[Row]:
    # The unreachable yield makes this an async generator that yields nothing.
    if False:
        yield Row()


async def closed_stream() -> AsyncGenerator[Row, None]:
    # Same: a yield after return still makes it an async generator.
    return
    yield Row()


async def pump(client: httpx.AsyncClient, url: str) -> t.AsyncIterator[bytes]:
    # A yield inside `async with` / `try` is in the function's own body.
    async with client.stream("GET", url) as response:
        try:
            async for chunk in response.aiter_bytes():
                yield chunk
        finally:
            await response.aclose()


def stream_ids(db: Any) -> AsyncIterator[Row]:
    # A plain def returning an async generator: the annotation is right.
    return iter_rows(db, "SELECT id FROM users")


def quoted_sync(db: Any) -> "collections.abc.AsyncIterator[Row]":
    # A plain def, string annotation.
    return iter_rows(db, "SELECT 1")


class ResultSet:
    def __init__(self, db: Any) -> None:
        self.db = db

    def __aiter__(self) -> AsyncIterator[Row]:
        # __aiter__ is a plain def returning an async generator.
        return self._iter()

    async def _iter(self) -> AsyncIterator[Row]:
        async for record in self.db.cursor("SELECT 1"):
            yield Row(record)


async def fetch_all(db: Any) -> List[Row]:
    # Not an async-iterator annotation.
    return [Row(r) for r in await db.fetch("SELECT 1")]


async def fetch_first(db: Any) -> Optional[Row]:
    rows = await db.fetch("SELECT 1 LIMIT 1")
    return Row(rows[0]) if rows else None


async def iter_cached(db: Any) -> Iterator[Row]:
    # A sync Iterator is a fine coroutine result.
    return iter([Row(r) for r in await db.fetch("SELECT 1")])


async def consume(stream: AsyncIterator[Row]) -> int:
    # AsyncIterator only in a parameter annotation.
    return len([row async for row in stream])


async def count_stream(db: Any) -> int:
    # AsyncIterator only in a variable annotation.
    stream: AsyncIterator[Row] = iter_rows(db, "SELECT 1")
    return len([row async for row in stream])


async def open_streams(db: Any, tables: List[str]) -> List[AsyncIterator[Row]]:
    # A list of async iterators is a legitimate coroutine result.
    await db.ping()
    return [iter_rows(db, f"SELECT * FROM {table}") for table in tables]


async def open_with_total(db: Any) -> Tuple[AsyncIterator[Row], int]:
    # A tuple containing an async iterator.
    total = await db.fetchval("SELECT count(*) FROM users")
    return iter_rows(db, "SELECT * FROM users"), total


async def maybe_stream(db: Any) -> Optional[AsyncIterator[Row]]:
    # An Optional[...] wrapper: not a bare async-iterator annotation.
    if not await db.ping():
        return None
    return db.stream("SELECT 1")


@contextlib.asynccontextmanager
async def transaction(db: Any) -> AsyncIterator[Any]:
    # The classic @asynccontextmanager shape: it yields.
    tx = await db.begin()
    try:
        yield tx
    finally:
        await tx.commit()


async def open_session(pool: Any) -> AsyncContextManager[Any]:
    # An async context manager annotation is out of scope.
    return pool.acquire()


class AsyncIteratorAdapter:
    def __init__(self, items: List[Any]) -> None:
        self.items = items

    def __aiter__(self) -> "AsyncIteratorAdapter":
        return self

    async def __anext__(self) -> Any:
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def adapt(db: Any) -> "AsyncIteratorAdapter":
    # A user class whose name merely contains "AsyncIterator".
    return AsyncIteratorAdapter(await db.fetch("SELECT 1"))


async def subscribe(broker: Any, topic: str) -> ObjectReceiveStream[bytes]:
    # A third-party stream type: unknown, and a legitimate coroutine result.
    return await broker.subscribe(topic)


@pytest_asyncio.fixture
async def user_stream(db: Any) -> AsyncIterator[Row]:
    # Unknown decorator: the fixture's value is what the coroutine returns.
    return db.stream("SELECT * FROM users")


# Trap: a private helper its module only ever awaits, annotated with the protocol awaiting it
# gives (microsoft/agent-framework's `_normalize_response_stream`): an await-then-iterate step
# used as such.
async def _normalize_stream(response: object) -> "AsyncIterable[str]":
    if isinstance(response, collections.abc.Awaitable):
        response = await response
    return response  # type: ignore[return-value]


async def relay(response: object):
    stream = await _normalize_stream(response)
    async for chunk in stream:
        yield chunk


# The same helper shape, also called without `await` somewhere in its module: reported.
async def _open_stream(response: object) -> "AsyncIterator[str]":  # error: AGN102
    return response  # type: ignore[return-value]


async def relay_all(response: object):
    opened = _open_stream(response)
    async for chunk in await opened:
        yield chunk
