"""httpx: AsyncClient entered with async with."""
import asyncio

import httpx


async def fetch_status(url: str) -> int:
    async with httpx.AsyncClient(transport=httpx.MockTransport(fake_server)) as client:
        response = await client.get(url)
        return response.status_code


def fake_server(request: httpx.Request) -> httpx.Response:
    return httpx.Response(204)


async def main() -> None:
    print("ok", await fetch_status("http://mock/ping"))


asyncio.run(main())
