"""ragflow's `file_app.py`: `req = request.json` then `req.get(...)` inside a quart view:
`Request.json` is an `async def` property, so reading it gives a coroutine."""
from typing import Any

from web import request, settings


async def create() -> Any:
    name = request.json.get("name")  # error: AGN210
    return name


async def create_correctly() -> Any:
    body = await request.json
    return body.get("name")


async def query() -> Any:
    # A plain property: its value is what the getter returns.
    return request.args.get("name")


def mode() -> str:
    # Not a proxy: the module global's own value, through a plain property.
    return settings.options.get("mode", "")
