"""aiohttp: session.get() awaited (trap: _RequestContextManager is awaitable as well as an async context manager)."""
import asyncio

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer


class Api:
    def __init__(self, session: aiohttp.ClientSession, base: str) -> None:
        self.session = session
        self.base = base

    async def user(self, uid: int) -> dict[str, int]:
        response = await self.session.get(f"{self.base}/users/{uid}")
        try:
            return await response.json()
        finally:
            response.release()


async def user(request: web.Request) -> web.Response:
    return web.json_response({"id": int(request.match_info["uid"])})


async def main() -> None:
    app = web.Application()
    app.router.add_get("/users/{uid}", user)
    async with TestServer(app, host="127.0.0.1") as server, aiohttp.ClientSession() as session:
        print("ok", await Api(session, str(server.make_url(""))).user(7))


asyncio.run(main())
