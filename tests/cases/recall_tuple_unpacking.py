"""Unpacking into names (``a, b = ...``): each name takes its position's item when that is
known: a tuple display of the same length (``primary, replica = Repo(), Repo()``), what a
function's return annotation declares at that position (``-> tuple[Repo, Authorizer]``;
awaited, for a coroutine), what an unannotated function's returns, all tuple displays of that
length, agree on there (``return Repo(), _allow``; awaited, for a coroutine), or the standard
library's pair known by name (``reader, writer = await asyncio.open_connection(...)``), also
through an alias of the annotation (``Conn = Tuple[...]``, ``-> Conn``) and through an
unannotated function that returns such a call (``return await asyncio.open_connection(...)``).
Not
followed: starred or nested targets, a name unpacked twice, returns that disagree or are not
all displays, a tuple of another length, an ``...`` position."""
import asyncio
from typing import Any, Awaitable, Callable, Optional, Tuple

Authorizer = Callable[[Any], Awaitable[bool]]


class Repo:
    async def rows(self) -> Any:
        yield 1

    async def count(self) -> int:
        return 1


def connect() -> Tuple[Repo, Authorizer]:
    return Repo(), _allow


async def _allow(user: Any) -> bool:
    return user is not None


def callbacks() -> "tuple[Optional[Authorizer], Optional[Authorizer]]":
    return _allow, None


async def open_repo() -> "tuple[Repo, int]":
    return Repo(), 1


def untyped():
    return Repo(), _allow


async def open_untyped(host: str):
    if host:
        return Repo(), 1
    return Repo(), 2


class Other:
    def rows(self) -> Any:
        return []


def disagreeing(flag: bool):
    if flag:
        return Repo(), _allow
    return Other(), _allow


def partly_known(pair: Any):
    if pair:
        return pair
    return Repo(), _allow


def many() -> "tuple[Repo, ...]":
    return (Repo(),)


async def client(host: str) -> None:
    reader, writer = await asyncio.open_connection(host, 80)
    writer.write(b"ping")
    writer.drain()  # error: AGN211
    reply = reader.readline()
    print(reply.decode())  # error: AGN210
    await writer.close()  # error: AGN208


async def uses() -> None:
    repo, check = connect()
    await repo.rows()  # error: AGN200
    if check("me"):  # error: AGN214
        return
    resume, retry = callbacks()
    print(bool(retry and retry("me")))  # error: AGN214
    opened, size = await open_repo()
    print(opened.count() + size)  # error: AGN215
    primary, replica = Repo(), Repo()
    await replica.rows()  # error: AGN200
    plain, allow = untyped()
    await plain.rows()  # error: AGN200
    print(allow("me").done)  # error: AGN210
    store, port = await open_untyped("db")
    if store.count() == 0:  # error: AGN214
        print(port)


# --------------------------------------------------------------------------
# Traps: correct code, or not followed
# --------------------------------------------------------------------------


async def client_ok(host: str) -> None:
    reader, writer = await asyncio.open_connection(host, 80)
    writer.write(b"ping")
    await writer.drain()
    print((await reader.readline()).decode())
    writer.close()
    await writer.wait_closed()


async def uses_ok() -> None:
    repo, check = connect()
    async for row in repo.rows():
        print(row)
    if await check("me"):
        return
    opened, size = await open_repo()
    print(await opened.count() + size)
    plain, allow = untyped()
    async for row in plain.rows():
        print(row, await allow("me"))
    store, port = await open_untyped("db")
    print(await store.count() == 0, port)


async def not_followed(pair: Any) -> None:
    # Returns that disagree, or not all displays; an `...` position; a starred target;
    # nested targets; a swap; an un-awaited coroutine's call unpacked (AGN213's, not this).
    repo, check = disagreeing(bool(pair))
    await repo.rows()
    maybe, check = partly_known(pair)
    await maybe.rows()
    first, second = many()
    await second.rows()
    head, *rest = Repo(), Repo(), Repo()
    await head.count()
    (left, right), other = (Repo(), Repo()), Repo()
    await left.count()
    a, b = Repo(), Repo()
    a, b = b, a
    print(await a.count(), rest, right, other, check)


async def rebound() -> None:
    # `item` is bound again in the loop: what it holds at the await is not known.
    item, extra = Repo(), 1
    for item in (1, 2):
        print(item)
    print(await item, extra)  # type: ignore[misc]


def length_differs() -> None:
    # A display of another length fails on its own (ValueError), not as a protocol misuse.
    one, two, three = connect()  # type: ignore[misc]
    print(one, two, three)


Conn = Tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def connect_aliased() -> Conn:
    return await asyncio.open_connection("localhost", 8080)


async def connect_unannotated():  # type: ignore[no-untyped-def]
    return await asyncio.open_connection("localhost", 8080)


async def connect_twice(secure: bool):  # type: ignore[no-untyped-def]
    if secure:
        return await connect_unannotated()
    return await connect_aliased()


async def streams() -> None:
    reader, writer = await connect_aliased()
    await writer.write(b"ping")  # error: AGN208
    line = reader.readline()
    print(line.decode())  # error: AGN210
    other_reader, other_writer = await connect_unannotated()
    await other_writer.drain()
    await other_writer.write(b"ping")  # error: AGN208
    third_reader, third_writer = await connect_twice(True)
    third_writer.close()
    await third_writer.wait_closed()
    await third_writer.write(b"ping")  # error: AGN208
    print(await other_reader.readline(), await third_reader.read(1))


async def streams_not_followed(pair: Any) -> None:
    # Returns that are not all known pairs: one gives something else.
    reader, writer = await mixed_pair(pair)
    await writer.write(b"ping")


async def mixed_pair(pair: Any):  # type: ignore[no-untyped-def]
    if pair:
        return pair
    return await asyncio.open_connection("localhost", 8080)
