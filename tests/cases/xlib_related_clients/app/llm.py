# OPTIONS: --agn-python env
"""A factory choosing between two installed client classes, one deriving from the other.

`fakellm` (in env/, shaped like openai): `AsyncAzureClient(AsyncClient)` keeps every resource
of the base, so either client's `completions.create()` is a coroutine.  Installed subclasses
are not searched the way project subclasses are, so a derived class that stores another kind
of object under a name of the base (`AsyncStreamClient`), or adds a protocol method the base
lacks (`AsyncIterClient`), leaves the object unknown.
"""
import os

from fakellm import AsyncAzureClient, AsyncClient, AsyncIterClient, AsyncStreamClient


def create_client():
    if os.environ.get("USE_AZURE"):
        return AsyncAzureClient(endpoint="https://example")
    return AsyncClient()


client = create_client()


def create_streaming():
    if os.environ.get("STREAM"):
        return AsyncStreamClient()
    return AsyncClient()


def create_iterable():
    if os.environ.get("ITER"):
        return AsyncIterClient()
    return AsyncClient()


async def chat(prompt: str) -> str:
    out = []
    async for chunk in client.completions.create(prompt):  # error: AGN201
        out.append(chunk)
    out.append(await client.completions.create(prompt))
    # Traps: which object it is decides what these do.
    async for chunk in create_streaming().completions.create(prompt):
        out.append(chunk)
    async for item in create_iterable():
        out.append(item)
    await client.close()
    return "".join(out)
