"""AGN202 async-generator-passed-as-coroutine.

An async generator *call* handed to an asyncio API that needs a coroutine or an
awaitable (asyncio.run, create_task, ensure_future, gather, wait_for, shield,
loop.run_until_complete, run_coroutine_threadsafe, TaskGroup.create_task), or an
async generator *function* handed to anyio/trio (anyio.run, trio.run,
nursery.start_soon, task_group.start_soon), which call it and expect a coroutine.
Reported at the argument.  Nothing here runs at import time.
"""

import asyncio
import asyncio as aio
import functools
from asyncio import ensure_future as schedule
from asyncio import run
from typing import Any, AsyncIterator, Awaitable, Callable, Dict, List

import anyio
import trio

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


async def stream_events(topic: str) -> AsyncIterator[Dict[str, Any]]:
    """Async generator: events from the broker."""
    for offset in range(3):
        yield {"topic": topic, "offset": offset}


async def tail_log(path: str) -> AsyncIterator[str]:
    """Async generator: new lines of a log file."""
    for number in range(2):
        yield f"{path}:{number}"


async def flush_metrics() -> int:
    """Coroutine."""
    await asyncio.sleep(0)
    return 0


async def consume(source: AsyncIterator[Any]) -> int:
    """Coroutine that drains an async iterable."""
    count = 0
    async for _ in source:
        count += 1
    return count


async def consume_topic(topic: str) -> None:
    """Coroutine function: what start_soon wants."""
    await consume(stream_events(topic))


async def main() -> None:
    await flush_metrics()


def open_feed(topic: str):
    """A plain def that returns an async generator object."""
    return stream_events(topic)


def make_main():
    """A plain def that returns a coroutine object."""
    return main()


def collected(fn: Callable[..., AsyncIterator[Any]]) -> Callable[..., Awaitable[List[Any]]]:
    """Project decorator: turns an async generator function into a coroutine
    function returning a list.  Unknown to the linter, so the kind is unknown."""

    @functools.wraps(fn)
    async def wrapper(*args: Any, **kwargs: Any) -> List[Any]:
        return [item async for item in fn(*args, **kwargs)]

    return wrapper


@collected
async def export_events(topic: str) -> AsyncIterator[Dict[str, Any]]:
    async for event in stream_events(topic):
        yield event


async def gather(*sources: AsyncIterator[Any]) -> List[Any]:
    """Project function named like asyncio.gather: merges async iterables."""
    merged: List[Any] = []
    for source in sources:
        merged.extend([item async for item in source])
    return merged


class JobScheduler:
    """Project class with a `create_task` method that accepts any async iterable."""

    def __init__(self) -> None:
        self.sources: List[Any] = []

    def create_task(self, source: Any) -> int:
        self.sources.append(source)
        return len(self.sources)


class IngestWorker:
    def __init__(self) -> None:
        self.tasks: List["asyncio.Task[Any]"] = []
        self.scheduler = JobScheduler()

    async def pump(self) -> AsyncIterator[Dict[str, Any]]:
        async for event in stream_events("ingest"):
            yield event

    async def flush(self) -> int:
        return await flush_metrics()

    @staticmethod
    async def replay(topic: str) -> AsyncIterator[Dict[str, Any]]:
        yield {"topic": topic, "replayed": True}

    def gather(self, *sources: Any) -> List[Any]:
        """Project method named like asyncio.gather: just records sources."""
        return list(sources)

    # ---- positives -------------------------------------------------------

    async def start(self) -> "asyncio.Task[Any]":
        return asyncio.create_task(self.pump())  # error: AGN202

    async def start_tracked(self) -> None:
        self.tasks.append(asyncio.create_task(self.pump()))  # error: AGN202

    async def drain_with_deadline(self) -> None:
        await asyncio.wait_for(
            self.pump(),  # error: AGN202
            timeout=30.0,
        )

    # ---- traps -----------------------------------------------------------

    async def start_flusher(self) -> "asyncio.Task[Any]":
        # `flush` is a coroutine method: exactly what create_task wants.
        return asyncio.create_task(self.flush())

    async def start_consumer(self) -> "asyncio.Task[Any]":
        # The async generator is consumed by a coroutine; the coroutine is scheduled.
        return asyncio.create_task(consume(self.pump()))

    def enqueue(self) -> int:
        # `self.scheduler` is a JobScheduler: its create_task takes any iterable.
        return self.scheduler.create_task(self.pump())

    def collect_sources(self) -> List[Any]:
        # `self.gather` is the project method above, not asyncio.gather.
        return self.gather(self.pump(), tail_log("/var/log/worker.log"))


