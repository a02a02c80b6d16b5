"""Name resolution follows Python scoping, for every call-site rule (AGN200-AGN207).

Parameters and locals shadow module names; class bodies do not enclose their
methods; nested functions see enclosing functions; `global`/`nonlocal` are
honoured; comprehension variables stay in the comprehension (a walrus binds in
the enclosing function); a name bound more than once with different values is
unknown; builtins can be shadowed.  When the binding is unknown: say nothing.
(Star imports are in resolution_star_import.py: they affect the whole module.)
Nothing here runs at import time.
"""

import asyncio
import sys
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Awaitable, Callable, Dict, List

# --------------------------------------------------------------------------
# Module-level callables, one of each kind
# --------------------------------------------------------------------------


async def poll_jobs(queue: str) -> AsyncIterator[Dict[str, Any]]:
    """Async generator."""
    for number in range(2):
        yield {"queue": queue, "n": number}


async def fetch_job(job_id: int) -> Dict[str, Any]:
    """Coroutine."""
    return {"id": job_id}


@asynccontextmanager
async def job_lock(job_id: int) -> AsyncIterator[int]:
    """Async context manager factory."""
    yield job_id


async def _fetch_from_cache(queue: str) -> List[Dict[str, Any]]:
    """Coroutine used to shadow `poll_jobs` in traps."""
    return [{"queue": queue}]


class JobBatch:
    """Collects an async iterable lazily; used to shadow the builtin `list`."""

    def __init__(self, source: AsyncIterator[Any]) -> None:
        self.source = source

    async def load(self) -> List[Any]:
        return [item async for item in self.source]


# Conditional definition with different kinds: unknown.
if sys.version_info >= (3, 10):

    async def fetch_batch(ids: List[int]) -> List[Dict[str, Any]]:
        return [{"id": i} for i in ids]

else:

    async def fetch_batch(ids: List[int]) -> AsyncIterator[Dict[str, Any]]:
        for i in ids:
            yield {"id": i}


# try/except ImportError with different kinds: unknown.
try:
    from orjson_stream import decode_records  # optional accelerator: a coroutine there
except ImportError:

    async def decode_records(body: bytes) -> AsyncIterator[Dict[str, Any]]:
        yield {"raw": body}


# Defined, deleted, rebound: three bindings, unknown.
async def audit_trail(account: int) -> AsyncIterator[Dict[str, Any]]:
    yield {"account": account}


del audit_trail


async def _audit_trail_v2(account: int) -> List[Dict[str, Any]]:
    return [{"account": account}]


audit_trail = _audit_trail_v2


# Rebinding through a wrapper: two bindings, unknown.
async def export_jobs(queue: str) -> AsyncIterator[Dict[str, Any]]:
    yield {"queue": queue}


def _collecting(fn: Callable[..., AsyncIterator[Any]]) -> Callable[..., Awaitable[List[Any]]]:
    async def wrapper(*args: Any) -> List[Any]:
        return [item async for item in fn(*args)]

    return wrapper


export_jobs = _collecting(export_jobs)


# `global` assignment elsewhere rebinds the module name: unknown.
async def stream_audit(queue: str) -> AsyncIterator[Dict[str, Any]]:
    yield {"queue": queue}


def install_audit_stream(replacement: Callable[[str], Awaitable[Any]]) -> None:
    global stream_audit
    stream_audit = replacement


# --------------------------------------------------------------------------
# Positives: the name resolves to a module-level or enclosing definition
# --------------------------------------------------------------------------


class JobService:
    async def poll_jobs(self, queue: str) -> List[Dict[str, Any]]:
        """Coroutine *method* named like the module async generator."""
        return [await fetch_job(1)]

    async def next_job(self, queue: str) -> Any:
        # Bare `poll_jobs` is the module async generator: class bodies do not
        # enclose methods.
        return await poll_jobs(queue)  # error: AGN200


class Exporter:
    list = staticmethod(lambda source: source)  # class attribute named `list`

    def export(self, queue: str) -> List[Any]:
        # The builtin list: the class attribute is not visible here.
        return list(poll_jobs(queue))  # error: AGN203


async def sync_inventory(warehouse: str) -> None:
    async def _items() -> AsyncIterator[str]:
        yield warehouse

    async def _count() -> int:
        # The enclosing function's async generator.
        return len(await _items())  # error: AGN200

    print(await _count())


