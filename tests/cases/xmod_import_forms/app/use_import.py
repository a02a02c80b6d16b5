"""`import app.services.llm`: callees reached through the dotted module path."""
import asyncio

import app.services.llm


async def bad_await_async_generator():
    return await app.services.llm.stream("a b")  # error: AGN200


async def bad_async_for_over_coroutine():
    async for word in app.services.llm.complete("a b"):  # error: AGN201
        print(word)


async def bad_wait_for():
    await asyncio.wait_for(app.services.llm.stream("a b"), 1)  # error: AGN202


def bad_tuple():
    return tuple(app.services.llm.stream("a b"))  # error: AGN203


async def bad_async_with_async_generator():
    async with app.services.llm.stream("a b"):  # error: AGN204
        pass


async def bad_instance_method_discarded():
    app.services.llm.svc.stream_tokens("ab")  # error: AGN207


async def bad_returns_async_generator():
    return app.services.llm.svc.stream_tokens("ab")  # error: AGN101


async def ok_correct_uses():
    async for word in app.services.llm.stream("a b"):
        print(word)
    print(await app.services.llm.complete("a b"))
    async with app.services.llm.session("x") as name:
        print(name)
    async with app.services.llm.svc.connect():
        pass
