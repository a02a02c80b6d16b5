"""aiohttp: async with session.get() (trap: also awaitable); response.content (StreamReader) iterated with async for."""
import asyncio

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer


async def read_lines(session: aiohttp.ClientSession, url: str) -> list[bytes]:
    lines = []
    async with session.get(url) as response:
        async for line in response.content:
            lines.append(line.strip())
    return lines


async def lines(request: web.Request) -> web.Response:
    return web.Response(body=b"a\nb\nc\n")


async def main() -> None:
    app = web.Application()
    app.router.add_get("/lines", lines)
    async with TestServer(app, host="127.0.0.1") as server, aiohttp.ClientSession() as session:
        print("ok", await read_lines(session, str(server.make_url("/lines"))))


asyncio.run(main())
