"""ollama: AsyncClient.generate(stream=True) awaited, then the async generator consumed with an async comprehension."""
import asyncio
import json

import httpx
import ollama


async def complete(client: ollama.AsyncClient, prompt: str) -> str:
    stream = await client.generate(model="llama-test", prompt=prompt, stream=True)
    return "".join([chunk.response async for chunk in stream])


def fake_ollama(request: httpx.Request) -> httpx.Response:
    lines = [{"model": "llama-test", "created_at": "2024-01-01T00:00:00Z", "response": t, "done": False} for t in ("Hel", "lo")]
    lines.append({"model": "llama-test", "created_at": "2024-01-01T00:00:00Z", "response": "", "done": True})
    return httpx.Response(200, content="".join(json.dumps(x) + "\n" for x in lines).encode())


async def main() -> None:
    client = ollama.AsyncClient(host="http://mock:11434", transport=httpx.MockTransport(fake_ollama))
    print("ok", await complete(client, "hi"))


asyncio.run(main())
