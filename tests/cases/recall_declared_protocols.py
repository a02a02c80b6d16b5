"""A plain ``def`` whose returns say nothing gives what its return annotation declares:
``Coroutine[...]``, a coroutine object; ``AsyncIterator[...]`` / ``AsyncGenerator[...]``, an
async iterator, iterated with ``async for`` only.  ``Awaitable`` and ``AsyncIterable`` say too
little (a task, a future, a paginator that is both awaitable and async-iterable), so they are
not judged this way.
"""
import collections.abc
from typing import Any, AsyncGenerator, AsyncIterable, AsyncIterator, Awaitable, Coroutine

import backend  # not in the project: unknown


class Repo:
    def fetch(self, key: str) -> Coroutine[Any, Any, bytes]:
        return backend.get(key)

    def rows(self) -> AsyncIterator[bytes]:
        return backend.scan()

    def events(self) -> "collections.abc.AsyncGenerator[str, None]":
        return backend.events()

    def pages(self) -> AsyncIterable[bytes]:
        return backend.paginate()

    def later(self) -> Awaitable[bytes]:
        return backend.get_later()

    def known(self) -> AsyncIterator[bytes]:
        # The returns say what it is: they win over the annotation.
        return self._gen()

    async def _gen(self) -> AsyncGenerator[bytes, None]:
        yield b""


async def positives(repo: Repo) -> None:
    async for row in repo.fetch("k"):  # error: AGN201
        print(row)
    repo.fetch("k")  # error: AGN211
    await repo.rows()  # error: AGN200
    for row in repo.rows():  # error: AGN203
        print(row)
    print(await repo.events())  # error: AGN200
    await repo.known()  # error: AGN200


async def traps(repo: Repo) -> None:
    print(await repo.fetch("k"))
    async for row in repo.rows():
        print(row)
    # An async iterable may be awaitable too (openai's paginators are both).
    print(await repo.pages())
    async for page in repo.pages():
        print(page)
    # An awaitable may be a task or future: discarding it, or reading it, is not judged.
    repo.later()
    print(await repo.later())


class Tracer:
    # langchain's tracer hooks: a coroutine in the async tracer, None in the sync one.
    def _on_start(self, run: str) -> "Coroutine[Any, Any, None] | None":
        return backend.maybe(run)

    def _on_end(self, run: str) -> Coroutine[Any, Any, None]:
        _ = run
        return None

    def start(self, run: str) -> None:
        self._on_start(run)
        self._on_end(run)
