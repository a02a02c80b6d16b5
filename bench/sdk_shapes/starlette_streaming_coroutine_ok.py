"""starlette: StreamingResponse given an async generator."""
import asyncio

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route
from starlette.testclient import TestClient


async def numbers(n: int):
    for i in range(n):
        await asyncio.sleep(0)
        yield f"{i}\n"


async def stream(request: Request) -> StreamingResponse:
    return StreamingResponse(numbers(3), media_type="text/plain")


app = Starlette(routes=[Route("/numbers", stream)])

with TestClient(app) as client:
    print("ok", client.get("/numbers").text.split())
