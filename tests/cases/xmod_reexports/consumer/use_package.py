"""Names imported from the package `lib` are followed through `lib/__init__.py`."""
import asyncio

from lib import Client, complete, default_client, fetch_all, open_session, stream


async def bad_await_reexported():
    return await stream("a b")  # error: AGN200


async def bad_async_for_reexported_coroutine():
    async for word in complete("a b"):  # error: AGN201
        print(word)


async def bad_gather_chain_of_two():
    await asyncio.gather(fetch_all("a b"))  # error: AGN202


def bad_sync_for_chain_of_two():
    for word in fetch_all("a b"):  # error: AGN203
        print(word)


async def bad_async_with_reexported_async_generator():
    async with stream("a b"):  # error: AGN204
        pass


async def bad_async_with_reexported_coroutine():
    async with complete("a b"):  # error: AGN205
        pass


async def bad_await_renamed_context_manager():
    return await open_session("x")  # error: AGN206


async def bad_discarded_instance_method():
    default_client.events("/x")  # error: AGN207


async def bad_returns_reexported_async_generator():
    return fetch_all("a b")  # error: AGN101


async def bad_reexported_class():
    async for item in Client().request("/x"):  # error: AGN201
        print(item)


async def ok_correct_uses():
    async for word in stream("a b"):
        print(word)
    async for word in fetch_all("a b"):
        print(word)
    print(await complete("a b"))
    async with open_session("x"):
        pass
    print(await default_client.request("/x"))
    async for event in Client().events("/x"):
        print(event)