def build_service() -> Any:
    async def _rows() -> AsyncIterator[int]:
        yield 1

    class Service:
        async def load(self) -> Any:
            # Methods see enclosing *functions* (only class scopes are skipped).
            return await _rows()  # error: AGN200

    return Service


async def outer_with_alias() -> None:
    poll_jobs = fetch_job  # local alias to a coroutine function

    async def inner() -> Any:
        global poll_jobs  # skips the enclosing local: the module async generator
        return await poll_jobs("x")  # error: AGN200

    print(await inner(), poll_jobs)


async def supervisor_reads_source() -> None:
    async def source() -> AsyncIterator[int]:
        yield 1

    async def reader() -> None:
        nonlocal source  # read only, never rebound: still the async generator
        async for item in await source():  # error: AGN200 @27
            print(item)

    await reader()


def describe(queues: List[str]) -> List[Any]:
    labels = [poll_jobs for poll_jobs in queues]
    # The comprehension variable does not leak: this is the module generator.
    return labels + list(poll_jobs("describe"))  # error: AGN203 @26


def make_handlers() -> Dict[str, Callable[..., Any]]:
    return {
        "sync": lambda queue: sorted(poll_jobs(queue)),  # error: AGN203 @38
        "run": lambda: asyncio.run(poll_jobs("cron")),  # error: AGN202 @36
    }


async def locked_fetch(job_id: int) -> None:
    async with fetch_job(job_id):  # error: AGN205
        pass


async def enter_lock(job_id: int) -> None:
    await job_lock(job_id)  # error: AGN206


async def fire_and_forget(queue: str) -> None:
    poll_jobs(queue)  # error: AGN207


async def wrong_loop(job_id: int) -> None:
    async for part in fetch_job(job_id):  # error: AGN201
        print(part)


async def lock_by_generator(queue: str) -> None:
    async with poll_jobs(queue):  # error: AGN204
        pass


# --------------------------------------------------------------------------
# Traps: the name is not what a module-level lookup suggests
# --------------------------------------------------------------------------


async def drain(poll_jobs: Callable[[str], Awaitable[Any]]) -> Any:
    # A parameter shadows the module async generator.
    return await poll_jobs("default")


async def drain_kwonly(*, fetch_job: Callable[[int], AsyncIterator[Any]]) -> None:
    # A keyword-only parameter shadows the module coroutine.
    async for part in fetch_job(1):
        print(part)


async def drain_positional(poll_jobs: Callable[[str], Awaitable[Any]], /) -> Any:
    # A positional-only parameter shadows the module async generator.
    return await poll_jobs("urgent")


async def process(queue: str) -> None:
    # A local assignment shadows the module async generator.
    poll_jobs = _fetch_from_cache
    print(await poll_jobs(queue))


async def pump(sources: List[Any]) -> List[Any]:
    results = []
    for index, source in enumerate(sources):
        if index:
            # `poll_jobs` is local to pump (assigned below, in the loop).
            results.append(await poll_jobs(source.queue))
        poll_jobs = source.fetch
    return results


class Reports:
    async def fetch_job(self, job_id: int) -> AsyncIterator[int]:
        """Async generator *method* named like the module coroutine."""
        yield job_id

    async def latest(self) -> Any:
        # Bare `fetch_job` is the module coroutine, not the method above.
        return await fetch_job(7)


class Jobs:
    fetch_job = poll_jobs  # class attribute: invisible inside methods

    async def first(self) -> Any:
        # Module-level coroutine `fetch_job`, not the class attribute.
        return await fetch_job(1)


async def nested_shadow() -> None:
    async def _items() -> AsyncIterator[int]:
        yield 1

    async def inner(_items: Callable[[], Awaitable[Any]]) -> Any:
        # The parameter shadows the enclosing async generator.
        return await _items()

    print(inner)


async def nested_local_shadow() -> None:
    async def inner() -> Any:
        poll_jobs = fetch_job  # local to inner
        return await poll_jobs(3)

    print(await inner())


async def supervisor_swaps_source(replay: Callable[[], Awaitable[Any]]) -> Any:
    async def source() -> AsyncIterator[int]:
        yield 1

    def use_replay() -> None:
        nonlocal source
        source = replay  # rebinds supervisor's `source`: now bound twice

    use_replay()
    return await source()


