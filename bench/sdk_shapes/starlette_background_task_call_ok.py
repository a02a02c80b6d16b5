"""starlette: BackgroundTask given the coroutine function and its arguments."""
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

SENT: list[str] = []


async def send_welcome_email(address: str) -> None:
    SENT.append(address)


async def signup(request: Request) -> JSONResponse:
    address = request.query_params["email"]
    return JSONResponse({"ok": True}, background=BackgroundTask(send_welcome_email, address))


app = Starlette(routes=[Route("/signup", signup, methods=["POST"])])

with TestClient(app) as client:
    client.post("/signup", params={"email": "ada@example.com"})
    print("ok", SENT)
