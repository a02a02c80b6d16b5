"""httpx: AsyncClient.stream() (an @asynccontextmanager) awaited instead of entered."""
import asyncio

import httpx


async def tail_log(client: httpx.AsyncClient, url: str) -> list[str]:
    response = await client.stream("GET", url)  # error: TypeError: object _AsyncGeneratorContextManager can't be used in 'await' expression
    return [line async for line in response.aiter_lines()]


def fake_server(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=b"one\ntwo\nthree\n")


async def main() -> None:
    async with httpx.AsyncClient(transport=httpx.MockTransport(fake_server)) as client:
        print("ok", await tail_log(client, "http://mock/log"))


asyncio.run(main())
