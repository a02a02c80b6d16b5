"""httpx: AsyncClient.get() (a coroutine function) called without await, the result used as a Response."""
import asyncio

import httpx


async def fetch_json(client: httpx.AsyncClient, url: str) -> dict[str, int]:
    response = client.get(url)  # misuse: coroutine not awaited
    response.raise_for_status()  # error: AttributeError: 'coroutine' object has no attribute 'raise_for_status'
    return response.json()


def fake_server(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"n": 1})


async def main() -> None:
    async with httpx.AsyncClient(transport=httpx.MockTransport(fake_server)) as client:
        print("ok", await fetch_json(client, "http://mock/n"))


asyncio.run(main())
