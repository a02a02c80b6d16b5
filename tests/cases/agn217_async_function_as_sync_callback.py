"""AGN217 async-function-as-sync-callback.

An `async def` function given to an API that calls it as a plain function: a
loop callback (`call_soon`, `call_later`, `add_signal_handler`,
`add_done_callback`, ...), a signal or exit handler, a thread's target, an
executor (`run_in_executor`, `submit`, `asyncio.to_thread`).  The API's call
only makes a coroutine object, which it drops (or hands back as its result):
the body never runs.  Reported at the function given.  Nothing here runs at
import time.
"""

import asyncio
import atexit
import contextlib
import functools
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, AsyncIterator, Awaitable, Callable, List

EVENTS: List[str] = []

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


async def shutdown() -> None:
    await asyncio.sleep(0)
    EVENTS.append("shutdown")


async def ticks() -> AsyncIterator[int]:
    yield 1


def flush() -> None:
    EVENTS.append("flush")


def schedule_shutdown() -> None:
    asyncio.get_running_loop().create_task(shutdown())


class Server:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.pool = ThreadPoolExecutor()

    async def stop(self) -> None:
        await asyncio.sleep(0)
        EVENTS.append("stop")

    async def on_done(self, task: "asyncio.Task[None]") -> None:
        await asyncio.sleep(0)

    def on_done_sync(self, task: "asyncio.Task[None]") -> None:
        EVENTS.append("done")

    def install(self) -> None:
        # A method of the class, never overridden: known to be a coroutine function.
        self.loop.add_signal_handler(signal.SIGTERM, self.stop)  # error: AGN217
        self.loop.call_later(30, self.stop)  # error: AGN217
        task = self.loop.create_task(self.stop())
        task.add_done_callback(self.on_done)  # error: AGN217
        self.pool.submit(self.stop)  # error: AGN217
        # The correct versions: a plain function that schedules the coroutine.
        self.loop.add_signal_handler(signal.SIGINT, lambda: asyncio.ensure_future(self.stop()))
        task.add_done_callback(self.on_done_sync)
        self.pool.submit(asyncio.run, self.stop())


# --------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.call_soon(shutdown)  # error: AGN217
    loop.call_soon_threadsafe(shutdown)  # error: AGN217
    loop.call_at(loop.time() + 5, shutdown)  # error: AGN217
    loop.add_signal_handler(signal.SIGINT, shutdown)  # error: AGN217
    await loop.run_in_executor(None, shutdown)  # error: AGN217
    await asyncio.to_thread(shutdown)  # error: AGN217
    signal.signal(signal.SIGTERM, shutdown)  # error: AGN217
    atexit.register(shutdown)  # error: AGN217
    threading.Thread(target=shutdown).start()  # error: AGN217
    threading.Thread(None, shutdown).start()  # error: AGN217
    threading.Timer(5, shutdown).start()  # error: AGN217
    # An async generator function: its body never runs either.
    threading.Thread(target=ticks).start()  # error: AGN217
    asyncio.ensure_future(shutdown()).add_done_callback(shutdown)  # error: AGN217


# --------------------------------------------------------------------------
# Traps
# --------------------------------------------------------------------------


async def correct() -> None:
    loop = asyncio.get_running_loop()
    # Plain functions, lambdas that schedule the coroutine, and coroutine objects handed to
    # APIs that await them.
    loop.call_soon(flush)
    loop.call_soon(schedule_shutdown)
    loop.add_signal_handler(signal.SIGINT, lambda: asyncio.create_task(shutdown()))
    loop.call_soon(asyncio.ensure_future, shutdown())
    await loop.run_in_executor(None, flush)
    await asyncio.to_thread(flush)
    signal.signal(signal.SIGTERM, lambda *_: flush())
    atexit.register(flush)
    threading.Thread(target=asyncio.run, args=(shutdown(),)).start()
    # Not the position the API calls: `call_soon(callback, *args)` passes `shutdown` to
    # `print`, which decides what to do with it.
    loop.call_soon(print, shutdown)


async def partials() -> None:
    loop = asyncio.get_running_loop()
    # A partial of a coroutine function makes a coroutine when called, too.
    loop.call_soon(functools.partial(shutdown))  # error: AGN217


class Overridden:
    async def stop(self) -> None:
        await asyncio.sleep(0)

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        # A subclass overrides `stop` with a plain method: `self.stop` may be either.
        loop.add_signal_handler(signal.SIGTERM, self.stop)


class PlainStop(Overridden):
    def stop(self) -> None:  # type: ignore[override]
        EVENTS.append("stop")


