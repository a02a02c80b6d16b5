"""Coroutine functions of the standard library, known by name (it is not read).

``asyncio.sleep``, ``asyncio.wait_for``, ``asyncio.to_thread``, ``asyncio.open_connection``
... and the coroutine methods of ``asyncio.Event`` / ``Lock`` / ``Semaphore`` / ``Condition`` /
``Queue`` (made here, or a parameter or attribute annotated with the class) give coroutines:
calling one as a statement never runs it (AGN211), reading an attribute of what it gives
fails (AGN210), ``async for`` over it fails (AGN201).  The synchronous namesakes
(``time.sleep``, ``queue.Queue``, ``threading.Event``) and a project's own functions of the
same name are not these.  A process made by ``await asyncio.create_subprocess_exec(...)``
(or a parameter annotated ``asyncio.subprocess.Process``) has coroutine methods ``wait`` and
``communicate`` and stream pipes, where ``subprocess.Popen``'s namesakes are plain.
``contextlib.AsyncExitStack``'s ``enter_async_context`` and ``aclose`` are coroutine methods
(``ExitStack``'s ``close`` is plain).
"""
import asyncio
import contextlib
import queue
import subprocess
import threading
import time
from asyncio import sleep as nap
from typing import Any, List


class Worker:
    def __init__(self) -> None:
        self.ready = asyncio.Event()
        self.jobs: "asyncio.Queue[str]" = asyncio.Queue()
        self.lock = asyncio.Lock()

    async def wait_ready(self) -> None:
        self.ready.wait()  # error: AGN211

    async def next_job(self, jobs: "asyncio.Queue[Any]") -> str:
        job = jobs.get()
        return job.upper()  # error: AGN210

    async def backoff(self) -> None:
        asyncio.sleep(0.1)  # error: AGN211
        nap(0.1)  # error: AGN211

    async def drain(self, items: asyncio.Queue) -> List[Any]:
        async for item in items.get():  # error: AGN201
            print(item)
        return []

    async def guarded(self) -> None:
        self.lock.acquire()  # error: AGN211
        self.lock.release()


async def correct(worker: Worker, jobs: asyncio.Queue) -> None:
    await asyncio.sleep(0)
    await worker.ready.wait()
    job = await jobs.get()
    print(job)
    task = asyncio.create_task(asyncio.sleep(0))
    await asyncio.wait_for(jobs.get(), 1)
    await task
    async with worker.lock:
        pass
    pending = asyncio.ensure_future(worker.ready.wait())
    pending.cancel()


def synchronous_namesakes() -> None:
    time.sleep(0)
    threading.Event().wait(0)
    work: "queue.Queue[int]" = queue.Queue()
    work.put(1)
    print(work.get())


class FakeAsyncio:
    """A stand-in named like the module: its ``sleep`` is a plain method."""

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def shadowed() -> None:
    asyncio = FakeAsyncio()
    asyncio.sleep(0)


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def own_sleep() -> None:
    sleep(0)


# Async context managers only (no ``__enter__``): ``with`` on one raises TypeError.
class Guarded:
    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.plain = threading.Lock()

    async def update(self, limit: asyncio.Semaphore) -> None:
        with self.lock:  # error: AGN208
            pass
        with limit:  # error: AGN208
            pass
        with asyncio.Condition():  # error: AGN208
            pass

    async def update_correctly(self, limit: asyncio.Semaphore) -> None:
        async with self.lock:
            pass
        async with limit:
            pass
        with self.plain:
            pass
        with threading.Lock():
            pass


# The coroutine function itself, not its call.
async def forgot_the_call(ready: asyncio.Event) -> None:
    await asyncio.sleep  # error: AGN209
    await ready.wait  # error: AGN209
    pending = asyncio.ensure_future(asyncio.sleep)  # error: AGN209
    await pending


async def called(ready: asyncio.Event) -> None:
    await asyncio.sleep(0)
    await ready.wait()
    waiter = ready.wait
    await waiter()
    await asyncio.get_running_loop().run_in_executor(None, time.sleep, 0)


class Builds:
    async def spawn(self, argv: List[str]) -> asyncio.subprocess.Process:
        return await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE)

    async def run(self, argv: List[str]) -> bytes:
        proc = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE)
        out, _ = proc.communicate()  # error: AGN213
        return out

    async def first_line(self, argv: List[str]) -> str:
        proc = await self.spawn(argv)
        line = proc.stdout.readline().decode()  # type: ignore[union-attr]  # error: AGN210
        if proc.wait() != 0:  # error: AGN214
            return ""
        return line

    async def blocking(self, argv: List[str]) -> int:
        proc = subprocess.Popen(argv)
        return await proc.wait()  # error: AGN208

    async def run_correctly(self, argv: List[str]) -> bytes:
        proc = await self.spawn(argv)
        out, _ = await proc.communicate()
        line = await proc.stdout.readline()  # type: ignore[union-attr]
        await proc.wait()
        blocking = subprocess.Popen(argv)
        blocking.communicate()
        blocking.wait()
        return out + line


async def exit_stack_cleanup(stack: contextlib.AsyncExitStack, cm: Any) -> None:
    resource = stack.enter_async_context(cm)
    print(resource.name)  # error: AGN210
    stack.aclose()  # error: AGN211
    made = contextlib.AsyncExitStack()
    made.aclose()  # error: AGN211
    await made.aclose()
    with contextlib.ExitStack() as plain:
        plain.close()


# An async generator object's `asend` / `athrow` / `aclose` give awaitables.
async def readings() -> Any:
    value = yield 0
    while True:
        value = yield value


class Controller:
    def __init__(self) -> None:
        self.loop = readings()

    async def over_limit(self) -> bool:
        return self.loop.asend(3) > 5  # error: AGN215

    async def shutdown(self) -> None:
        self.loop.aclose()  # error: AGN211

    async def shutdown_right(self) -> None:
        await self.loop.asend(None)
        await self.loop.aclose()


def close_plain_generator() -> None:
    # A plain generator's `close` is plain.
    gen = (n for n in range(3))
    gen.close()
