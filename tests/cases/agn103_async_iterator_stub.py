"""AGN103: a stub ``async def`` annotated as an async iterator.

Abstract methods, Protocol members, ``@overload`` variants and stub bodies
(``...``, ``pass``, a docstring, ``raise NotImplementedError``) that are declared
``async def ... -> AsyncIterator[T]`` without ``yield`` are read by type checkers
as coroutines; the advice is to declare them ``def ... -> AsyncIterator[T]``.
These are reported as AGN103, never AGN102.
Definitions only: nothing below runs on import.
"""

import abc
import collections.abc
import typing
import typing as t
from abc import ABC, ABCMeta, abstractmethod
from typing import (
    Any,
    AsyncContextManager,
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Generic,
    List,
    Optional,
    Protocol,
    TypeVar,
    overload,
    runtime_checkable,
)

import typing_extensions

T = TypeVar("T")


class Message:
    def __init__(self, body: bytes) -> None:
        self.body = body


# ---------------------------------------------------------------------------
# Positives: abstract methods
# ---------------------------------------------------------------------------


class MessageBroker(ABC):
    @abstractmethod
    async def consume(self, queue: str) -> AsyncIterator[Message]:  # error: AGN103
        ...

    @abstractmethod
    async def consume_batch(self, queue: str, size: int) -> AsyncIterator[List[Message]]:  # error: AGN103
        pass

    @abstractmethod
    async def dead_letters(self) -> AsyncIterable[Message]:  # error: AGN103
        """Messages that could not be delivered."""

    @abstractmethod
    async def replay(self, since: int) -> AsyncGenerator[Message, None]:  # error: AGN103
        raise NotImplementedError

    @abstractmethod
    async def replay_from(self, offset: int) -> AsyncIterator[Message]:  # error: AGN103
        raise NotImplementedError("subclasses must implement replay_from")

    @abstractmethod
    async def peek(self, queue: str) -> AsyncIterator[Message]:  # error: AGN103
        """Look at messages without acknowledging them."""
        raise NotImplementedError()

    @abc.abstractmethod
    async def topics(self) -> typing.AsyncIterator[str]:  # error: AGN103
        ...

    @staticmethod
    @abstractmethod
    async def decode(raw: bytes) -> AsyncIterator[Message]:  # error: AGN103
        ...

    @classmethod
    @abstractmethod
    async def from_url(cls, url: str) -> AsyncIterator["MessageBroker"]:  # error: AGN103
        ...

    @abstractmethod
    async def subscribe(
        self,
        topic: str,
        *,
        group: Optional[str] = None,
    ) -> collections.abc.AsyncIterator[Message]:  # error: AGN103
        ...

    @abstractmethod
    async def quoted(self) -> "AsyncIterator[Message]":  # error: AGN103
        ...

    @abstractmethod
    async def with_default(self, queue: str) -> AsyncIterator[Message]:  # error: AGN103
        # An abstract method with a (non-stub) default body.
        return await self.consume(queue)


class LegacyBroker(metaclass=ABCMeta):
    @abstractmethod
    async def messages(self) -> t.AsyncIterable[Message]: ...  # error: AGN103


# ---------------------------------------------------------------------------
# Positives: Protocol members
# ---------------------------------------------------------------------------


class MessageSource(Protocol):
    async def messages(self) -> AsyncIterator[Message]: ...  # error: AGN103

    async def acked(self) -> AsyncIterable[Message]:  # error: AGN103
        """Messages acknowledged so far."""

    async def pending(self) -> AsyncGenerator[Message, None]:  # error: AGN103
        pass


@runtime_checkable
class Stream(Protocol[T]):
    async def items(self) -> AsyncIterator[T]:  # error: AGN103
        ...


class ExtendedSource(typing_extensions.Protocol):
    async def chunks(self, size: int) -> typing.AsyncIterable[bytes]:  # error: AGN103
        ...


