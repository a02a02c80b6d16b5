"""aiohttp: ClientSession entered with async with; session.get() entered with async with."""
import asyncio

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer


async def fetch_text(url: str) -> str:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()


async def hello(request: web.Request) -> web.Response:
    return web.Response(text="hello")


async def main() -> None:
    app = web.Application()
    app.router.add_get("/", hello)
    async with TestServer(app, host="127.0.0.1") as server:
        print("ok", await fetch_text(str(server.make_url("/"))))


asyncio.run(main())
