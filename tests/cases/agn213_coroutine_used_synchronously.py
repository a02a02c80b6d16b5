"""AGN213: a coroutine object used where only an iterable or a context manager works, without
``await``: ``for``, comprehensions, ``*`` unpacking, ``list()`` / ``sorted()`` / ``sum()`` /
``str.join`` / ..., and ``with``."""

import asyncio
import contextlib
import types


class Store:
    async def keys(self):
        await asyncio.sleep(0)
        return ["a", "b"]

    async def lock(self):
        await asyncio.sleep(0)
        return contextlib.nullcontext()


async def fetch_rows():
    await asyncio.sleep(0)
    return [3, 1, 2]


def fetch_later():
    """A plain function returning a coroutine object."""
    return fetch_rows()


async def misuses(store: Store):
    for key in store.keys():  # error: AGN213
        print(key)
    ordered = sorted(fetch_rows())  # error: AGN213
    total = sum(fetch_rows())  # error: AGN213
    names = ", ".join(store.keys())  # error: AGN213
    doubled = [row * 2 for row in fetch_rows()]  # error: AGN213
    print(*fetch_later())  # error: AGN213
    with store.lock():  # error: AGN213
        pass
    return ordered, total, names, doubled


def sync_caller():
    return list(fetch_rows())  # error: AGN213


async def correct(store: Store):
    for key in await store.keys():
        print(key)
    ordered = sorted(await fetch_rows())
    names = ", ".join(await store.keys())
    with await store.lock():
        pass
    rows = fetch_rows()
    print(sorted(await rows))
    tasks = [asyncio.ensure_future(fetch_rows()) for _ in range(2)]
    print(await asyncio.gather(*tasks))
    return ordered, names


@types.coroutine
def legacy_delegate():
    # A generator-based coroutine may ``yield from`` a coroutine: not reported.
    return (yield from fetch_rows())


async def keyword_arguments():
    # ``key=`` / ``default=`` are not iterated.
    return sorted([1, 2], key=lambda x: x), max([], default=fetch_rows)


def run_now(function):
    """Turns the coroutine function into a plain one that runs it to completion."""
    return lambda: asyncio.run(function())


@run_now
async def unknown_kind():
    return [1]


def unknown():
    for item in unknown_kind():  # an unknown decorator (here: it makes the call sync): silent
        print(item)


async def get_pair(headers: dict) -> tuple:
    return headers.get("a"), headers.get("b")


async def current_url() -> str:
    return "https://example.com/checkpoint/"


def unpacked_and_tested(headers: dict) -> bool:
    # pyTelegramBotAPI / DouyinLiveRecorder: a helper became `async def`, the caller still
    # unpacks its result; facebook2rss: `"..." in self.get_actual_url()`.
    first, second = get_pair(headers)  # error: AGN213
    pending = get_pair(headers)
    [third, fourth] = pending  # error: AGN213
    print(first, second, third, fourth)
    return "/checkpoint/" in current_url()  # error: AGN213


async def unpacked_correctly(headers: dict) -> bool:
    first, second = await get_pair(headers)
    single = get_pair(headers)  # not unpacked: kept (and awaited) as one object
    print(first, second, await single)
    return "/checkpoint/" in await current_url() and current_url not in (None,)