worker = IngestWorker()
scheduler = JobScheduler()


# --------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------


def run_orders_stream() -> None:
    asyncio.run(stream_events("orders"))  # error: AGN202


def run_log_follower() -> None:
    aio.run(tail_log("/var/log/app.log"))  # error: AGN202


def run_billing_stream() -> None:
    run(stream_events("billing"))  # error: AGN202


def run_module_worker() -> None:
    asyncio.run(worker.pump())  # error: AGN202


def run_fresh_worker() -> None:
    asyncio.run(IngestWorker().pump())  # error: AGN202


def run_replay() -> None:
    asyncio.run(IngestWorker.replay("payments"))  # error: AGN202


def run_feed() -> None:
    # open_feed is a plain def returning an async generator.
    asyncio.run(open_feed("inventory"))  # error: AGN202


def run_with_deadline() -> None:
    asyncio.run(asyncio.wait_for(stream_events("audit"), 5))  # error: AGN202 @34


async def start_audit_pump() -> "asyncio.Task[Any]":
    task = asyncio.create_task(stream_events("audit"))  # error: AGN202
    return task


async def start_named_pump() -> None:
    asyncio.create_task(
        stream_events("audit"),  # error: AGN202
        name="audit-pump",
    )


async def follow_log_in_background(path: str) -> None:
    asyncio.ensure_future(tail_log(path))  # error: AGN202


async def schedule_replay() -> None:
    schedule(stream_events("replay"))  # error: AGN202


async def refresh_dashboard() -> None:
    await asyncio.gather(flush_metrics(), stream_events("audit"))  # error: AGN202 @43


async def refresh_everything(path: str) -> None:
    await aio.gather(
        flush_metrics(),
        worker.flush(),
        tail_log(path),  # error: AGN202
    )


async def read_first_event() -> None:
    await asyncio.wait_for(stream_events("orders"), timeout=5.0)  # error: AGN202


async def protect_log_follower(path: str) -> None:
    await asyncio.shield(tail_log(path))  # error: AGN202


def run_on_private_loop() -> None:
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(stream_events("nightly"))  # error: AGN202
    finally:
        loop.close()


def submit_from_thread(loop: asyncio.AbstractEventLoop) -> None:
    asyncio.run_coroutine_threadsafe(stream_events("from-thread"), loop)  # error: AGN202


async def fan_out(topics: List[str]) -> None:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(stream_events(topics[0]))  # error: AGN202


async def fan_out_worker() -> None:
    async with aio.TaskGroup() as group:
        group.create_task(worker.pump())  # error: AGN202


def make_retry_callback() -> Callable[[], Any]:
    return lambda: asyncio.ensure_future(stream_events("retry"))  # error: AGN202


def anyio_entry_point() -> None:
    anyio.run(stream_events, "orders")  # error: AGN202


def trio_entry_point() -> None:
    trio.run(tail_log, "/var/log/app.log")  # error: AGN202


async def trio_supervisor() -> None:
    async with trio.open_nursery() as nursery:
        nursery.start_soon(stream_events, "orders")  # error: AGN202


async def anyio_supervisor(path: str) -> None:
    async with anyio.create_task_group() as tg:
        tg.start_soon(tail_log, path)  # error: AGN202


async def anyio_named_supervisor() -> None:
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(stream_events, "orders", name="orders-pump")  # error: AGN202


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic
# --------------------------------------------------------------------------


