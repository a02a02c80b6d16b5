"""`import httpx` is the third-party package (outside the project): unknown, silence."""
import httpx

from . import httpx as local_httpx


def _handler(request):
    return httpx.Response(200, text="ok")


# A module-level instance of the third-party client (no network: mock transport).
client = httpx.AsyncClient(transport=httpx.MockTransport(_handler))


async def ok_third_party_client():
    # trap: httpx.AsyncClient.get is a coroutine in the real package; resolving `httpx`
    # to app/httpx.py (where `get` is an async generator) would flag these lines.
    response = await client.get("http://example.invalid/")
    print(response.text)
    async with httpx.AsyncClient(transport=httpx.MockTransport(_handler)) as c:
        print((await c.get("http://example.invalid/")).status_code)


async def bad_project_module_with_third_party_name():
    return await local_httpx.AsyncClient().get("a/b")  # error: AGN200


async def bad_project_module_function_discarded():
    local_httpx.stream_lines("a")  # error: AGN207
