"""ollama: AsyncClient.chat(stream=True) is a coroutine that returns an async generator; iterated without await."""
import asyncio
import json

import httpx
from ollama import AsyncClient


class LocalLLM:
    def __init__(self) -> None:
        self.client = AsyncClient(host="http://mock:11434", transport=httpx.MockTransport(fake_ollama))

    async def ask(self, prompt: str) -> str:
        parts = []
        async for part in self.client.chat(model="llama-test", messages=[{"role": "user", "content": prompt}], stream=True):  # error: TypeError: 'async for' requires an object with __aiter__ method, got coroutine
            parts.append(part.message.content)
        return "".join(parts)


def fake_ollama(request: httpx.Request) -> httpx.Response:
    lines = [{"model": "llama-test", "created_at": "2024-01-01T00:00:00Z", "message": {"role": "assistant", "content": t}, "done": False}
             for t in ("Hel", "lo")]
    lines.append({"model": "llama-test", "created_at": "2024-01-01T00:00:00Z", "message": {"role": "assistant", "content": ""}, "done": True})
    return httpx.Response(200, content="".join(json.dumps(x) + "\n" for x in lines).encode())


async def main() -> None:
    print("ok", await LocalLLM().ask("hi"))


asyncio.run(main())