def cli() -> None:
    # main() is a coroutine.
    asyncio.run(main())


def cli_via_factory() -> None:
    # make_main is a plain def returning a coroutine object.
    asyncio.run(make_main())


def run_export() -> List[Any]:
    # @collected (project decorator, unknown to the linter) makes export_events
    # a coroutine function; unknown decorator => no diagnostic.
    return asyncio.run(export_events("orders"))


def run_consumer() -> int:
    # The async generator is consumed inside a coroutine; the coroutine is run.
    return asyncio.run(consume(stream_events("orders")))


async def background_flush() -> None:
    asyncio.create_task(flush_metrics())


async def gather_consumers(path: str) -> None:
    # Only coroutines are gathered; the generators are their arguments.
    await asyncio.gather(consume(stream_events("a")), consume(tail_log(path)))


async def gather_many(topics: List[str]) -> None:
    # A starred generator expression of coroutines.
    await asyncio.gather(*(consume(stream_events(t)) for t in topics))


async def first_event_with_deadline() -> Any:
    # anext() returns an awaitable: wait_for accepts it.
    return await asyncio.wait_for(anext(stream_events("orders")), timeout=5.0)


async def first_line_future(path: str) -> Any:
    # __anext__() returns an awaitable: ensure_future wraps it.
    return await asyncio.ensure_future(tail_log(path).__anext__())


async def shielded_flush() -> None:
    await asyncio.shield(flush_metrics())


def run_on_private_loop_ok() -> None:
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()


def submit_flush(loop: asyncio.AbstractEventLoop) -> None:
    asyncio.run_coroutine_threadsafe(flush_metrics(), loop)


async def fan_out_consumers(topics: List[str]) -> None:
    async with asyncio.TaskGroup() as tg:
        for topic in topics:
            tg.create_task(consume(stream_events(topic)))


async def project_gather() -> List[Any]:
    # `gather` here is the project's module-level coroutine, not asyncio.gather.
    return await gather(stream_events("a"), stream_events("b"))


def project_scheduler() -> int:
    # `scheduler` is a module-level JobScheduler instance: a project create_task.
    return scheduler.create_task(tail_log("/var/log/app.log"))


def local_runner() -> Any:
    def run(job: Any) -> Any:
        # Local function named `run`: shadows `from asyncio import run`.
        return job

    return run(stream_events("local"))


async def supervise(stream_events: Callable[[], Awaitable[None]]) -> None:
    # The parameter shadows the module-level async generator function.
    asyncio.create_task(stream_events())


def anyio_main() -> None:
    anyio.run(main)


def trio_consumer() -> None:
    # A coroutine function and its argument.
    trio.run(consume_topic, "orders")


def trio_consumer_partial() -> None:
    # functools.partial: unknown callable, no diagnostic (a coroutine function here).
    trio.run(functools.partial(consume_topic, "billing"))


async def trio_consumers() -> None:
    async with trio.open_nursery() as nursery:
        # A coroutine function plus its argument: correct.
        nursery.start_soon(consume_topic, "orders")
        # The async generator object is an *argument* of a coroutine function.
        nursery.start_soon(consume, stream_events("orders"))


async def anyio_consumers() -> None:
    async with anyio.create_task_group() as tg:
        tg.start_soon(functools.partial(consume_topic, "orders"))
        tg.start_soon(consume_topic, "billing")


# --------------------------------------------------------------------------
# UNSURE: the lead decides.  Current annotation = my best guess.
# --------------------------------------------------------------------------


async def unsure_variable_bound_once() -> None:
    pump = stream_events("orders")
    # UNSURE: a variable bound once to an async generator call (the rule text
    # names variables only for AGN200/201). Raises TypeError: flagged.
    asyncio.create_task(pump)  # error: AGN202


async def unknown_receiver(nursery: Any, loop: Any) -> None:
    # trap: receivers of unknown type (parameters). With a real nursery / loop both raise
    # TypeError, but a parameter may hold a project object whose `start_soon` or
    # `run_until_complete` accepts anything: the callee is unknown, so silence.
    nursery.start_soon(stream_events, "orders")
    loop.run_until_complete(stream_events("orders"))


