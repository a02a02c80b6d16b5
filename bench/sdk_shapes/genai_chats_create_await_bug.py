"""google-genai: client.aio.chats.create() is a plain def (returns AsyncChat) even on the async surface; awaited."""
import asyncio
import json

import httpx
from google import genai
from google.genai import types


class Bot:
    def __init__(self, client: genai.Client) -> None:
        self.client = client

    async def reply(self, text: str) -> str:
        chat = await self.client.aio.chats.create(model="gemini-test")  # error: TypeError: object AsyncChat can't be used in 'await' expression
        parts = []
        async for chunk in await chat.send_message_stream(text):
            parts.append(chunk.text or "")
        return "".join(parts)


def fake_gemini(request: httpx.Request) -> httpx.Response:
    chunks = [{"candidates": [{"content": {"role": "model", "parts": [{"text": t}]}, "index": 0}]} for t in ("Hel", "lo")]
    body = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks)
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())


async def main() -> None:
    options = types.HttpOptions(base_url="http://mock", httpx_async_client=httpx.AsyncClient(transport=httpx.MockTransport(fake_gemini)))
    print("ok", await Bot(genai.Client(api_key="test-key", http_options=options)).reply("hi"))


asyncio.run(main())
