"""httpx: the async generator method Response.aiter_lines iterated without calling it."""
import asyncio

import httpx


class LogTail:
    def __init__(self) -> None:
        self.client = httpx.AsyncClient(transport=httpx.MockTransport(fake_server))

    async def lines(self, url: str) -> list[str]:
        out = []
        async with self.client.stream("GET", url) as response:
            async for line in response.aiter_lines:  # error: TypeError: 'async for' requires an object with __aiter__ method, got method
                out.append(line)
        return out


def fake_server(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=b"one\ntwo\nthree\n")


async def main() -> None:
    print("ok", await LogTail().lines("http://mock/log"))


asyncio.run(main())
