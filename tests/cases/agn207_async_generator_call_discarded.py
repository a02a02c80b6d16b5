"""AGN207: an async generator call used as a bare expression statement.

The call only creates the generator object, which is then dropped: the body never
runs and, unlike an un-awaited coroutine, Python prints no warning.
Definitions only: nothing below runs on import.
"""

import asyncio
import contextlib
import functools
import logging
import os
import sys
from typing import Any, Callable, Dict, List

import pytest
from fastapi import FastAPI
from tenacity import retry, stop_after_attempt

app = FastAPI()
log = logging.getLogger(__name__)


# ---------------------------------------------------------------------------
# Callees
# ---------------------------------------------------------------------------


async def publish_heartbeats(interval: float = 5.0):
    while True:
        await asyncio.sleep(interval)
        yield "beat"


async def sync_inventory(warehouse: str):
    for sku in ("a", "b"):
        await asyncio.sleep(0)
        yield {"warehouse": warehouse, "sku": sku}


async def flush_metrics():
    if False:  # an unreachable yield still makes this an async generator
        yield None


def inventory_feed(warehouse: str):
    """Plain def returning an async generator object."""
    return sync_inventory(warehouse)


async def load_settings() -> Dict[str, Any]:
    """Coroutine."""
    await asyncio.sleep(0)
    return {}


class CacheWarmer:
    def __init__(self, regions: List[str]) -> None:
        self.regions = regions

    async def warm(self, region: str):
        await asyncio.sleep(0)
        yield region

    @staticmethod
    async def evict(keys: List[str]):
        for key in keys:
            yield key

    @classmethod
    async def warm_defaults(cls):
        yield cls.__name__

    async def warm_all(self) -> None:
        for region in self.regions:
            self.warm(region)  # error: AGN207

    @classmethod
    async def bootstrap(cls) -> None:
        cls.warm_defaults()  # error: AGN207

    def on_config_change(self, keys: List[str]) -> None:
        # A plain def can discard an async generator too.
        self.evict(keys)  # error: AGN207


class RegionalCacheWarmer(CacheWarmer):
    async def refresh(self) -> None:
        # warm() is inherited.
        self.warm("eu-west-1")  # error: AGN207


cache_warmer = CacheWarmer(["eu"])


class InventoryService:
    def __init__(self) -> None:
        self.warmer = CacheWarmer(["us"])

    async def reindex(self) -> None:
        self.warmer.warm("us-east-1")  # error: AGN207

    async def reindex_many(self, regions: List[str]) -> None:
        for region in regions:
            try:
                self.warmer.warm(  # error: AGN207
                    region,
                )
            except RuntimeError:
                log.exception("warm failed")


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def start_service() -> None:
    publish_heartbeats()  # error: AGN207
    await load_settings()


def schedule_sync(warehouses: List[str]) -> None:
    for warehouse in warehouses:
        sync_inventory(warehouse)  # error: AGN207


async def shutdown() -> None:
    try:
        await load_settings()
    finally:
        flush_metrics()  # error: AGN207


async def invalidate(keys: List[str]) -> None:
    CacheWarmer.evict(keys)  # error: AGN207


async def warm_now() -> None:
    CacheWarmer(["eu"]).warm("eu-central-1")  # error: AGN207


async def warm_default() -> None:
    cache_warmer.warm("eu-north-1")  # error: AGN207


async def restock(warehouse: str, dry_run: bool) -> None:
    if dry_run:
        log.info("dry run")
    else:
        sync_inventory(  # error: AGN207
            warehouse,
        )


async def restock_wrapped(warehouse: str) -> None:
    (
        sync_inventory(warehouse)  # error: AGN207
    )


async def restock_with_lock(lock: asyncio.Lock, warehouse: str) -> None:
    async with lock:
        sync_inventory(warehouse)  # error: AGN207


async def restock_with_retry(warehouse: str) -> None:
    try:
        await load_settings()
    except OSError:
        sync_inventory(warehouse)  # error: AGN207


