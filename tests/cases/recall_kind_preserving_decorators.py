"""A decorator that picks its wrapper by ``inspect.iscoroutinefunction(func)`` (an ``async
def`` wrapper returning ``await func(...)`` there, a plain one returning ``func(...)``
otherwise) gives back a function whose call gives what calling the decorated function
gives.  redis' ``@deprecated_function`` is one: llama-index's chat store called
``self._aredis_client.close()`` without ``await`` and the coroutine never ran.  The plain
wrapper alone keeps the kind too (it hands back what ``func(...)`` gives, an async
generator included); the ``async def`` wrapper only when ``func`` is a coroutine function.
"""
import asyncio
import functools
import inspect
import logging
import time
from functools import wraps

log = logging.getLogger(__name__)


def deprecated(reason=""):
    def decorator(func):
        if inspect.iscoroutinefunction(func):
            @wraps(func)
            async def async_wrapper(*args, **kwargs):
                log.warning(reason)
                return await func(*args, **kwargs)

            return async_wrapper
        else:
            @wraps(func)
            def wrapper(*args, **kwargs):
                log.warning(reason)
                return func(*args, **kwargs)

            return wrapper

    return decorator


def timed(func):
    @functools.wraps(func)
    async def async_timed(*args, **kwargs):
        start = time.monotonic()
        result = await func(*args, **kwargs)
        log.info("%s took %s", func.__name__, time.monotonic() - start)
        return result

    @functools.wraps(func)
    def sync_timed(*args, **kwargs):
        start = time.monotonic()
        try:
            return func(*args, **kwargs)
        finally:
            log.info("%s took %s", func.__name__, time.monotonic() - start)

    return async_timed if asyncio.iscoroutinefunction(func) else sync_timed


def logged(func):
    is_async = inspect.iscoroutinefunction(func) or asyncio.iscoroutinefunction(func)

    @wraps(func)
    def sync_logged(*args, **kwargs):
        log.debug("calling %s", func.__name__)
        return func(*args, **kwargs)

    if not is_async:
        return sync_logged

    @wraps(func)
    async def async_logged(*args, **kwargs):
        log.debug("awaiting %s", func.__name__)
        return await func(*args, **kwargs)

    return async_logged


def traced(func):
    # One plain wrapper: it hands back what calling the function gives, whatever that is.
    @wraps(func)
    def wrapper(*args, **kwargs):
        log.debug("enter %s", func.__name__)
        return func(*args, **kwargs)

    return wrapper


class Store:
    @deprecated("use aclose()")
    async def close(self):
        return None

    @deprecated()
    def size(self):
        return 3

    @timed
    async def rows(self):
        yield 1

    @logged
    async def fetch(self):
        return {"id": 1}

    @traced
    async def stream(self):
        yield 1

    @traced
    async def ping(self):
        return True


async def positives(store: Store) -> None:
    store.close()  # error: AGN211
    await store.size()  # error: AGN208
    await store.rows()  # error: AGN200
    store.fetch()["id"]  # error: AGN210
    for item in store.stream():  # error: AGN203
        print(item)
    if store.ping():  # error: AGN214
        print("up")


async def correct(store: Store) -> None:
    await store.close()
    print(store.size())
    async for row in store.rows():
        print(row)
    print((await store.fetch())["id"])
    async for item in store.stream():
        print(item)
    if await store.ping():
        print("up")


# Traps: decorators that look alike but do not give back the decorated function's kind
# (shapes that are rejected without a usage that could show it, such as a wrapper that
# swallows errors, are checked in tests/test_kind_preserving.py).
async def _loop_hook():
    return None


def inverted(func):
    # The async wrapper is returned for plain functions: a coroutine whatever func is.
    async def async_wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    def sync_wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return sync_wrapper if inspect.iscoroutinefunction(func) else async_wrapper


def other_test(func):
    # Tests something other than the decorated function (always true here).
    async def async_wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    def sync_wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    if inspect.iscoroutinefunction(_loop_hook):
        return async_wrapper
    return sync_wrapper


def offloaded(func):
    # Plain functions run in a thread: the wrapper is async for them.
    if not inspect.iscoroutinefunction(func):
        @wraps(func)
        async def in_thread(*args, **kwargs):
            return await asyncio.to_thread(func, *args, **kwargs)

        return in_thread
    return func


class Traps:
    @inverted
    def legacy(self):
        return 1

    @other_test
    def tested(self):
        return 1

    @offloaded
    def blocking(self):
        return 1

    @deprecated()
    def gives_coroutine(self):
        # A plain function returning a coroutine: the plain wrapper hands it back.
        return self.later()

    async def later(self):
        return 1


async def traps(t: Traps) -> None:
    print(await t.legacy())
    print(await t.tested())
    print(await t.blocking())
    print(await t.gives_coroutine())
