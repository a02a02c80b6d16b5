"""``functools.partial(func, ...)`` is a callable that calls ``func``: a partial of a coroutine
function gives coroutines, of an async generator function async generators.  Only
``functools.partial`` itself (another ``partial`` is an ordinary call), and only a function
(not a class or an unknown callable)."""
import asyncio
import functools
from functools import partial

from vendor import partial as vendor_partial  # not in the project: unknown


async def fetch(url: str) -> bytes:
    return url.encode()


async def rows(table: str):
    yield table


class Client:
    async def get(self, url: str) -> bytes:
        return url.encode()


async def positives(client: Client) -> None:
    handler = functools.partial(fetch, "https://example")
    async for chunk in handler():  # error: AGN201
        print(chunk)
    handler()  # error: AGN211
    await partial(rows, "users")()  # error: AGN200
    getter = partial(client.get, "https://example")
    print(getter().decode())  # error: AGN210


async def traps(client: Client) -> None:
    handler = functools.partial(fetch, "https://example")
    print(await handler())
    async for row in partial(rows, "users")():
        print(row)
    await asyncio.create_task(partial(client.get, "https://example")())
    # Not functools.partial: unknown.
    async for chunk in vendor_partial(fetch, "https://example")():
        print(chunk)
    # A partial of a class builds instances.
    make = partial(Client)
    print(await make().get("https://example"))
