"""openai-agents: RunResultStreaming.stream_events (an async generator method) iterated without calling it."""
import asyncio
import json

import httpx
from agents import Agent, OpenAIChatCompletionsModel, Runner, set_tracing_disabled
from openai import AsyncOpenAI


def build_agent() -> Agent:
    client = AsyncOpenAI(api_key="sk-test", base_url="http://mock/v1", http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake_api)))
    return Agent(name="helper", instructions="Be brief.", model=OpenAIChatCompletionsModel(model="gpt-test", openai_client=client))


async def run_agent(agent: Agent, prompt: str) -> str:
    result = Runner.run_streamed(agent, prompt)
    async for event in result.stream_events:  # error: TypeError: 'async for' requires an object with __aiter__ method, got method
        pass
    return str(result.final_output)


def fake_api(request: httpx.Request) -> httpx.Response:
    events = [{"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "gpt-test",
               "choices": [{"index": 0, "delta": {"role": "assistant", "content": t}, "finish_reason": None}]} for t in ("Hel", "lo")]
    events.append({"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "gpt-test",
                   "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())


async def main() -> None:
    set_tracing_disabled(True)
    print("ok", await run_agent(build_agent(), "hi"))


asyncio.run(main())
