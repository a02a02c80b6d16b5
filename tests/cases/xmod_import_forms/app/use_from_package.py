"""`from app.services import llm` (a submodule imported by name), also with an alias."""
import asyncio

from app.services import llm
from app.services import llm as llm_mod


async def bad_await_async_generator():
    return await llm.stream("a b")  # error: AGN200


async def bad_async_for_over_instance_coroutine():
    async for token in llm.svc.generate("ab"):  # error: AGN201
        print(token)


async def bad_shield():
    await asyncio.shield(llm.stream("a b"))  # error: AGN202


def bad_star_unpacking():
    print(*llm.stream("a b"))  # error: AGN203


async def bad_instance_async_with_async_generator():
    async with llm.svc.stream_tokens("ab"):  # error: AGN204
        pass


async def bad_alias_await_context_manager():
    return await llm_mod.session("x")  # error: AGN206


async def bad_alias_discarded():
    llm_mod.svc.stream_tokens("ab")  # error: AGN207


async def ok_correct_uses():
    async for word in llm.stream("a b"):
        print(word)
    print(await llm_mod.complete("a b"))
    async with llm_mod.session("x"):
        pass