async def drain(queue: asyncio.Queue) -> None:
    async def _consume():
        while not queue.empty():
            yield await queue.get()

    _consume()  # error: AGN207


async def poll_forever(warehouse: str) -> None:
    while True:
        sync_inventory(warehouse)  # error: AGN207
        await asyncio.sleep(60)


async def restock_feed(warehouse: str) -> None:
    # inventory_feed is a plain def whose return value is an async generator.
    inventory_feed(warehouse)  # error: AGN207


async def relay_inventory(warehouse: str):
    # Inside an async generator.
    publish_heartbeats(1.0)  # error: AGN207
    async for item in sync_inventory(warehouse):
        yield item


def make_callback(warehouse: str) -> Callable[[], None]:
    def callback() -> None:
        sync_inventory(warehouse)  # error: AGN207

    return callback


if __name__ == "__main__":
    publish_heartbeats()  # error: AGN207


# ---------------------------------------------------------------------------
# Traps: correct (or undecidable) code, no diagnostic expected
# ---------------------------------------------------------------------------


async def start_correctly() -> None:
    # The generator is consumed.
    async for beat in publish_heartbeats():
        log.debug(beat)


async def bare_coroutine() -> None:
    # A coroutine, not an async generator (Python warns "never awaited"):
    # not AGN207's business, but AGN211's.
    load_settings()  # error: AGN211


async def close_feed(warehouse: str) -> None:
    # The discarded value is aclose()'s awaitable, and it is awaited.
    await sync_inventory(warehouse).aclose()


async def consume_in_task(warehouse: str) -> None:
    async def _run() -> None:
        async for _ in sync_inventory(warehouse):
            pass

    # create_task's result is dropped, but its argument is a coroutine.
    asyncio.create_task(_run())


def collect_feeds(warehouses: List[str]) -> List[Any]:
    feeds: List[Any] = []
    for warehouse in warehouses:
        # The generator is stored, not discarded.
        feeds.append(sync_inventory(warehouse))
    return feeds


async def keep_handle(warehouse: str) -> Any:
    # Assigned, not discarded (but a coroutine returning an async generator: AGN101).
    feed = sync_inventory(warehouse)
    return feed  # error: AGN101


def log_feed(warehouse: str) -> None:
    # Passed to a call.
    log.debug("feed: %r", sync_inventory(warehouse))


@contextlib.asynccontextmanager
async def maintenance_window():
    yield None


async def open_window() -> None:
    # An @asynccontextmanager function: an async context manager, not a bare generator.
    maintenance_window()


def numbered(items: List[str]):
    for i, item in enumerate(items):
        yield i, item


def sync_generator_call(items: List[str]) -> None:
    # A plain (sync) generator: out of scope.
    numbered(items)


