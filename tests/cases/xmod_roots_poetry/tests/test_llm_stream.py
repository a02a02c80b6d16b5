"""A test module in tests/ (no __init__.py): run `flake8` from tests/ or from the project root,
the cross-module findings must be the same."""
import asyncio

from chatkit.llm import LLMClient, client, stream_tokens


async def scenario_test_agen_awaited():
    tokens = await client.stream("a b")  # error: AGN200
    assert tokens


async def scenario_test_agen_to_create_task():
    task = asyncio.create_task(stream_tokens("a b"))  # error: AGN202
    await task


async def scenario_test_coroutine_in_async_with():
    async with LLMClient().complete("x") as reply:  # error: AGN205
        assert reply


async def scenario_ok_test_correct():
    # trap: correct.
    assert [t async for t in client.stream("a b")] == ["a", "b"]
    assert await LLMClient().complete("x") == "x"
