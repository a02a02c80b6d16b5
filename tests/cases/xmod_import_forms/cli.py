"""A top-level module importing a package module and a sibling top-level module."""
import asyncio

import helpers
from app.services.llm import svc
from helpers import ticker


async def bad_await_top_level_module_function():
    return await helpers.ticker(3)  # error: AGN200


async def bad_async_for_top_level_module_function():
    async for i in helpers.total(3):  # error: AGN201
        print(i)


def bad_run_from_import():
    asyncio.run(ticker(3))  # error: AGN202


def bad_instance_sorted():
    return sorted(svc.stream_tokens("ba"))  # error: AGN203


async def ok_correct_uses():
    async for i in ticker(3):
        print(i)
    print(await helpers.total(3))
    async for token in svc.stream_tokens("ab"):
        print(token)
