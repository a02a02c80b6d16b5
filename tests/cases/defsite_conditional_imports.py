"""Issue 10, shape 4: annotations behind conditional imports.

A return annotation whose name is bound by a conditional import (`if sys.version_info < ...:` /
`else:`, `try:` / `except ImportError:`, `if TYPE_CHECKING:` / `else:`) is known when every
alternative names an async-iterator type: AGN102 / AGN103 apply as if it were imported once.
When one alternative is something else (or lies outside what the checker knows), stay silent.

verify_runtime.py evaluates each annotation with `typing.get_type_hints`, i.e. the alternative
this interpreter actually took, and checks the function is a coroutine function for Python.
"""
import abc
import asyncio
import sys
from typing import TYPE_CHECKING, List, Protocol

if sys.version_info < (3, 9):
    from typing import AsyncGenerator, AsyncIterator
else:
    from collections.abc import AsyncGenerator, AsyncIterator

try:
    from typing_extensions import AsyncIterable
except ImportError:
    from typing import AsyncIterable

try:
    import collections.abc as cabc
except ImportError:
    import typing as cabc

if TYPE_CHECKING:
    from typing import AsyncIterator as Stream
else:
    from collections.abc import AsyncIterator as Stream

if sys.version_info >= (3, 11):
    from typing import AsyncIterator as TokenStream
elif sys.version_info >= (3, 9):
    from collections.abc import AsyncIterator as TokenStream
else:
    from typing_extensions import AsyncIterator as TokenStream

try:
    from aiostream_not_installed import Stream as MaybeStream
except ImportError:
    from typing import AsyncIterator as MaybeStream

if sys.version_info >= (3, 99):
    from typing import Awaitable as Result
else:
    from collections.abc import AsyncIterator as Result


class Token:
    def __init__(self, text: str) -> None:
        self.text = text


async def _tokens(prompt: str):
    for word in prompt.split():
        yield Token(word)


class TokenIterator:
    """What the SDK hands back after the request: an async iterator object (no generator)."""

    def __init__(self, prompt: str) -> None:
        self.words = prompt.split()

    def __aiter__(self) -> "TokenIterator":
        return self

    async def __anext__(self) -> Token:
        if not self.words:
            raise StopAsyncIteration
        return Token(self.words.pop(0))


async def _complete(prompt: str) -> List[Token]:
    await asyncio.sleep(0)
    return [Token(prompt)]


# ---------------------------------------------------------------------------
# Positives: AGN102
# ---------------------------------------------------------------------------


async def stream_completion(prompt: str) -> AsyncIterator[Token]:  # error: AGN102
    return TokenIterator(prompt)


async def stream_events(topic: str) -> AsyncGenerator[str, None]:  # error: AGN102
    await asyncio.sleep(0)
    return TokenIterator(topic)


async def iter_pages(url: str) -> AsyncIterable[dict]:  # error: AGN102
    return TokenIterator(url)


async def subscribe(channel: str) -> cabc.AsyncIterator[str]:  # error: AGN102
    return TokenIterator(channel)


async def tail(path: str) -> Stream[bytes]:  # error: AGN102
    return TokenIterator(path)


async def generate(prompt: str) -> TokenStream[Token]:  # error: AGN102
    return TokenIterator(prompt)


class ChatService:
    async def reply(self, prompt: str) -> AsyncIterator[Token]:  # error: AGN102
        tokens = await _complete(prompt)
        return TokenIterator(" ".join(t.text for t in tokens))

    @staticmethod
    async def parse(raw: bytes) -> "AsyncIterator[str]":  # error: AGN102
        return TokenIterator(raw.decode())


# ---------------------------------------------------------------------------
# Positives: AGN103 (stubs)
# ---------------------------------------------------------------------------


class Retriever(abc.ABC):
    @abc.abstractmethod
    async def retrieve(self, query: str) -> AsyncIterator[Token]:  # error: AGN103
        ...

    @abc.abstractmethod
    async def rerank(self, query: str) -> AsyncIterable[Token]:  # error: AGN103
        raise NotImplementedError


class VectorStore(Protocol):
    async def search(self, query: str) -> cabc.AsyncIterator[Token]:  # error: AGN103
        ...

    async def scroll(self) -> Stream[Token]:  # error: AGN103
        ...


class Loader:
    async def load(self) -> TokenStream[Token]:  # error: AGN103
        """Override to stream documents."""


# ---------------------------------------------------------------------------
# Call sites (the AGN102 definitions really give coroutines)
# ---------------------------------------------------------------------------


async def scenario_caller_of_conditional_annotation():
    async for token in stream_completion("a b"):  # error: AGN201
        print(token.text)


async def scenario_caller_of_try_except_annotation():
    async for page in iter_pages("/v1/pages"):  # error: AGN201
        print(page)


async def scenario_ok_await_then_iterate():
    async for token in await generate("a b"):
        print(token.text)
    async for token in await ChatService().reply("x"):
        print(token.text)


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------


async def maybe_stream(prompt: str) -> MaybeStream[Token]:
    # not-judged: one alternative of `MaybeStream` is a package outside the project: unknown.
    return TokenIterator(prompt)


async def result_of(prompt: str) -> Result:  # error: AGN102
    # `Result` is `Awaitable` only on Python >= 3.99, which no interpreter runs (type checkers
    # read the branch the same way): on every real Python it is `AsyncIterator`.
    return TokenIterator(prompt)


async def real_generator(prompt: str) -> AsyncIterator[Token]:
    # A real async generator: the annotation is right.
    for word in prompt.split():
        yield Token(word)


def plain_stream(prompt: str) -> AsyncIterator[Token]:
    # A plain def returning an async generator: the recommended declaration.
    return _tokens(prompt)


async def complete(prompt: str) -> List[Token]:
    # A coroutine with a non-iterator result.
    return await _complete(prompt)


async def stream_v2(prompt: str) -> TokenStream[Token]:
    # A real async generator with a conditionally imported annotation.
    yield Token(prompt)


class Reader(Protocol):
    # Plain-def Protocol members with conditionally imported annotations.
    def lines(self) -> Stream[str]: ...

    def pages(self) -> cabc.AsyncIterable[list]: ...


class BaseRetriever(abc.ABC):
    @abc.abstractmethod
    async def retrieve(self, query: str) -> AsyncIterator[Token]:
        # Stub whose every override in the project is a coroutine (issue 10.2): consistent.
        ...


class HttpRetriever(BaseRetriever):
    async def retrieve(self, query: str):
        await asyncio.sleep(0)
        return TokenIterator(query)


class Index(abc.ABC):
    @abc.abstractmethod
    def documents(self) -> AsyncIterator[Token]:
        # A plain-def stub: the recommended declaration.
        ...


async def scenario_ok_traps_used_correctly():
    async for token in await maybe_stream("a"):
        print(token.text)
    async for token in real_generator("a b"):
        print(token.text)
    async for token in plain_stream("a b"):
        print(token.text)
    async for token in stream_v2("a"):
        print(token.text)
    async for token in await HttpRetriever().retrieve("q"):
        print(token.text)
    print(await complete("x"))
