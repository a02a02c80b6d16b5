"""What plain functions and methods of the standard library give, known by name (it is not
read): none of it is awaitable, async-iterable or an async context manager.

``await time.sleep(1)`` and ``await writer.write(data)`` await the ``None`` they return;
``async with open(path)`` and ``async with threading.Lock()`` enter a synchronous context
manager; ``async for line in open(path)`` iterates a file object asynchronously.  Each raises
TypeError (AGN208).  The table and its per-version check: ``kinds.STDLIB_SYNC_RESULTS``.
Traps: the same objects used synchronously, async twins (``asyncio.sleep``, ``aiofiles``-like
project functions named ``open``), names that shadow the module or the builtin.
"""
import asyncio
import contextlib
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Any, List

_IS_SYNC = False  # a generated async variant of a sync module (pymongo's asynchronous/)


class Relay:
    def __init__(self) -> None:
        self.ready = asyncio.Event()
        self.lock = threading.Lock()
        self.jobs: "asyncio.Queue[str]" = asyncio.Queue()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        data = await reader.read(100)
        await writer.write(data)  # error: AGN208
        await writer.drain()
        await writer.close()  # error: AGN208
        await writer.wait_closed()

    async def notify(self) -> None:
        await self.ready.set()  # error: AGN208
        await self.jobs.put_nowait("x")  # error: AGN208
        async with self.lock:  # error: AGN208
            pass

    async def backoff(self, attempt: int) -> None:
        await time.sleep(attempt)  # error: AGN208


async def read_config(path: str) -> List[str]:
    async with open(path) as handle:  # error: AGN208
        return handle.readlines()


async def tail(path: str) -> None:
    async for line in open(path):  # error: AGN208
        print(line)


async def build(args: List[str]) -> Any:
    result = await subprocess.run(args)  # error: AGN208
    async with tempfile.TemporaryDirectory() as tmp:  # error: AGN208
        print(tmp)
    async with contextlib.suppress(KeyError):  # error: AGN208
        pass
    return result


async def loop_object() -> None:
    loop = await asyncio.get_running_loop()  # error: AGN208
    print(loop)


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic
# --------------------------------------------------------------------------


async def handle_ok(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.write(await reader.read(100))
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def sync_uses(relay: Relay, path: str) -> None:
    relay.ready.set()
    relay.jobs.put_nowait("x")
    with relay.lock:
        pass
    with open(path) as handle:
        for line in handle:
            print(line)
    await asyncio.sleep(0)
    await asyncio.to_thread(time.sleep, 0)
    await asyncio.get_running_loop().run_in_executor(None, time.sleep, 0)
    with contextlib.suppress(KeyError):
        pass


class AsyncFile:
    async def __aenter__(self) -> "AsyncFile":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        return None


async def own_open(path: str) -> None:
    def open(name: str) -> AsyncFile:  # a function shadowing the builtin
        return AsyncFile()

    async with open(path):
        pass


async def shadowed_time() -> None:
    class Clock:
        async def sleep(self, seconds: float) -> None:
            await asyncio.sleep(seconds)

    time = Clock()
    await time.sleep(0)


async def not_the_stdlib_event(ready: Any) -> None:
    await ready.set()


class AsyncConnection:
    async def __aenter__(self) -> "AsyncConnection":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        return None


class SyncConnection:
    def __enter__(self) -> "SyncConnection":
        return self

    def __exit__(self, *exc: Any) -> None:
        return None


@dataclass
class Authenticator:
    # Trap: the `else` never runs (`_IS_SYNC` is False): the declaration that holds is the
    # first one (pymongo's generated asynchronous/ modules).
    if not _IS_SYNC:
        conn: AsyncConnection = field(default_factory=AsyncConnection)
    else:
        conn: SyncConnection = field(default_factory=SyncConnection)  # type: ignore[assignment]

    async def refresh(self) -> None:
        async with self.conn:
            pass


class SyncAuthenticator:
    # The live branch makes a threading.Lock (annotations naming `threading.Lock` are not
    # followed: a module generated for both worlds may declare either).
    if _IS_SYNC:
        lock = asyncio.Lock()
    else:
        lock = threading.Lock()

    async def refresh(self) -> None:
        async with self.lock:  # error: AGN208
            pass


# A stream server's callback: asyncio calls it with a StreamReader and a StreamWriter.


async def echo(reader, writer):
    data = await reader.read(100)
    writer.write(data)
    writer.drain()  # error: AGN211
    await writer.close()  # error: AGN208


class Server:
    async def start(self) -> None:
        await asyncio.start_server(self.handle, "127.0.0.1", 0)
        await asyncio.start_server(echo, "127.0.0.1", 0)
        await asyncio.start_server(client_connected_cb=self.annotated, host="127.0.0.1")
        await asyncio.start_server(self.rebinding, "127.0.0.1", 0)
        await asyncio.start_server(self.correct, "127.0.0.1", 0)

    async def handle(self, reader, writer) -> None:
        line = reader.readline()
        print(line.decode())  # error: AGN210
        writer.close()

    async def annotated(self, reader: Any, writer: Any) -> None:
        # Trap: annotated parameters say what they are (here: anything).
        await writer.close()

    async def rebinding(self, reader, writer) -> None:
        # Trap: the parameter is bound again.
        writer = Relay()
        await writer.backoff(0)
        print(reader)

    async def correct(self, reader, writer) -> None:
        writer.write(await reader.read(10))
        await writer.drain()
        writer.close()
        await writer.wait_closed()


async def not_a_callback(reader, writer) -> None:
    # Trap: never handed to a server: its parameters may be anything.
    await writer.close()


# asyncio's queues and events are neither async-iterable nor awaitable themselves.


class Consumer:
    def __init__(self) -> None:
        self.jobs: "asyncio.Queue[str]" = asyncio.Queue()
        self.stopped = asyncio.Event()

    async def drain(self, extra: "asyncio.Queue[str]") -> None:
        async for job in self.jobs:  # error: AGN208
            print(job)
        async for job in extra:  # error: AGN208
            print(job)
        await self.stopped  # error: AGN208

    async def drain_ok(self) -> None:
        while not self.stopped.is_set():
            job = await self.jobs.get()
            print(job)
            self.jobs.task_done()
        await self.stopped.wait()
        async for job in self._iterate():
            print(job)

    async def _iterate(self) -> Any:
        while True:
            yield await self.jobs.get()


# `asyncio.gather(...)` returns a future: what awaiting it gives is the list of results.


async def _double(value: int) -> int:
    return value * 2


async def gathered() -> int:
    results = asyncio.gather(_double(1), _double(2))
    first = results[0]  # error: AGN210
    count = len(asyncio.gather(_double(1)))  # error: AGN215
    if asyncio.gather(_double(3)):  # error: AGN214
        pass
    left, right = asyncio.gather(_double(1), _double(2))  # error: AGN213
    for item in asyncio.gather(_double(4)):  # error: AGN213
        print(item)
    return first + count + left + right


async def gathered_ok() -> int:
    results = await asyncio.gather(_double(1), _double(2))
    pending = asyncio.gather(_double(3))
    # Traps: a future's own attributes; scheduled and awaited later; awaited in place.
    pending.add_done_callback(print)
    asyncio.gather(_double(4))
    done = await pending
    return results[0] + len(await asyncio.gather(_double(5))) + done[0]
