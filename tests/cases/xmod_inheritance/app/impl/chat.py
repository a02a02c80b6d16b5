"""A subclass in another module: `self.m()` / `cls.m()` resolved through the cross-module MRO."""
import asyncio

from app.core.base import BaseService


class ChatService(BaseService):
    async def bad_await_inherited_async_generator(self):
        return await self.stream("a b")  # error: AGN200

    async def bad_async_for_inherited_coroutine(self):
        async for part in self.fetch("a b"):  # error: AGN201
            print(part)

    async def bad_gather_inherited_async_generator(self):
        await asyncio.gather(self.fetch("a"), self.stream("a b"))  # error: AGN202

    def bad_sync_for_inherited_async_generator(self):
        for part in self.stream("a b"):  # error: AGN203
            print(part)

    async def bad_async_with_inherited_async_generator(self):
        async with self.stream("a b"):  # error: AGN204
            pass

    async def bad_async_with_inherited_coroutine(self):
        async with self.fetch("a"):  # error: AGN205
            pass

    async def bad_await_inherited_context_manager(self):
        await self.session()  # error: AGN206

    async def bad_discarded_inherited_async_generator(self):
        self.stream("a b")  # error: AGN207

    async def bad_returns_inherited_async_generator(self):
        return self.stream("a b")  # error: AGN101

    @classmethod
    async def bad_await_inherited_classmethod(cls):
        return await cls.stream_defaults()  # error: AGN200

    async def bad_async_for_inherited_staticmethod(self):
        async for x in self.ping():  # error: AGN201
            print(x)

    async def ok_correct_uses(self):
        print(await self.fetch("a"))
        async for part in self.stream("a b"):
            print(part)
        async with self.session() as s:
            print(await s.ping())
        async for name in self.stream_defaults():
            print(name)


async def bad_subclass_instance_inherited_method():
    return await ChatService().stream("a b")  # error: AGN200


async def bad_class_name_inherited_classmethod():
    return await ChatService.stream_defaults()  # error: AGN200
