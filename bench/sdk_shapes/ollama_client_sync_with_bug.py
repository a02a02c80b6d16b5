"""ollama: AsyncClient entered with a plain with: it has a sync __exit__ (inherited), which calls the coroutine close() without awaiting it."""
import asyncio
import json

import httpx
from ollama import AsyncClient


async def ask(prompt: str) -> str:
    with AsyncClient(host="http://mock:11434", transport=httpx.MockTransport(fake_ollama)) as client:  # error: RuntimeWarning: coroutine 'AsyncClient.close' was never awaited
        response = await client.chat(model="llama-test", messages=[{"role": "user", "content": prompt}])
    return response.message.content or ""


def fake_ollama(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=json.dumps({"model": "llama-test", "created_at": "2024-01-01T00:00:00Z",
                                                   "message": {"role": "assistant", "content": "Hello"}, "done": True}).encode())


async def main() -> None:
    print("ok", await ask("hi"))


asyncio.run(main())
