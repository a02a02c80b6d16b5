"""openai-agents: Runner.run() (a coroutine classmethod) iterated with async for, as if it streamed."""
import asyncio

import httpx
from agents import Agent, OpenAIChatCompletionsModel, Runner, set_tracing_disabled
from openai import AsyncOpenAI


def build_agent() -> Agent:
    client = AsyncOpenAI(api_key="sk-test", base_url="http://mock/v1", http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake_api)))
    return Agent(name="helper", instructions="Be brief.", model=OpenAIChatCompletionsModel(model="gpt-test", openai_client=client))


async def run_agent(agent: Agent, prompt: str) -> str:
    output = []
    async for event in Runner.run(agent, prompt):  # error: TypeError: 'async for' requires an object with __aiter__ method, got coroutine
        output.append(event)
    return str(output)


def fake_api(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"id": "c1", "object": "chat.completion", "created": 0, "model": "gpt-test",
                                     "choices": [{"index": 0, "finish_reason": "stop",
                                                  "message": {"role": "assistant", "content": "Hello"}}]})


async def main() -> None:
    set_tracing_disabled(True)
    print("ok", await run_agent(build_agent(), "hi"))


asyncio.run(main())
