# A coroutine whose own declaration says "await me to get a stream" is a deliberate
# await-then-iterate API (issue 10, measured on real LLM SDKs): AGN100/AGN101 stay silent on
# it, and its callers are still checked.
from typing import AsyncIterator, Awaitable, Coroutine, Literal, Optional, Union, overload


class Chunk:
    text = ""


async def _chunks() -> AsyncIterator[Chunk]:
    yield Chunk()


# Traps: the annotation says callers must await first.
async def stream_a(prompt: str) -> Union[str, AsyncIterator[Chunk]]:
    return _chunks()


async def stream_b(prompt: str) -> "str | AsyncIterator[Chunk]":
    return _chunks()


async def stream_c(prompt: str) -> Coroutine[None, None, AsyncIterator[Chunk]]:
    return _chunks()


class Client:
    @overload
    async def create(self, stream: Literal[True]) -> AsyncIterator[Chunk]: ...

    @overload
    async def create(self, stream: Literal[False]) -> str: ...

    async def create(self, stream: bool = False):
        # Trap: the overloads declare the await-then-iterate contract.
        if stream:
            return _chunks()
        return "done"


async def use(client: Client) -> None:
    async for chunk in await stream_a("hi"):
        print(chunk.text)
    async for chunk in stream_a("hi"):  # error: AGN201
        print(chunk.text)
    async for chunk in Client().create(stream=True):  # error: AGN201
        print(chunk.text)


# Positives: nothing in the declaration says "await first".
async def stream_d(prompt: str) -> AsyncIterator[Chunk]:  # error: AGN102
    return _chunks()  # error: AGN101


async def stream_e(prompt: str) -> Optional[AsyncIterator[Chunk]]:
    return _chunks()  # error: AGN101


async def stream_f(prompt: str) -> Awaitable[str]:
    return _chunks()  # error: AGN101
