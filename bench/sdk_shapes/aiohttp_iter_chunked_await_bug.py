"""aiohttp: StreamReader.iter_chunked() (plain def returning AsyncStreamIterator) awaited."""
import asyncio

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer


async def download(session: aiohttp.ClientSession, url: str) -> int:
    size = 0
    async with session.get(url) as response:
        chunks = await response.content.iter_chunked(4)  # error: TypeError: object AsyncStreamIterator can't be used in 'await' expression
        for chunk in chunks:
            size += len(chunk)
    return size


async def blob(request: web.Request) -> web.Response:
    return web.Response(body=b"x" * 10)


async def main() -> None:
    app = web.Application()
    app.router.add_get("/blob", blob)
    async with TestServer(app, host="127.0.0.1") as server, aiohttp.ClientSession() as session:
        print("ok", await download(session, str(server.make_url("/blob"))))


asyncio.run(main())
