"""google-genai: client.aio.models.generate_content_stream() (async def returning an AsyncIterator) iterated without await."""
import asyncio
import json

import httpx
from google import genai
from google.genai import types


def make_client() -> genai.Client:
    options = types.HttpOptions(base_url="http://mock", httpx_async_client=httpx.AsyncClient(transport=httpx.MockTransport(fake_gemini)))
    return genai.Client(api_key="test-key", http_options=options)


async def write_poem(client: genai.Client, topic: str) -> str:
    parts = []
    async for chunk in client.aio.models.generate_content_stream(model="gemini-test", contents=f"A poem about {topic}"):  # error: TypeError: 'async for' requires an object with __aiter__ method, got coroutine
        parts.append(chunk.text or "")
    return "".join(parts)


def fake_gemini(request: httpx.Request) -> httpx.Response:
    chunks = [{"candidates": [{"content": {"role": "model", "parts": [{"text": t}]}, "index": 0}]} for t in ("Hel", "lo")]
    body = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks)
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())


async def main() -> None:
    print("ok", await write_poem(make_client(), "sdk shapes"))


asyncio.run(main())
