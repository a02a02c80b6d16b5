"""`import app.services.llm as m`."""
import asyncio

import app.services.llm as m


async def bad_await_async_generator():
    return await m.stream("a b")  # error: AGN200


async def bad_async_for_over_coroutine():
    async for word in m.complete("a b"):  # error: AGN201
        print(word)


async def bad_ensure_future():
    asyncio.ensure_future(m.stream("a b"))  # error: AGN202


def bad_comprehension():
    return [w for w in m.stream("a b")]  # error: AGN203


async def bad_async_with_coroutine():
    async with m.complete("a b"):  # error: AGN205
        pass


async def bad_async_for_over_context_manager():
    async for item in m.session("x"):  # error: AGN206
        print(item)


async def bad_discarded():
    m.stream("a b")  # error: AGN207


async def bad_instance_class_call():
    return await m.LLMService().stream_tokens("ab")  # error: AGN200


async def ok_correct_uses():
    async for word in m.stream("a b"):
        print(word)
    print(await m.complete("a b"))
    async for token in m.svc.stream_tokens("ab"):
        print(token)
    print(await m.LLMService().generate("ab"))