def background(fn):
    """Schedule an async generator function as a task that drains it."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> "asyncio.Task[None]":
        async def _drain() -> None:
            async for _ in fn(*args, **kwargs):
                pass

        return asyncio.ensure_future(_drain())

    return wrapper


@background
async def rebuild_search_index():
    yield "done"


async def trigger_rebuild() -> None:
    # @background (defined in this file) makes the call schedule a task.
    rebuild_search_index()


@app.on_event("startup")
async def on_startup():
    yield None


def fire_startup() -> None:
    # Unknown decorator (@app.on_event).
    on_startup()


@retry(stop=stop_after_attempt(3))
async def resend_invoices():
    yield 1


def kick_resend() -> None:
    # Unknown decorator (@retry).
    resend_invoices()


@functools.cache
async def cached_warmup():
    yield 1


def kick_cached() -> None:
    # functools.cache keeps the kind: the body never runs.
    cached_warmup()  # error: AGN207


@pytest.fixture
async def warehouse_fixture():
    yield "wh-1"


def kick_fixture() -> None:
    # Unknown decorator (@pytest.fixture).
    warehouse_fixture()


def run_hook(sync_inventory: Callable[[str], None]) -> None:
    # `sync_inventory` is the parameter (a plain callback) here.
    sync_inventory("wh-1")


def run_hook_local(hooks: Any) -> None:
    # The local variable shadows the module-level generator.
    publish_heartbeats = hooks.publish_heartbeats
    publish_heartbeats()


class DiskCacheWarmer:
    def warm(self, region: str) -> None:
        # Same name as CacheWarmer.warm, but a plain method.
        log.info("warming %s", region)


disk_warmer = DiskCacheWarmer()


def warm_disk() -> None:
    # DiskCacheWarmer.warm is a plain method.
    DiskCacheWarmer().warm("local")
    disk_warmer.warm("local")


class Housekeeping:
    def __init__(self) -> None:
        self.warmer = DiskCacheWarmer()

    def run(self) -> None:
        # self.warmer is a DiskCacheWarmer.
        self.warmer.warm("local")


async def rotate_logs():
    yield None


rotate_logs = background(rotate_logs)


def kick_rotation() -> None:
    # rotate_logs is bound twice (def, then background(...)): unknown.
    rotate_logs()


if sys.version_info >= (3, 10):

    async def compact_storage():
        yield None

else:

    def compact_storage() -> None:
        log.info("compacting")


def kick_compaction() -> None:
    # compact_storage is an async generator on 3.10+ (and a plain function before): there
    # the call does nothing, so it is reported.
    compact_storage()  # error: AGN207


async def emit_audit():
    yield None


def install_audit_hook(hook: Any) -> None:
    global emit_audit
    emit_audit = hook


def fire_audit() -> None:
    # emit_audit is rebound through `global`: unknown.
    emit_audit()


def make_notifier():
    async def notify():
        yield None

    def override(fn: Any) -> None:
        nonlocal notify
        notify = fn

    def fire() -> None:
        # notify is rebound through `nonlocal`: unknown.
        notify()

    return override, fire


async def reload_config() -> None:
    def parse(lines: List[str]):
        for line in lines:
            yield line.strip()

    await asyncio.sleep(0)
    log.info("%s", list(parse(["a"])))


async def hot_reload() -> None:
    # reload_config's only yield is in a nested def: a coroutine (and awaited).
    await reload_config()


class Ticker:
    def __init__(self, period: float) -> None:
        self.period = period

    def __aiter__(self):
        return self

    async def __anext__(self) -> float:
        await asyncio.sleep(self.period)
        return self.period


def make_ticker() -> None:
    # A class instance, not an async generator call.
    Ticker(1.0)


def schedule_later(loop: asyncio.AbstractEventLoop, warehouse: str) -> None:
    # The lambda and the partial are handed over, not called here (no AGN207); the loop
    # calls each as a plain function, so its async generator is dropped (AGN217).
    loop.call_soon(lambda: sync_inventory(warehouse))  # error: AGN217
    loop.call_soon(functools.partial(sync_inventory, warehouse))  # error: AGN217


async def genexp_statement(warehouse: str) -> None:
    # An async generator expression statement is not a call.
    (item async for item in sync_inventory(warehouse))


class Pipeline:
    async def step(self):
        yield None

    def kick(self) -> None:
        # FastPipeline overrides step() as a plain method: self.step() is ambiguous.
        self.step()


class FastPipeline(Pipeline):
    def step(self) -> None:
        log.info("step")


def kick_fast() -> None:
    # FastPipeline.step is a plain method.
    FastPipeline().step()


def feed_generator(warehouses: List[str]):
    for warehouse in warehouses:
        # Yielded to the caller, not discarded.
        yield sync_inventory(warehouse)


class Monitor:
    @property
    def heartbeat(self):
        return publish_heartbeats()


def touch_property(monitor: Monitor) -> None:
    # Reading the property calls its getter, which makes an async generator and drops it
    # (issue 9.6: properties are followed).
    Monitor().heartbeat  # error: AGN207


def kick_remote(client: Any) -> None:
    # `client` is a parameter: unknown.
    client.warm("eu")


active_warmer = CacheWarmer(["eu"])
if os.environ.get("DISK_CACHE"):
    active_warmer = DiskCacheWarmer()


def kick_active() -> None:
    # active_warmer is bound twice: unknown.
    active_warmer.warm("eu")
