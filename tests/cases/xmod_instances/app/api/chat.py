"""The incident's handler: the bug is here, the callee in app/services/codex_llm.py."""
import asyncio

from app.services.codex_llm import CodexLLMService, codex_llm


async def bad_chat_handler():
    # The incident's failing line.
    async for token in codex_llm.generate_completion("hello there"):  # error: AGN201
        print(token)


async def bad_await_instance_async_generator():
    return await codex_llm.stream_completion("hello there")  # error: AGN200


async def bad_create_task_instance_async_generator():
    asyncio.create_task(codex_llm.stream_completion("hi"))  # error: AGN202


def bad_sync_iteration_plain_method():
    return [t for t in codex_llm.stream("hello there")]  # error: AGN203


async def bad_async_with_instance_async_generator():
    async with codex_llm.stream_completion("hi"):  # error: AGN204
        pass


async def bad_async_with_instance_coroutine():
    async with codex_llm.count_tokens("hi"):  # error: AGN205
        pass


async def bad_await_instance_context_manager():
    await codex_llm.session()  # error: AGN206


async def bad_discarded_instance_method():
    codex_llm.stream_completion("hi")  # error: AGN207


async def bad_returns_instance_async_generator():
    return codex_llm.stream_completion("hi")  # error: AGN101


async def bad_fresh_instance_of_imported_class():
    return await CodexLLMService().stream_completion("hi")  # error: AGN200


# An instance created in this module from the imported class.
local_service = CodexLLMService()


async def bad_local_instance_of_imported_class():
    async for n in local_service.count_tokens("a b"):  # error: AGN201
        print(n)


async def ok_correct_uses():
    # trap: the coroutine returns an async generator, awaited first: correct.
    async for token in await codex_llm.generate_completion("hello there"):
        print(token)
    async for token in codex_llm.stream_completion("hello there"):
        print(token)
    async for token in codex_llm.stream("hello there"):
        print(token)
    print(await codex_llm.count_tokens("a b"))
    async with codex_llm.session() as s:
        print(await s.count_tokens("a"))
    async for token in local_service.stream_completion("a b"):
        print(token)
