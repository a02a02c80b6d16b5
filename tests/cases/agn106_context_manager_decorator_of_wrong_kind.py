"""AGN106 context-manager-decorator-of-wrong-kind.

`@contextmanager` drives a plain generator with `next()`, `@asynccontextmanager` an async
generator with `anext()`: the wrong kind of function under either raises TypeError the first
time what it makes is entered.  Every error line was run on Python 3.11.
"""

import abc
import contextlib
import sys
from contextlib import asynccontextmanager, contextmanager
from typing import AsyncIterator, Iterator


@contextlib.contextmanager
async def connect() -> AsyncIterator[int]:  # error: AGN106
    # TypeError: 'async_generator' object is not an iterator
    yield 1


@contextmanager
async def opened() -> int:  # error: AGN106
    # TypeError: 'coroutine' object is not an iterator
    return 1


@asynccontextmanager
def transaction() -> Iterator[int]:  # error: AGN106
    # TypeError: 'generator' object is not an async iterator
    yield 1


@contextlib.asynccontextmanager
async def pool() -> int:  # error: AGN106
    # TypeError: 'coroutine' object is not an async iterator
    return 1


class Service:
    @asynccontextmanager
    def session(self) -> Iterator["Service"]:  # error: AGN106
        yield self


# --------------------------------------------------------------------------
# Traps
# --------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def right_async() -> AsyncIterator[int]:
    yield 1


@contextlib.contextmanager
def right_sync() -> Iterator[int]:
    yield 1


def _rows() -> Iterator[int]:
    yield 1


@contextlib.contextmanager
def delegating() -> Iterator[int]:
    # A plain `def` without `yield` returning a generator made elsewhere: works.
    return _rows()


class Base(abc.ABC):
    @abc.abstractmethod
    @asynccontextmanager
    async def session(self) -> AsyncIterator[int]:
        # A stub: what implements it is judged.
        ...


def local_contextmanager(func: object) -> object:
    return func


class Local:
    # A decorator of the same name that is not contextlib's.
    contextmanager = staticmethod(local_contextmanager)

    @contextmanager
    async def managed(self) -> int:
        return 1


if sys.version_info < (3, 7):

    @asynccontextmanager
    def legacy() -> Iterator[int]:
        yield 1
