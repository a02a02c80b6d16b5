"""openai: the chat.completions.stream() helper awaited: it returns a stream *manager* (async with only)."""
import asyncio
import json

import httpx
from openai import AsyncOpenAI


def make_client() -> AsyncOpenAI:
    transport = httpx.MockTransport(fake_api)
    return AsyncOpenAI(api_key="sk-test", base_url="http://mock/v1", http_client=httpx.AsyncClient(transport=transport))


async def answer(question: str) -> str:
    client = make_client()
    stream = await client.chat.completions.stream(model="gpt-test", messages=[{"role": "user", "content": question}])  # error: TypeError: object AsyncChatCompletionStreamManager can't be used in 'await' expression
    final = await stream.get_final_completion()
    return final.choices[0].message.content or ""


def fake_api(request: httpx.Request) -> httpx.Response:
    events = [{"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "gpt-test",
               "choices": [{"index": 0, "delta": {"role": "assistant", "content": t}, "finish_reason": None}]} for t in ("Hel", "lo")]
    events.append({"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "gpt-test",
                   "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())


async def main() -> None:
    print("ok", await answer("hi"))


asyncio.run(main())
