"""`from app.services.llm import f, Cls, instance`: every call-site rule plus AGN101."""
import asyncio

import anyio

from app.services.llm import (
    LLMService,
    complete,
    fetch_pages,
    make_stream,
    session,
    stream,
    svc,
)


async def bad_await_async_generator():
    return await stream("a b")  # error: AGN200


async def bad_await_variable_bound_once():
    words = stream("a b")
    return await words  # error: AGN200


async def bad_async_for_over_coroutine():
    async for word in complete("a b"):  # error: AGN201
        print(word)


async def bad_async_for_over_coroutine_variable():
    pending = complete("a b")
    async for word in pending:  # error: AGN201
        print(word)


async def bad_async_comprehension_over_coroutine():
    return [w async for w in complete("a b")]  # error: AGN201


def bad_asyncio_run():
    asyncio.run(stream("a b"))  # error: AGN202


async def bad_create_task():
    asyncio.create_task(stream("a b"))  # error: AGN202


async def bad_gather():
    await asyncio.gather(complete("a"), stream("a b"))  # error: AGN202


def bad_anyio_run_async_generator_function():
    anyio.run(stream, "a b")  # error: AGN202


def bad_sync_for():
    for word in stream("a b"):  # error: AGN203
        print(word)


def bad_list():
    return list(stream("a b"))  # error: AGN203


def bad_sync_for_over_plain_def_returning_async_generator():
    for word in make_stream("a b"):  # error: AGN203
        print(word)


async def bad_async_with_async_generator():
    async with stream("a b") as s:  # error: AGN204
        print(s)


async def bad_async_with_coroutine():
    async with complete("a b") as s:  # error: AGN205
        print(s)


async def bad_await_context_manager():
    return await session("x")  # error: AGN206


async def bad_async_for_over_context_manager():
    async for item in session("x"):  # error: AGN206
        print(item)


async def bad_discarded():
    stream("a b")  # error: AGN207


async def bad_coroutine_returns_async_generator():
    return stream("a b")  # error: AGN101


# Methods of an imported module-level instance and of an imported class.


async def bad_instance_await():
    return await svc.stream_tokens("ab")  # error: AGN200


async def bad_instance_async_for():
    async for token in svc.generate("ab"):  # error: AGN201
        print(token)


async def bad_instance_await_plain_method_returning_async_generator():
    return await svc.tokens("ab")  # error: AGN200


async def bad_instance_async_with():
    async with svc.generate("ab"):  # error: AGN205
        pass


async def bad_instance_await_context_manager():
    await svc.connect()  # error: AGN206


async def bad_class_call_then_method():
    LLMService().stream_tokens("ab")  # error: AGN207


def bad_class_call_sum():
    return sum(LLMService().stream_tokens("ab"))  # error: AGN203


# Traps: correct uses, no diagnostic.


async def ok_correct_uses():
    async for word in stream("a b"):
        print(word)
    print(await complete("a b"))
    async with session("x") as name:
        print(name)
    # A plain def returning an async generator is iterated with `async for`.
    async for word in make_stream("a b"):
        print(word)
    # anext / aclose / asend on an async generator object are awaitables.
    print(await anext(stream("a b")))
    await stream("a b").aclose()
    print(await stream("a b").asend(None))
    # A coroutine returning an async iterable: `async for ... in await ...`.
    async for page in await fetch_pages():
        print(page)
    async for token in svc.stream_tokens("ab"):
        print(token)
    async for token in svc.tokens("ab"):
        print(token)
    async with svc.connect() as conn:
        print(await conn.generate("ab"))
    await asyncio.gather(complete("a"), svc.generate("b"))


def ok_entry_points():
    print(asyncio.run(complete("a")))
    print(anyio.run(complete, "a"))
