"""httpx: Response.aiter_bytes() iterated with async for (response from a factory-made client)."""
import asyncio

import httpx


def make_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url="http://mock", transport=httpx.MockTransport(fake_server))


async def download(path: str) -> bytes:
    data = b""
    async with make_client() as client:
        response = await client.get(path)
        async for chunk in response.aiter_bytes():
            data += chunk
    return data


def fake_server(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=b"payload")


async def main() -> None:
    print("ok", await download("/file"))


asyncio.run(main())