class Scheduler:
    """A project's own `call_soon` / `submit` may take a coroutine function and await it."""

    def call_soon(self, callback: Callable[[], Awaitable[None]]) -> None:
        asyncio.ensure_future(callback())

    def submit(self, fn: Callable[[], Any]) -> None:
        EVENTS.append(repr(fn))


def uses_own_scheduler(scheduler: Scheduler) -> None:
    scheduler.call_soon(shutdown)
    scheduler.submit(shutdown)


class Stub:
    async def stop(self) -> None:
        """A placeholder body: subclasses may make it anything."""

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        loop.add_signal_handler(signal.SIGTERM, self.stop)


def unknown_loop(loop: Any) -> None:
    # Nothing says this is asyncio's loop.
    loop.call_soon(shutdown)


async def priority(job: str) -> int:
    await asyncio.sleep(0)
    return len(job)


async def is_due(job: str) -> bool:
    return bool(job)


def plain_priority(job: str) -> int:
    return len(job)


async def order_jobs(jobs: List[str]) -> List[str]:
    # Builtins calling the function per item: the coroutines are compared or tested.
    first = min(jobs, key=priority)  # error: AGN217
    due = list(filter(is_due, jobs))  # error: AGN217
    queue = ["b", "a"]
    queue.sort(key=priority)  # error: AGN217
    return sorted(jobs, key=priority) + [first] + due + queue  # error: AGN217


async def order_jobs_correctly(jobs: List[str]) -> List[str]:
    # Traps: awaited first, then sorted; a plain key; `map` collecting coroutines to gather.
    keys = dict(zip(jobs, await asyncio.gather(*map(priority, jobs))))
    by_plain = sorted(jobs, key=plain_priority)
    return sorted(jobs, key=keys.__getitem__) + by_plain


class Recorder:
    async def flush(self) -> None:
        await asyncio.sleep(0)

    def close(self) -> None:
        pass


async def exit_stacks(recorder: Recorder, stack: contextlib.AsyncExitStack) -> None:
    # `callback` runs its function as a plain one at exit; `push_async_callback` awaits it.
    with contextlib.ExitStack() as sync_stack:
        sync_stack.callback(recorder.flush)  # error: AGN217
        sync_stack.callback(recorder.close)
    stack.callback(recorder.flush)  # error: AGN217
    stack.push_async_callback(recorder.flush)
    stack.callback(recorder.close)


async def queue_in_thread(jobs: "asyncio.Queue[str]") -> str:
    # A coroutine function of the standard library, known by name.
    loop = asyncio.get_running_loop()
    item = await loop.run_in_executor(None, jobs.get)  # error: AGN217
    now = await loop.run_in_executor(None, jobs.get_nowait)
    return str(item) + now


class Uploader:
    async def upload(self, name: str) -> int:
        await asyncio.sleep(0)
        return len(name)

    def sync_size(self, name: str) -> int:
        return len(name)


async def score(name: str) -> int:
    await asyncio.sleep(0)
    return len(name)


async def lambdas(uploader: Uploader, names: List[str], pool: ThreadPoolExecutor) -> None:
    # A lambda whose body calls a coroutine function gives the API that coroutine.
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: uploader.upload("a"))  # error: AGN217
    loop.add_signal_handler(signal.SIGTERM, lambda: shutdown())  # error: AGN217
    atexit.register(lambda: shutdown())  # error: AGN217
    threading.Thread(target=lambda: uploader.upload("b")).start()  # error: AGN217
    pool.submit(lambda: score("c"))  # error: AGN217
    await loop.run_in_executor(None, lambda: uploader.upload("d"))  # error: AGN217
    sorted(names, key=lambda name: score(name))  # error: AGN217
    loop.call_later(1, lambda: ticks())  # error: AGN217
    # Traps: the lambda schedules or runs the coroutine; a plain call; the callee depends on
    # the lambda's own parameter or default; an API that awaits what it is given.
    loop.call_soon(lambda: asyncio.ensure_future(shutdown()))
    loop.add_signal_handler(signal.SIGINT, lambda: asyncio.create_task(shutdown()))
    threading.Thread(target=lambda: asyncio.run(shutdown())).start()
    pool.submit(lambda: uploader.sync_size("e"))
    sorted(names, key=lambda name: uploader.sync_size(name))
    loop.call_soon(lambda u=uploader: u.upload("f"))
    handlers = [Uploader()]
    loop.call_soon(lambda: handlers[0].sync_size("g"))
    await asyncio.gather(*[loop.run_in_executor(None, lambda: flush())])
    loop.call_soon(lambda: "plain")
