"""openai: a streaming chat completion iterated without awaiting create() first."""
import asyncio
import json

import httpx
from openai import AsyncOpenAI


class ChatService:
    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self.client = AsyncOpenAI(api_key="sk-test", base_url="http://mock/v1", http_client=http_client)

    async def stream_answer(self, question: str) -> str:
        parts = []
        async for chunk in self.client.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": question}], stream=True):  # error: TypeError: 'async for' requires an object with __aiter__ method, got coroutine
            parts.append(chunk.choices[0].delta.content or "")
        return "".join(parts)


def fake_api(request: httpx.Request) -> httpx.Response:
    events = [{"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "gpt-test",
               "choices": [{"index": 0, "delta": {"content": t}, "finish_reason": None}]} for t in ("Hel", "lo")]
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())


async def main() -> None:
    service = ChatService(httpx.AsyncClient(transport=httpx.MockTransport(fake_api)))
    print("ok", await service.stream_answer("hi"))


asyncio.run(main())
