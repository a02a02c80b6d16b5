"""Issue 10, shape 1: overloads follow their implementation.

An `@overload async def ... -> AsyncIterator[T]` stub is AGN103 only when its implementation is an
async generator function (or absent, as in a Protocol, where the stub cannot be judged otherwise):
overload signatures must match the implementation, so "declare it `def`" is right exactly then.
When the implementation is a coroutine (an `async def` without `yield` that returns a stream on
one flag value and a plain value on the other), the stubs are consistent with it: no report.

verify_runtime.py checks each stub against its implementation with `typing.get_overloads`.
"""
import asyncio
from typing import (
    Any,
    AsyncIterator,
    Literal,
    Optional,
    Protocol,
    Union,
    overload,
)

import typing
import typing_extensions


class Chunk:
    def __init__(self, text: str) -> None:
        self.text = text


async def _token_stream(prompt: str):
    for token in prompt.split():
        yield token


# ---------------------------------------------------------------------------
# Positives: the implementation is an async generator
# ---------------------------------------------------------------------------


@overload
async def read_lines(path: str) -> AsyncIterator[str]: ...  # error: AGN103
@overload
async def read_lines(path: str, binary: Literal[True]) -> AsyncIterator[bytes]: ...  # error: AGN103
async def read_lines(path: str, binary: bool = False):
    for line in ("a", "b"):
        yield line.encode() if binary else line


class Tail:
    @overload
    async def follow(self, name: str) -> AsyncIterator[str]:  # error: AGN103
        ...

    @overload
    async def follow(self, name: str, raw: bytes) -> AsyncIterator[bytes]:  # error: AGN103
        ...

    async def follow(self, name: str, raw: Optional[bytes] = None):
        yield raw or name

    @typing.overload
    @staticmethod
    async def decode(data: bytes) -> AsyncIterator[str]: ...  # error: AGN103

    @typing.overload
    @staticmethod
    async def decode(data: str) -> AsyncIterator[str]: ...  # error: AGN103

    @staticmethod
    async def decode(data: Union[bytes, str]):
        yield data.decode() if isinstance(data, bytes) else data

    @typing_extensions.overload
    @classmethod
    async def open(cls, url: str) -> AsyncIterator["Tail"]: ...  # error: AGN103

    @typing_extensions.overload
    @classmethod
    async def open(cls, url: str, retries: int) -> AsyncIterator["Tail"]: ...  # error: AGN103

    @classmethod
    async def open(cls, url: str, retries: int = 0):
        yield cls()


class MixedStubs:
    # One stub annotated as an iterator, one not: only the iterator one is AGN103.
    @overload
    async def pages(self, size: None = None) -> AsyncIterator[list]: ...  # error: AGN103
    @overload
    async def pages(self, size: int) -> Any: ...
    async def pages(self, size: Optional[int] = None):
        yield [size]


class EmbeddingSource(Protocol):
    # A Protocol: the implementation is absent, the stubs are judged on their own.
    @overload
    async def embed(self, text: str) -> AsyncIterator[float]: ...  # error: AGN103
    @overload
    async def embed(self, text: list) -> AsyncIterator[list]: ...  # error: AGN103


# ---------------------------------------------------------------------------
# Traps: the implementation is a coroutine
# ---------------------------------------------------------------------------


class Backend:
    """A transport adapter handed in by the application (outside what the checker knows)."""

    def stream(self, prompt: str) -> AsyncIterator[str]:
        return _token_stream(prompt)


class LLMClient:
    """The issue's reproduction: two coroutine overloads and a coroutine implementation."""

    def __init__(self, backend) -> None:
        self._backend = backend

    @overload
    async def fetch(self, prompt: str, stream: Literal[True]) -> AsyncIterator[str]: ...
    @overload
    async def fetch(self, prompt: str, stream: Literal[False] = ...) -> str: ...
    async def fetch(self, prompt: str, stream: bool = False) -> Union[str, AsyncIterator[str]]:
        # A coroutine: it does the request, then returns a stream or the finished text.
        await asyncio.sleep(0)
        if stream:
            return self._backend.stream(prompt)
        return "done"


@overload
async def create_completion(prompt: str, *, stream: Literal[True]) -> AsyncIterator[Chunk]: ...
@overload
async def create_completion(prompt: str, *, stream: Literal[False] = False) -> Chunk: ...
async def create_completion(prompt: str, *, stream: bool = False) -> Any:
    # An SDK's `create(..., stream=True)`: the coroutine returns an async iterable of chunks.
    if stream:
        return ChunkStream(prompt)
    return Chunk(prompt)


class ChunkStream:
    def __init__(self, prompt: str) -> None:
        self.tokens = prompt.split()

    def __aiter__(self) -> "ChunkStream":
        return self

    async def __anext__(self) -> Chunk:
        if not self.tokens:
            raise StopAsyncIteration
        return Chunk(self.tokens.pop(0))


class Messages:
    @typing.overload
    @staticmethod
    async def create(body: dict, stream: Literal[True]) -> AsyncIterator[dict]: ...

    @typing.overload
    @staticmethod
    async def create(body: dict, stream: Literal[False] = False) -> dict: ...

    @staticmethod
    async def create(body: dict, stream: bool = False) -> Any:
        if stream:
            return ChunkStream(" ".join(body))
        return body

    @typing_extensions.overload
    async def listen(self, channel: str) -> AsyncIterator[str]: ...

    @typing_extensions.overload
    async def listen(self, channel: str, limit: int) -> AsyncIterator[str]: ...

    async def listen(self, channel: str, limit: int = 0) -> AsyncIterator[str]:  # error: AGN102
        # Subscribes first (a coroutine), then hands back the subscription's iterator. The
        # overload stubs agree with this coroutine (no AGN103), but the implementation's own
        # annotation reads as if it were the iterator itself: AGN102 stays (issue 10 changes
        # nothing for it).
        await asyncio.sleep(0)
        return ChunkStream(channel).__aiter__()


@overload
def open_feed(name: str) -> AsyncIterator[str]: ...
@overload
def open_feed(name: str, binary: bool) -> AsyncIterator[bytes]: ...
def open_feed(name: str, binary: bool = False) -> Any:
    # Plain-def overloads: already the recommended declaration.
    return read_lines(name)


@overload
async def count_rows(table: str) -> int: ...
@overload
async def count_rows(table: str, where: str) -> int: ...
async def count_rows(table: str, where: str = "") -> int:
    # Coroutine overloads with non-iterator results.
    return 0


async def scenario_ok_reproduction_used_as_documented():
    client = LLMClient(Backend())
    assert [t async for t in await client.fetch("a b", stream=True)] == ["a", "b"]
    assert await client.fetch("a b") == "done"


async def scenario_ok_sdk_create_stream():
    async for chunk in await create_completion("a b", stream=True):
        print(chunk.text)
    print((await create_completion("a b")).text)


async def scenario_ok_static_create():
    async for chunk in await Messages.create({"a": 1}, stream=True):
        print(chunk.text)
    async for message in await Messages().listen("news"):
        print(message.text)


async def scenario_ok_async_generator_overloads_iterated():
    async for line in read_lines("x"):
        print(line)
    async for data in Tail().follow("x"):
        print(data)
    async for line in open_feed("x"):
        print(line)
