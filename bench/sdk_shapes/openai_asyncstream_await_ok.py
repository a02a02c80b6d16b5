"""openai: an AsyncStream (annotated parameter) used with async with and async for."""
import asyncio
import json

import httpx
from openai import AsyncOpenAI, AsyncStream
from openai.types.chat import ChatCompletionChunk


async def collect(stream: AsyncStream[ChatCompletionChunk]) -> str:
    parts = []
    async with stream:
        async for chunk in stream:
            parts.append(chunk.choices[0].delta.content or "")
    return "".join(parts)


async def run(client: AsyncOpenAI) -> str:
    stream = await client.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "hi"}], stream=True)
    return await collect(stream)


def fake_api(request: httpx.Request) -> httpx.Response:
    events = [{"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "gpt-test",
               "choices": [{"index": 0, "delta": {"content": t}, "finish_reason": None}]} for t in ("Hel", "lo")]
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())


async def main() -> None:
    client = AsyncOpenAI(api_key="sk-test", base_url="http://mock/v1",
                         http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake_api)))
    print("ok", await run(client))


asyncio.run(main())