class ReplayableSource(MessageSource, Protocol):
    async def replay(self) -> AsyncIterator[Message]:  # error: AGN103
        raise NotImplementedError


# ---------------------------------------------------------------------------
# Positives: overload variants
# ---------------------------------------------------------------------------


@overload
async def read_stream(path: str) -> AsyncIterator[str]: ...  # error: AGN103
@overload
async def read_stream(path: str, binary: bool) -> AsyncIterator[bytes]: ...  # error: AGN103
async def read_stream(path: str, binary: bool = False):
    # The implementation is a real async generator.
    with open(path, "rb" if binary else "r") as fh:
        for line in fh:
            yield line


class Reader:
    @typing.overload
    async def lines(self, raw: None = None) -> AsyncIterator[str]:  # error: AGN103
        ...

    @typing.overload
    async def lines(self, raw: bytes) -> AsyncIterator[bytes]:  # error: AGN103
        ...

    async def lines(self, raw: Optional[bytes] = None):
        for line in (raw or b"").splitlines():
            yield line


# ---------------------------------------------------------------------------
# Positives: plain stub bodies
# ---------------------------------------------------------------------------


class BaseExporter:
    async def rows(self) -> AsyncIterator[dict]:  # error: AGN103
        raise NotImplementedError

    async def header(self) -> AsyncIterator[str]:  # error: AGN103
        """Override to emit header lines."""


async def placeholder_feed() -> AsyncIterator[Message]:  # error: AGN103
    ...


# ---------------------------------------------------------------------------
# Traps: no diagnostic expected
# ---------------------------------------------------------------------------


class Consumer(Protocol):
    # Already declared the recommended way: a plain def.
    def messages(self) -> AsyncIterator[Message]: ...

    # A coroutine stub with a non-iterator result.
    async def ack(self, message: Message) -> None: ...

    async def fetch(self, count: int) -> List[Message]: ...

    # The async iterator protocol itself.
    def __aiter__(self) -> AsyncIterator[Message]: ...

    async def __anext__(self) -> Message: ...

    async def session(self) -> AsyncContextManager[Any]: ...


class Storage(ABC):
    @abstractmethod
    def objects(self, prefix: str) -> AsyncIterator[str]:
        # A plain def: the recommended declaration.
        ...

    @abstractmethod
    async def get(self, key: str) -> bytes:
        ...

    @abstractmethod
    async def keys(self) -> AsyncIterator[str]:
        # The unreachable yield makes this an async generator.
        raise NotImplementedError
        yield ""

    @abstractmethod
    async def versions(self, key: str) -> AsyncIterator[int]:
        # Same, with the `if False: yield` idiom.
        if False:
            yield 0


class S3Storage(Storage):
    def objects(self, prefix: str) -> AsyncIterator[str]:
        return self.keys()

    async def get(self, key: str) -> bytes:
        return b""

    async def keys(self) -> AsyncIterator[str]:
        # The concrete implementation is a real async generator.
        for key in ("a", "b"):
            yield key

    async def versions(self, key: str) -> AsyncIterator[int]:
        yield 1


@overload
def open_feed(name: str) -> AsyncIterator[str]: ...
@overload
def open_feed(name: str, binary: bool) -> AsyncIterator[bytes]: ...
def open_feed(name: str, binary: bool = False) -> Any:
    # Overloads declared as plain defs: the recommended shape.
    return read_stream(name, binary)


@overload
async def fetch_count(table: str) -> int: ...
@overload
async def fetch_count(table: str, where: str) -> int: ...
async def fetch_count(table: str, where: str = "") -> int:
    # Coroutine overloads with a non-iterator result.
    return 0


class Buffer(Generic[T]):
    async def drain(self) -> AsyncIterator[T]:
        # A real async generator whose first statement is a docstring.
        """Yield buffered items."""
        yield  # type: ignore[misc]

    async def close(self) -> None:
        pass
