"""Two levels across three modules, the middle base reached as a module attribute / alias."""
from app.core.base import BaseService as Base
from app.impl import chat


class Leaf(chat.ChatService):
    async def bad_await_two_levels_up(self):
        return await self.stream("a b")  # error: AGN200

    async def bad_async_for_two_levels_up(self):
        async for x in self.fetch("a"):  # error: AGN201
            print(x)

    async def ok_correct_uses(self):
        async for part in self.stream("a b"):
            print(part)


class Aliased(Base):
    async def bad_base_imported_under_alias(self):
        self.stream("a b")  # error: AGN207


class Overriding(Base):
    """Overrides with a different kind: its own definition wins over the base's."""

    async def fetch(self, key):
        for part in key.split():
            yield part

    async def stream(self, key):
        return key

    async def bad_await_override_async_generator(self):
        return await self.fetch("a b")  # error: AGN200

    async def bad_async_for_override_coroutine(self):
        async for x in self.stream("a b"):  # error: AGN201
            print(x)

    async def ok_correct_uses(self):
        # trap: the base says `fetch` is a coroutine and `stream` an async generator,
        # but this class overrides both with the opposite kinds.
        async for part in self.fetch("a b"):
            print(part)
        print(await self.stream("a b"))
