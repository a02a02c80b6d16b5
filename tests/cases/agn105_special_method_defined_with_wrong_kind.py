"""AGN105 special-method-defined-with-wrong-kind.

Python calls special methods itself, as plain methods, and uses what the call gives: a
special method whose kind breaks that call is wrong wherever the class is used, and is
reported at its `def`.  Every error line here was run on Python 3.11 and fails as its
comment says.  Nothing here runs at import time.
"""

import abc
import contextlib
import functools
import sys
from typing import Any, AsyncIterator, Awaitable, Callable, Iterator, Protocol, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class Rows:
    """An async iterator written with Python 3.5.0's protocol."""

    async def __aiter__(self) -> "Rows":  # error: AGN105
        # TypeError: 'async for' received an object from __aiter__ that does not implement
        # __anext__: coroutine
        return self

    async def __anext__(self) -> int:
        raise StopAsyncIteration


class Pages:
    # An async generator `__anext__`: `async for` awaits an async generator (TypeError).
    def __aiter__(self) -> "Pages":
        return self

    async def __anext__(self) -> AsyncIterator[int]:  # error: AGN105
        yield 1


class Session:
    @contextlib.asynccontextmanager
    async def __aenter__(self) -> AsyncIterator["Session"]:  # error: AGN105
        yield self

    async def __aexit__(self, *exc_info: Any) -> None:  # error: AGN105
        # `async with` awaits an async generator: TypeError.
        if exc_info:
            yield


class Client:
    async def __init__(self, url: str) -> None:  # error: AGN105
        # TypeError: __init__() should return None, not 'coroutine'
        self.url = url

    async def __len__(self) -> int:  # error: AGN105
        return 0

    async def __str__(self) -> str:  # error: AGN105
        return self.url


class Lock:
    async def __enter__(self) -> "Lock":  # error: AGN105
        return self

    async def __exit__(self, *exc_info: Any) -> bool:  # error: AGN105
        # The coroutine object is true: `with` suppresses every exception.
        return False


class Job:
    async def __await__(self) -> int:  # error: AGN105
        return 1

    async def __iter__(self) -> Iterator[int]:  # error: AGN105
        return iter(())


def logged(func: F) -> F:
    """A decorator that keeps the function's kind (a coroutine wrapper for a coroutine
    function)."""

    @functools.wraps(func)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        return await func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


class Stream:
    @logged
    async def __aiter__(self) -> "Stream":  # error: AGN105
        return self

    async def __anext__(self) -> int:
        raise StopAsyncIteration


# --------------------------------------------------------------------------
# Traps
# --------------------------------------------------------------------------


class GoodFeed:
    # Right: a plain `__aiter__` returning self, an async generator `__aiter__`, an `async def`
    # `__anext__` / `__aenter__` / `__aexit__`, a generator `__await__`.
    def __aiter__(self) -> "GoodFeed":
        return self

    async def __anext__(self) -> int:
        raise StopAsyncIteration

    async def __aenter__(self) -> "GoodFeed":
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        return None

    def __await__(self) -> Any:
        yield
        return 1


class Paginator:
    # aiobotocore's shape: `__aiter__` returns the async generator `__anext__` makes, so
    # `async for` iterates that generator and never calls `__anext__` as its step.
    def __aiter__(self) -> AsyncIterator[int]:
        return self.__anext__()

    async def __anext__(self) -> AsyncIterator[int]:
        yield 1


class GeneratorFeed:
    async def __aiter__(self) -> AsyncIterator[int]:
        yield 1


class Callable_:
    # `await obj(...)`, `await obj[key]`, `await obj.attr` through these are designs that
    # work; `async def __new__` is an idiom (`await Model(...)`).
    async def __call__(self) -> int:
        return 1

    async def __getitem__(self, key: str) -> int:
        return 1

    async def __getattr__(self, name: str) -> int:
        return 1

    async def __new__(cls) -> Any:  # type: ignore[misc]
        return object.__new__(cls)


class AbstractSource(abc.ABC):
    # A declaration: what implements it is judged.
    @abc.abstractmethod
    async def __aiter__(self) -> "AbstractSource":
        ...


class SourceProtocol(Protocol):
    async def __aenter__(self) -> "SourceProtocol":
        ...

    async def __anext__(self) -> int:
        ...


def unknown(func: Any) -> Any:
    return func


def rewrap(func: Any) -> Any:
    """A decorator whose result is not known to keep the function's kind."""
    return sync_adapter(func)


def sync_adapter(func: Any) -> Any:
    return func


class Adapted:
    @rewrap
    async def __aiter__(self) -> "Adapted":
        return self


class VersionCompat:
    # Python 3.5.0 and 3.5.1 wanted an awaitable `__aiter__`.
    if sys.version_info < (3, 5, 2):

        async def __aiter__(self) -> "VersionCompat":
            return self

    else:

        def __aiter__(self) -> "VersionCompat":
            return self

    async def __anext__(self) -> int:
        raise StopAsyncIteration


def stacked() -> None:
    # A function named like a special method, outside a class, is a plain function.
    async def __aiter__() -> None:
        return None


class_decorators: "list[Callable[[type], type]]" = []


def register(cls: type) -> type:
    class_decorators.append(cls)
    return cls


def rewrite(cls: Any) -> Any:
    """A class decorator that may replace methods."""
    for name in ("__aiter__",):
        setattr(cls, name, lambda self: self)
    return cls


@rewrite
class Rewritten:
    async def __aiter__(self) -> "Rewritten":
        return self

    async def __anext__(self) -> int:
        raise StopAsyncIteration


async def awaitable_factory() -> Awaitable[int]:
    return Job()  # type: ignore[return-value]
