"""Shapes of expressions and bindings the resolver follows (found by red-teaming recall)."""
import asyncio
from typing import AsyncIterator, Generic, Optional, TypeVar

T = TypeVar("T")

spawn = asyncio.create_task  # an alias of a coroutine API: its calls are checked too


async def ticker(n: int = 1):
    yield n


async def fetch(n: int = 1):
    return n


class Repo(Generic[T]):
    async def rows(self):
        yield 1


class Base:
    async def stream(self):
        yield 1

    async def first(self):
        # The subclass overrides `stream` with a plain def that also returns an async
        # generator: calling `self.stream()` gives an async generator either way.
        return await self.stream()  # error: AGN200


class Buffered(Base):
    def stream(self):
        return self._buffered()

    async def _buffered(self):
        yield 2


class Mixed:
    async def stream(self):
        yield 1

    async def first(self):
        # trap: the subclass makes `stream` a coroutine: `self.stream()` is ambiguous.
        return await self.stream()


class MixedChild(Mixed):
    async def stream(self):
        return [1]


async def alias_of_api():
    return await spawn(ticker())  # error: AGN202


async def declared_then_bound():
    gen: Optional[AsyncIterator[int]]
    gen = ticker()
    return await gen  # error: AGN200


async def declared_only(gen):
    # trap: a bare annotation binds nothing; `fetched` is a local that is never bound here.
    fetched: AsyncIterator[int]
    print(gen)
    return await fetched  # noqa: F821


async def generic_class_call():
    return await Repo[int]().rows()  # error: AGN200


async def walrus():
    if (gen := ticker()) is not None:
        return await gen  # error: AGN200


async def walrus_in_comprehension():
    # trap: in a comprehension the walrus target takes a new value per item.
    values = [(last := item) for item in (fetch(), ticker())]
    return values, await last


async def conditional_expression(fast: bool):
    result = await (ticker(1) if fast else ticker(2))  # error: AGN200
    async for item in (fetch() if fast else fetch(2)):  # error: AGN201
        print(item)
    # The two arms have different kinds: when `fast`, the async generator is awaited.
    return result, await (ticker() if fast else fetch())  # error: AGN200


async def coroutine_returns_either(fast: bool):
    return ticker(1) if fast else ticker(2)  # error: AGN101


async def task_group_keyword():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(coro=ticker())  # error: AGN202
