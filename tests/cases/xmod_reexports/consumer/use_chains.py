"""Chains of re-exports reached through `import lib`, `import lib.api` and `from lib.api import`."""
import asyncio

import lib
import lib.api
from lib.api import pull, push


async def bad_await_chain_of_three():
    return await pull("a b")  # error: AGN200


async def bad_async_for_chain_through_v1():
    async for item in push("a b"):  # error: AGN201
        print(item)


def bad_run_dotted_package_attribute():
    asyncio.run(lib.api.pull("a b"))  # error: AGN202


def bad_list_package_attribute():
    return list(lib.stream("a b"))  # error: AGN203


async def bad_async_for_package_attribute_context_manager():
    async for item in lib.open_session("x"):  # error: AGN206
        print(item)


async def bad_package_attribute_instance():
    return await lib.default_client.events("/x")  # error: AGN200


async def ok_correct_uses():
    async for item in pull("a b"):
        print(item)
    print(await push("a b"))
    async for item in lib.api.pull("a b"):
        print(item)
    print(await lib.complete("a"))
