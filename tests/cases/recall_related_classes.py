"""Objects of two related classes, and type arguments a factory's annotation gives.

* A factory returning `AzureClient()` in one branch and `Client()` in another, `AzureClient`
  deriving from `Client` (or a name bound to either by branch, or `a if c else b`): an object
  of `Client` or a subclass, judged as an annotation `Client` would be, when the derived class
  (and every class between) keeps what `Client` has: each name it defines or stores that
  `Client` also has gives the same kind of thing, and it adds no protocol method.
* `return Manager(request)` under `-> Manager[Response]`: the object is a `Manager[Response]`
  (the constructor's arguments say nothing of the type argument; the annotation does).
"""
import os
from typing import AsyncIterator, Awaitable, Generic, TypeVar

from unknown_sdk import Mixin  # type: ignore[import-not-found]

T = TypeVar("T")


class Completions:
    async def create(self, prompt: str) -> str:
        return prompt

    async def stream(self, prompt: str):
        yield prompt


class StreamingCompletions(Completions):
    # Overrides `create` with another kind: an object built by either class may be either.
    async def create(self, prompt: str):  # type: ignore[override]
        yield prompt


class Client:
    def __init__(self) -> None:
        self.completions = Completions()

    async def close(self) -> None:
        pass


class AzureClient(Client):
    def __init__(self, endpoint: str = "") -> None:
        super().__init__()
        self.endpoint = endpoint

    def describe(self) -> str:
        return self.endpoint


def make_client():
    if os.environ.get("USE_AZURE"):
        return AzureClient("https://example")
    return Client()


client = make_client()

if os.environ.get("USE_AZURE"):
    chosen = AzureClient()
else:
    chosen = Client()


async def positives(flag: bool) -> None:
    async for chunk in client.completions.create("hi"):  # error: AGN201
        print(chunk)
    await client.completions.stream("hi")  # error: AGN200
    async for chunk in chosen.completions.create("hi"):  # error: AGN201
        print(chunk)
    either = AzureClient() if flag else Client()
    async for chunk in either.completions.create("hi"):  # error: AGN201
        print(chunk)
    # The correct uses.
    print(await client.completions.create("hi"))
    async for chunk in client.completions.stream("hi"):
        print(chunk)
    await client.close()


# -- traps: the derived class does not keep what the base has ------------------------------
# (On a base of their own: judged as a base, an object may be of any subclass in the project,
# so one overriding `completions` would also silence the positives above.)


class TrapClient:
    def __init__(self) -> None:
        self.completions = Completions()


class SwappedClient(TrapClient):
    def __init__(self) -> None:
        super().__init__()
        # Stores another kind of object under the same name.
        self.completions = StreamingCompletions()


def make_swapped():
    if os.environ.get("STREAM"):
        return SwappedClient()
    return TrapClient()


class IterableClient(TrapClient):
    # Adds `async for` support the base lacks: judged as a `TrapClient`, `async for` over it would
    # look wrong although a `IterableClient` supports it.
    def __aiter__(self) -> AsyncIterator[str]:
        return self.completions.stream("all")


def make_iterable():
    if os.environ.get("ITER"):
        return IterableClient()
    return TrapClient()


class MixedClient(Mixin, TrapClient):
    # A base outside the project comes first: it may define anything.
    pass


def make_mixed():
    if os.environ.get("MIX"):
        return MixedClient()
    return TrapClient()


class OtherClient:
    def __init__(self) -> None:
        self.completions = Completions()


def make_unrelated():
    # Neither class derives from the other: not joined (each would be fine on its own, but
    # nothing says a third class could not be returned by an edit; stay with what is known).
    if os.environ.get("OTHER"):
        return OtherClient()
    return TrapClient()


class Stream:
    async def create(self, prompt: str) -> str:
        return prompt


class StreamOverride(Stream):
    async def create(self, prompt: str):  # type: ignore[override]
        yield prompt


def make_stream():
    if os.environ.get("S"):
        return StreamOverride()
    return Stream()


async def traps() -> None:
    async for chunk in make_swapped().completions.create("hi"):
        print(chunk)
    async for item in make_iterable():
        print(item)
    async for chunk in make_mixed().completions.create("hi"):
        print(chunk)
    async for chunk in make_unrelated().completions.create("hi"):
        print(chunk)
    # A method overridden with another kind.
    async for chunk in make_stream().create("hi"):
        print(chunk)
    print(await make_stream().create("hi"))


# -- type arguments from a factory's return annotation ---------------------------------------


class Response:
    async def iter_lines(self) -> AsyncIterator[str]:
        yield "line"

    def text(self) -> str:
        return "text"


class Manager(Generic[T]):
    def __init__(self, request: Awaitable[T]) -> None:
        self._request = request

    async def __aenter__(self) -> T:
        return await self._request

    async def __aexit__(self, *exc: object) -> None:
        pass


class ResponseManager(Manager[T]):
    pass


async def fetch() -> Response:
    return Response()


def open_response() -> Manager[Response]:
    return Manager(fetch())


def open_unannotated():
    return Manager(fetch())


def open_as_base() -> Manager[Response]:
    # The annotation names the base; the object is a `ResponseManager` built without
    # arguments: its argument is not taken from an annotation of another class.
    return ResponseManager(fetch())


async def streams() -> None:
    async with open_response() as response:
        for line in response.iter_lines():  # error: AGN203
            print(line)
        async for line in response.iter_lines():
            print(line)
        print(response.text())
    async with open_unannotated() as unannotated:
        for line in unannotated.iter_lines():
            print(line)
    async with open_as_base() as derived:
        for line in derived.iter_lines():
            print(line)
