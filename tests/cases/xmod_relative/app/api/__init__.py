"""Relative imports in a package `__init__.py` are resolved from the package itself."""
from ..services.llm import stream
from .helpers import chunked, load


async def bad_init_await_parent_relative():
    return await stream("a b")  # error: AGN200


async def bad_init_await_sibling_relative():
    return await chunked("ab")  # error: AGN200


async def bad_init_async_for_sibling_relative():
    async for x in load("k"):  # error: AGN201
        print(x)