async def known_receivers() -> None:
    loop = asyncio.get_running_loop()
    loop.run_until_complete(stream_events("orders"))  # error: AGN202
    async with asyncio.TaskGroup() as tg:
        tg.create_task(stream_events("orders"))  # error: AGN202
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(stream_events, "orders")  # error: AGN202
    async with trio.open_nursery() as nursery:
        nursery.start_soon(stream_events)  # error: AGN202


async def unsure_running_loop_create_task() -> None:
    loop = asyncio.get_running_loop()
    # UNSURE: loop.create_task is not in the list, but it raises the same TypeError.
    loop.create_task(stream_events("orders"))  # error: AGN202


def unsure_chained_get_event_loop() -> None:
    # UNSURE: receiver is the result of asyncio.get_event_loop().
    asyncio.get_event_loop().run_until_complete(stream_events("x"))  # error: AGN202


async def unsure_keyword_argument() -> None:
    # UNSURE: the coroutine passed by keyword.
    asyncio.create_task(coro=stream_events("orders"))  # error: AGN202


async def unsure_bound_method_reference() -> None:
    async with trio.open_nursery() as nursery:
        # UNSURE: a bound-method reference to an async generator method.
        nursery.start_soon(worker.pump)  # error: AGN202


# --------------------------------------------------------------------------
# What a plain function returns (`None`, a list), or a plain standard-library
# function: no coroutine nor awaitable either.
# --------------------------------------------------------------------------


def refresh_cache() -> None:
    print("refreshed")


def pending_ids() -> List[int]:
    return [1, 2]


def legacy_steps() -> Any:
    yield None


class Poller:
    def poll(self) -> None:
        print("poll")

    def start(self) -> "asyncio.Task[None]":
        return asyncio.create_task(self.poll())  # error: AGN202


async def schedule_plain(poller: Poller) -> None:
    asyncio.create_task(refresh_cache())  # error: AGN202
    await asyncio.gather(refresh_cache(), asyncio.sleep(0))  # error: AGN202 @26
    await asyncio.wait_for(pending_ids(), 1)  # error: AGN202
    await asyncio.gather(asyncio.sleep(0), poller.poll())  # error: AGN202 @44
    import time

    await asyncio.wait_for(time.sleep(0), 1)  # error: AGN202


def main_plain() -> None:
    run(refresh_cache())  # error: AGN202


# Traps: a coroutine; a generator (asyncio before 3.12 takes one as a generator-based
# coroutine); a plain function returning an awaitable; a name (it may hold anything by then).


async def refreshed() -> None:
    refresh_cache()


def make_job() -> Awaitable[None]:
    return refreshed()


async def schedule_ok() -> None:
    asyncio.create_task(refreshed())
    asyncio.ensure_future(legacy_steps())
    await asyncio.gather(make_job())
    job = refresh_cache()
    if job is not None:
        await asyncio.wait_for(job, 1)


# Elements unpacked into `gather` from a display or a sync comprehension are its arguments.
def audit_event(event: dict) -> dict:
    return {"audited": event}


async def record_event(event: dict) -> dict:
    await asyncio.sleep(0)
    return event


async def audit_all(events: list) -> list:
    return await asyncio.gather(*[audit_event(e) for e in events])  # error: AGN202


async def audit_pair(events: list) -> list:
    return await asyncio.gather(*(record_event(events[0]), audit_event(events[1])))  # error: AGN202


async def audit_all_correctly(events: list) -> list:
    loop = asyncio.get_running_loop()
    # Traps: coroutines, futures from an executor, a name holding tasks.
    first = await asyncio.gather(*[record_event(e) for e in events])
    second = await asyncio.gather(*[loop.run_in_executor(None, audit_event, e) for e in events])
    tasks = [asyncio.ensure_future(record_event(e)) for e in events]
    third = await asyncio.gather(*tasks)
    return [first, second, third]
