"""Values real applications pass around: a wrapper that returns what it awaited (an object an
annotation declares), ``session or Session()``, ``x if x is not None else X()``, and an
attribute assigned by one method only (``__aenter__``, ``connect()``)."""

import asyncio
from typing import Optional


class Response:
    def lines(self):
        return ["a", "b"]

    async def aclose(self):
        await asyncio.sleep(0)


class Client:
    async def get(self, url: str) -> Response:
        await asyncio.sleep(0)
        return Response()

    async def stream(self, url: str):
        yield url


async def fetch(client: Client, url: str):
    """Returns what it awaited: a ``Response`` (or a subclass), as ``Client.get`` declares."""
    return await client.get(url)


async def fetch_named(client: Client, url: str):
    response = await client.get(url)
    return response


async def wrapper_misuses(client: Client):
    response = await fetch(client, "u")
    async for line in response:  # error: AGN208
        print(line)
    named = await fetch_named(client, "u")
    async with named:  # error: AGN208
        pass


async def wrapper_correct(client: Client):
    response = await fetch(client, "u")
    for line in response.lines():
        print(line)
    await response.aclose()


class Downloader:
    def __init__(self, client: Optional[Client] = None) -> None:
        self.client = client or Client()
        self.backup = client if client is not None else Client()

    async def misuses(self):
        first = await self.client.stream("u")  # error: AGN200
        return first, await self.backup.stream("u")  # error: AGN200

    async def correct(self):
        async for part in self.client.stream("u"):
            print(part)
        print(await self.backup.get("u"))


def either(flag: bool, client: Client):
    # Two different classes: unknown.
    return client if flag else Response()


async def unknown_join(client: Client):
    value = either(True, client)
    async for item in value.stream("u"):
        print(item)


class Session:
    """``self.client`` exists once ``__aenter__`` ran: a use that works sees a ``Client``."""

    async def __aenter__(self):
        self.client = Client()
        return self

    async def __aexit__(self, *exc):
        return None

    async def misuse(self):
        async for line in self.client.get("u"):  # error: AGN201
            print(line)

    async def correct(self):
        async for part in self.client.stream("u"):
            print(part)


class Reconnecting:
    """Assigned in two methods, to different classes: unknown."""

    async def connect(self):
        self.conn = Client()

    async def degrade(self):
        self.conn = Response()

    async def use(self):
        async for item in self.conn.stream("u"):
            print(item)


class Receipt:
    ok = True


_MADE_BY = {"receipt": Receipt}


class SyncMailer:
    def send(self) -> Receipt:
        return _MADE_BY["receipt"]()  # a ``Receipt`` only as the annotation says


class AsyncMailer:
    async def send(self) -> Receipt:
        await asyncio.sleep(0)
        return Receipt()


def send_now(mailer: SyncMailer):
    """A helper used with either twin (posthog's test helpers): it returns what ``send`` gives,
    un-awaited, whatever the annotation says."""
    return mailer.send()


async def dual_use():
    receipt = await send_now(AsyncMailer())  # a look-alike passed despite the annotation: silent
    return receipt.ok


# ``getattr(obj, "name")`` reads ``obj.name``; with a default it gives that or the default
# (posthog's ``getattr(self, "responses", None)`` of an SDK client).  A computed name, or a
# ``getattr`` that is not the builtin, says nothing.
class StreamClient:
    async def fetch(self, url: str) -> bytes:
        return url.encode()

    async def lines(self):
        yield b""


class ClientHolder:
    def __init__(self) -> None:
        self.client = StreamClient()


async def getattr_reads(holder: ClientHolder, name: str) -> None:
    getattr(holder, "client").fetch("u").decode()  # error: AGN210
    client = getattr(holder, "client", None)
    if client is not None:
        await client.lines()  # error: AGN200
    # Correct uses, and what cannot be known.
    print((await getattr(holder, "client").fetch("u")).decode())
    async for line in getattr(holder, "client", StreamClient()).lines():
        print(line)
    async for chunk in getattr(holder, name).fetch("u"):
        print(chunk)


def _attribute_or_stream(obj, name):
    return StreamClient().lines()


async def getattr_shadowed(holder: ClientHolder) -> None:
    getattr = _attribute_or_stream
    async for line in getattr(holder, "client"):
        print(line)
