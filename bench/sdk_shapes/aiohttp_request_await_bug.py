"""aiohttp: module-level aiohttp.request() (returns _SessionRequestContextManager: async with only) awaited."""
import asyncio

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer


async def ping(url: str) -> int:
    response = await aiohttp.request("GET", url)  # error: TypeError: object _SessionRequestContextManager can't be used in 'await' expression
    return response.status


async def pong(request: web.Request) -> web.Response:
    return web.Response(status=204)


async def main() -> None:
    app = web.Application()
    app.router.add_get("/ping", pong)
    async with TestServer(app, host="127.0.0.1") as server:
        print("ok", await ping(str(server.make_url("/ping"))))


asyncio.run(main())
