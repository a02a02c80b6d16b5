"""starlette: StreamingResponse given a coroutine (async def without yield) instead of an async generator."""
import asyncio

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route
from starlette.testclient import TestClient


async def numbers(n: int):
    out = []
    for i in range(n):
        await asyncio.sleep(0)
        out.append(f"{i}\n")
    return "".join(out)


async def stream(request: Request) -> StreamingResponse:
    return StreamingResponse(numbers(3), media_type="text/plain")  # error: TypeError: 'coroutine' object is not iterable


app = Starlette(routes=[Route("/numbers", stream)])

with TestClient(app) as client:
    print("ok", client.get("/numbers").text.split())
