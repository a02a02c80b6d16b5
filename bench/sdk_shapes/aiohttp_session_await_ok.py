"""aiohttp: ClientSession() created in a method (no await), closed later with await session.close()."""
import asyncio

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer


class Fetcher:
    async def start(self) -> None:
        self.session = aiohttp.ClientSession()

    async def text(self, url: str) -> str:
        async with self.session.get(url) as response:
            return await response.text()

    async def close(self) -> None:
        await self.session.close()


async def hello(request: web.Request) -> web.Response:
    return web.Response(text="hello")


async def main() -> None:
    app = web.Application()
    app.router.add_get("/", hello)
    async with TestServer(app, host="127.0.0.1") as server:
        fetcher = Fetcher()
        await fetcher.start()
        print("ok", await fetcher.text(str(server.make_url("/"))))
        await fetcher.close()


asyncio.run(main())
