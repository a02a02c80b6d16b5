"""`from app.services.llm import f as g`: the alias carries the callee's kind."""
import asyncio

from app.services.llm import LLMService as Service
from app.services.llm import complete as ask
from app.services.llm import session as open_session
from app.services.llm import stream as token_stream
from app.services.llm import svc as service


async def bad_await_alias():
    return await token_stream("a b")  # error: AGN200


async def bad_async_for_alias():
    async for word in ask("a b"):  # error: AGN201
        print(word)


def bad_run_alias():
    asyncio.run(token_stream("a b"))  # error: AGN202


def bad_next_alias():
    return next(token_stream("a b"))  # error: AGN203


async def bad_async_with_alias():
    async with ask("a b"):  # error: AGN205
        pass


async def bad_await_context_manager_alias():
    await open_session("x")  # error: AGN206


async def bad_instance_alias():
    return await service.stream_tokens("ab")  # error: AGN200


async def bad_class_alias():
    Service().stream_tokens("ab")  # error: AGN207


async def ok_correct_uses():
    async for word in token_stream("a b"):
        print(word)
    print(await ask("a b"))
    async with open_session("x"):
        pass
    print(await service.generate("ab"))
    print(await Service().generate("ab"))
