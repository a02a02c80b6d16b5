"""openai: .with_streaming_response.create() awaited: it returns an AsyncResponseContextManager (async with only)."""
import asyncio

import httpx
from openai import AsyncOpenAI


class Proxy:
    def __init__(self) -> None:
        self.client = AsyncOpenAI(api_key="sk-test", base_url="http://mock/v1",
                                  http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake_api)))

    async def raw_lines(self, prompt: str) -> list[str]:
        response = await self.client.chat.completions.with_streaming_response.create(model="gpt-test", messages=[{"role": "user", "content": prompt}])  # error: TypeError: object AsyncResponseContextManager can't be used in 'await' expression
        return [line async for line in response.iter_lines()]


def fake_api(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text='{"id": "c1",\n"object": "chat.completion"}', headers={"content-type": "application/json"})


async def main() -> None:
    print("ok", await Proxy().raw_lines("hi"))


asyncio.run(main())
