"""`from . import x`, `from .x import f as g`, `from ..services.llm import svc`, `from ..services import llm`."""
import asyncio

from ..services import llm
from ..services.llm import session, svc
from . import helpers
from . import llm as api_llm
from .helpers import chunked as ch


async def bad_parent_instance_async_for():
    async for token in svc.generate("hi"):  # error: AGN201
        print(token)


async def bad_parent_module_await():
    return await llm.stream("a b")  # error: AGN200


def bad_parent_instance_run():
    asyncio.run(svc.tokens("ab"))  # error: AGN202


async def bad_sibling_module_async_for():
    async for x in helpers.load("k"):  # error: AGN201
        print(x)


def bad_sibling_alias_sync_for():
    for c in ch("ab"):  # error: AGN203
        print(c)


async def bad_sibling_namesake_await():
    # `api_llm` is app/api/llm.py, where `complete` is an async generator.
    return await api_llm.complete("a b")  # error: AGN200


async def bad_sibling_namesake_async_for():
    async for x in api_llm.stream("a b"):  # error: AGN201
        print(x)


async def bad_parent_instance_async_with():
    async with svc.tokens("ab"):  # error: AGN204
        pass


async def bad_parent_module_async_with():
    async with llm.complete("ab"):  # error: AGN205
        pass


async def bad_parent_instance_discarded():
    svc.tokens("ab")  # error: AGN207


async def bad_returns_sibling_async_generator():
    return helpers.chunked("ab")  # error: AGN101


async def ok_namesakes():
    # trap: app/api/llm.py (imported as api_llm) swaps the kinds of app/services/llm.py;
    # resolving `from . import llm` to the wrong module would flag these lines.
    print(await api_llm.stream("a b"))
    async for x in api_llm.complete("a b"):
        print(x)
    print(await llm.complete("a b"))
    async for x in llm.stream("a b"):
        print(x)
    async with session() as s:
        print(s)
