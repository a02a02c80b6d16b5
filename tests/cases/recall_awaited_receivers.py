"""Awaiting a coroutine method that returns ``self`` gives the object it was called on, and
awaiting an object whose ``__await__`` delegates to a coroutine's ``__await__`` gives what
that coroutine gives (asyncpg's ``CursorFactory`` / ``Cursor._init``)."""

import asyncio


class Rows:
    """A cursor: async-iterable, and not awaitable."""

    def __init__(self) -> None:
        self.items = [1, 2]

    def __aiter__(self) -> "Rows":
        return self

    async def __anext__(self) -> int:
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop()


class Connection:
    """Opened by ``await Connection().open()``; not iterable itself."""

    async def open(self) -> "Connection":
        await asyncio.sleep(0)
        return self

    def rows(self) -> Rows:
        return Rows()


class Portal:
    """A bound portal: ``await`` gives it, ready; it fetches, it does not iterate."""

    async def _bind(self):
        await asyncio.sleep(0)
        return self

    async def fetch(self, n):
        return list(range(n))


class PortalFactory:
    """``await factory`` binds a portal; ``async for`` over the factory streams rows."""

    def __await__(self):
        portal = Portal()
        return portal._bind().__await__()

    def __aiter__(self):
        return Rows()


async def wrong_connection():
    async for row in await Connection().open():  # error: AGN208
        print(row)


async def wrong_portal():
    async for row in await PortalFactory():  # error: AGN208
        print(row)


async def right():
    connection = await Connection().open()
    async for row in connection.rows():
        print(row)
    # The factory itself streams; what awaiting it gives fetches.
    async for row in PortalFactory():
        print(row)
    portal = await PortalFactory()
    print(await portal.fetch(2))


class Pooled:
    """``acquire`` returns ``self`` on one path and another object on the other: what awaiting
    it gives is not one thing, so nothing is said."""

    def __init__(self, spare: Rows) -> None:
        self.spare = spare

    async def acquire(self, reuse: bool):
        if reuse:
            return self
        return self.spare


async def maybe_self(pool: Pooled):
    async for row in await Pooled(Rows()).acquire(False):
        print(row)


class Delegating:
    """``__await__`` hands over to an object the analysis cannot see: unknown."""

    def __init__(self, future) -> None:
        self.future = future

    def __await__(self):
        return self.future.__await__()


async def unknown_delegate(future):
    async for row in await Delegating(future):
        print(row)


if __name__ == "__main__":
    asyncio.run(right())
