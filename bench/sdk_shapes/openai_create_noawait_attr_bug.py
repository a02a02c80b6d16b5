"""openai: a module-level client; create() (a coroutine function) called without await."""
import asyncio

import httpx
from openai import AsyncOpenAI


def fake_api(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"id": "c1", "object": "chat.completion", "created": 0, "model": "gpt-test",
                                     "choices": [{"index": 0, "finish_reason": "stop",
                                                  "message": {"role": "assistant", "content": "Hello"}}]})


client = AsyncOpenAI(api_key="sk-test", base_url="http://mock/v1",
                     http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake_api)))


async def summarize(text: str) -> str:
    completion = client.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": text}])  # misuse: coroutine not awaited
    return completion.choices[0].message.content or ""  # error: AttributeError: 'coroutine' object has no attribute 'choices'


async def main() -> None:
    print("ok", await summarize("hi"))


asyncio.run(main())
