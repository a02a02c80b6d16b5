# OPTIONS: --agn-python env
"""Installed packages are read like project modules (never imported): `env/` is this case's
virtual environment, with three fake SDKs shaped like real ones (see env/.../site-packages):
`fakeai` (openai-like: re-exports, cached properties, a signature-keeping decorator, overloads,
stream managers), `fakedb` (asyncpg-like, described by a `.pyi` stub) and `fakehttp`
(httpx-like, unannotated)."""
import fakedb
import fakehttp
from fakeai import AsyncFakeAI
from fakeai._sync import FakeAI

client = AsyncFakeAI(api_key="k")


async def stream_without_await():
    async for chunk in client.chat.completions.create(model="m", stream=True):  # error: AGN201
        print(chunk)


async def stream_helper_awaited():
    return await client.chat.completions.stream(model="m")  # error: AGN208


async def relay(ai: AsyncFakeAI):
    # Through an annotated parameter.
    async for chunk in ai.chat.completions.create(model="m", stream=True):  # error: AGN201
        print(chunk)


async def rows(dsn: str):
    pool = await fakedb.create_pool(dsn)
    async with pool.acquire() as conn:
        async for row in conn.fetch("select 1"):  # error: AGN201
            print(row)


async def download(url: str):
    http = fakehttp.AsyncClient()
    response = await http.stream("GET", url)  # error: AGN206
    await http  # error: AGN208
    return response


# ---------------------------------------------------------------------------
# Traps: the correct usages that look alike.
# ---------------------------------------------------------------------------


async def ok_stream_awaited_then_iterated():
    # `create` is a coroutine returning a list or a stream: awaiting first is right.
    async for chunk in await client.chat.completions.create(model="m", stream=True):
        print(chunk)


async def ok_stream_helper_entered():
    async with client.chat.completions.stream(model="m") as stream:
        async for token in stream:
            print(token)


async def ok_pool_acquire_both_ways(dsn: str):
    # The acquire context is awaitable and an async context manager: both are valid.
    pool = await fakedb.create_pool(dsn)
    conn = await pool.acquire()
    print(await conn.fetch("select 1"))
    async with pool.acquire() as other:
        print(await other.fetch("select 2"))
    await pool.close()


async def ok_http_stream_entered(url: str):
    async with fakehttp.AsyncClient() as http:
        async with http.stream("GET", url) as response:
            async for line in response.aiter_lines():
                print(line)
        print(await http.get(url))


async def sync_client_awaited(ai: "FakeAI") -> None:
    # The synchronous client's `create` gives a `Completion` (its overload says), whatever
    # classes of the library derive from it.
    print(await ai.completions.create(model="m"))  # error: AGN208
    print(ai.completions.create(model="m").text)