async def run_all(fetchers: List[Callable[[str], Awaitable[Any]]]) -> List[Any]:
    # `poll_jobs` is the comprehension's loop variable.
    return [await poll_jobs("all") for poll_jobs in fetchers]


async def first_reader(readers: List[Callable[[str], Awaitable[Any]]]) -> Any:
    # The walrus binds `poll_jobs` in this function's scope.
    if any((poll_jobs := reader) for reader in readers):
        return await poll_jobs("first")
    return None


def lambda_params() -> List[Callable[..., Any]]:
    return [
        # Lambda parameters shadow module names.
        lambda poll_jobs: asyncio.run(poll_jobs("x")),
        lambda poll_jobs: sorted(poll_jobs("x")),
    ]


async def rebound_local(kind: str) -> Any:
    # `reader` is bound twice with different kinds: unknown at both uses
    # (flow-insensitive), and correct on every path.
    reader: Callable[..., Any] = fetch_job
    if kind == "stream":
        reader = poll_jobs
        return [item async for item in reader("stream")]
    return await reader(1)


async def rebound_variable(job_id: int) -> Any:
    pending = poll_jobs("x")
    pending = fetch_job(job_id)
    # Bound twice: unknown (here a coroutine, correct).
    return await pending


async def conditional_definition(ids: List[int]) -> Any:
    # fetch_batch has two definitions of different kinds (if/else on the Python version):
    # before 3.10 it is an async generator and `await` raises: reported.
    return await fetch_batch(ids)  # error: AGN200


async def optional_accelerator(body: bytes) -> None:
    # decode_records: import in `try`, fallback def in `except ImportError`.
    async for record in decode_records(body):
        print(record)


async def deleted_and_rebound(account: int) -> Any:
    # audit_trail: def, del, then rebound to a coroutine.
    return await audit_trail(account)


async def wrapped_at_module_level(queue: str) -> Any:
    # export_jobs was rebound to a wrapper (a coroutine function).
    return await export_jobs(queue)


async def rebound_via_global(queue: str) -> Any:
    # stream_audit is reassigned by install_audit_stream through `global`.
    return await stream_audit(queue)


async def shadowed_builtin(queue: str) -> List[Any]:
    list = JobBatch  # a local named `list`: not the builtin
    batch = list(poll_jobs(queue))
    return await batch.load()


async def shadowed_next(queue: str) -> Any:
    next = anext  # a local named `next`: the async builtin
    return await next(poll_jobs(queue))


def shadowed_by_parameter(queue: str, sorted: Callable[[Any], Any] = JobBatch) -> Any:
    return sorted(poll_jobs(queue))


async def loop_target(workers: List[Any]) -> None:
    for poll_jobs in workers:  # a `for` target is a local binding
        await poll_jobs("stop")


async def with_target(factory: Any) -> None:
    async with factory() as fetch_job:  # an `as` target is a local binding
        async for part in fetch_job(1):
            print(part)


async def import_in_function(queue: str) -> None:
    # A function-level import binds a local name.
    from asyncio import sleep as poll_jobs

    await poll_jobs(0)


async def one_item(queue: str) -> Any:
    reader = poll_jobs(queue)
    first = await anext(reader)
    del reader  # del is just another binding of a local
    return first


# --------------------------------------------------------------------------
# UNSURE: the lead decides.  Current annotation = my best guess.
# --------------------------------------------------------------------------

if sys.platform == "win32":

    async def read_events(source: str) -> AsyncIterator[str]:
        yield source

else:

    async def read_events(source: str) -> AsyncIterator[str]:
        yield source.upper()


async def unsure_same_kind_branches() -> None:
    # Both branches (by platform) define an async generator: `await` raises on every
    # platform.
    await read_events("x")  # error: AGN200


async def unsure_function_alias(queue: str) -> Any:
    reader = poll_jobs  # bound once to the async generator *function*
    # UNSURE: alias of a function (not of a call). Guess: flagged.
    return await reader(queue)  # error: AGN200


def unsure_class_body_scope() -> Any:
    class Config:
        async def _defaults() -> AsyncIterator[str]:  # plain function in the class body
            yield "a"

        # UNSURE: code in a class body resolves names in the class scope.
        names = list(_defaults())  # error: AGN203

    return Config
