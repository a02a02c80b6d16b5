"""A maintenance script outside the package (scripts/ has no __init__.py): `chatkit` is found
only through the root pyproject.toml declares."""
import asyncio

from chatkit import client, stream_tokens
from chatkit.llm import LLMClient


async def scenario_reexported_agen_awaited():
    return await stream_tokens("warm up")  # error: AGN200


async def scenario_module_instance_coroutine_iterated():
    async for token in client.complete("warm up"):  # error: AGN201
        print(token)


async def scenario_class_agen_listed():
    return list(LLMClient().stream("a b"))  # error: AGN203


async def scenario_acm_awaited():
    return await client.session()  # error: AGN206


async def scenario_ok_correct_uses():
    # trap: all correct for backend/chatkit, the declared package (every one of them would be
    # wrong for the undeclared copy in legacy/chatkit, which must not be used for resolution).
    print(await client.complete("x"))
    async for token in stream_tokens("a b"):
        print(token)
    async with client.session() as session:
        async for token in session.stream("a b"):
            print(token)


async def scenario_ok_local_shadow():
    # trap: a local function shadows the imported name.
    async def stream_tokens(prompt: str):
        return prompt.split()

    return await stream_tokens("a b")


if __name__ == "__main__":
    asyncio.run(scenario_ok_correct_uses())
