"""AGN104: a coroutine returns an un-awaited coroutine call on one path and a result on
another (kademlia's `_nodesFound`: `return list(self.nearest)` / `return self.find()`)."""
import asyncio
from typing import Any, Awaitable, Callable, Coroutine, List, Optional


class Crawler:
    def __init__(self) -> None:
        self.nearest: list = []
        self.rounds = 0

    async def find(self) -> list:
        self.rounds += 1
        return await self._next_round()

    async def _next_round(self) -> list:
        if self.rounds > 3:
            return list(self.nearest)
        return self.find()  # error: AGN104

    async def lookup(self, key: str) -> list:
        if key in self.nearest:
            return [key]
        return self.find()  # error: AGN104


async def fetch(url: str) -> bytes:
    await asyncio.sleep(0)
    return url.encode()


async def fetch_cached(url: str, cache: dict) -> bytes:
    if url in cache:
        return await fetch(url)
    return fetch(url)  # error: AGN104


async def pause(seconds: float, skip: bool) -> str:
    if skip:
        return "skipped"
    return asyncio.sleep(seconds)  # error: AGN104


async def call_hook(hook: Callable[[], Coroutine[None, None, int]], enabled: bool) -> object:
    if not enabled:
        return {}
    return hook()  # error: AGN104


# A name one branch binds to the un-awaited call and another to the awaited one (AI-Researcher's
# `completion_response = acompletion(...)`), also under a decorator not known: its body's
# returns are still what awaiting the function gives the wrapper.
from tenacity_like import retry  # not installed: an unknown decorator


@retry(attempts=3)
async def complete(prompt: str, fast: bool) -> bytes:
    if fast:
        response = fetch(prompt)
    else:
        response = await fetch(prompt.strip())
    return response  # error: AGN104


@retry(attempts=3)
async def complete_cached(prompt: str, cache: dict) -> bytes:
    if not prompt:
        return b""
    if prompt in cache:
        return cache[prompt]
    return fetch(prompt)  # error: AGN104


# The correct versions.
class FixedCrawler(Crawler):
    async def _next_round(self) -> list:
        if self.rounds > 3:
            return list(self.nearest)
        return await self.find()


async def fetch_cached_correctly(url: str, cache: dict) -> bytes:
    if url in cache:
        return cache[url]
    return await fetch(url)


# Trap: a coroutine handing out coroutines on every path is a design (the caller awaits
# twice: `llm_call = await route(...); response = await llm_call`).
async def route(kind: str, handlers: dict):
    if kind == "fetch":
        return fetch("https://example.com")
    if kind == "pause":
        return pause(1, False)
    return handlers[kind]()


# Trap: `None` for "nothing to run" beside a coroutine is the same design.
async def next_job(queue: list):
    if not queue:
        return None
    return fetch(queue.pop())


# Trap: a task or future is not a coroutine: awaiting it later is the point.
async def start(url: str, eager: bool):
    if eager:
        return await fetch(url)
    return asyncio.ensure_future(fetch(url))


# Trap: a plain `def` returning a coroutine gives it to its caller to await.
def fetch_later(url: str, cache: dict):
    if url in cache:
        return cache[url]
    return fetch(url)


# Trap: a name holding a coroutine may have been made for a task, or awaited already.
async def pending(url: str, cache: dict):
    job = fetch(url)
    if url in cache:
        return [cache[url]]
    return job


# Trap: a callable declared to give an awaitable (not a coroutine) may give a future.
async def call_declared(hook: Callable[[], Awaitable[int]], enabled: bool):
    if not enabled:
        return []
    return hook()


# Trap: returning an async generator is AGN101's business, not this rule's.
async def rows():
    yield 1


async def rows_or_cached(cache: list):
    if cache:
        return list(cache)
    return rows()  # error: AGN101


# Trap: a name bound by branches to a coroutine and to something not known, or to two
# coroutines, holds no result on either path the rule can see.
async def choose(prompt: str, fast: bool, other):
    if fast:
        response = fetch(prompt)
    else:
        response = other(prompt)
    return response


async def choose_both(prompt: str, fast: bool):
    if fast:
        job = fetch(prompt)
    else:
        job = pause(1, True)
    return job


# Trap: under a decorator not known, a returned async generator is not judged (the decorator
# may be built to iterate it).
@retry(attempts=3)
async def decorated_rows(cache: list):
    if cache:
        return list(cache)
    return rows()


# --------------------------------------------------------------------------
# Every path hands out the coroutine, but the annotation says the result is something no
# coroutine is: a caller awaiting once gets a coroutine where it expects that.
# --------------------------------------------------------------------------


class ChatAnswer:
    def __init__(self, text: str) -> None:
        self.text = text


class Pending:
    """Awaitable: a coroutine could be declared as one of these."""

    def __await__(self):  # type: ignore[no-untyped-def]
        return fetch("x").__await__()


async def ask(prompt: str) -> str:
    return fetch(prompt)  # error: AGN104


async def reply(prompt: str) -> ChatAnswer:
    return fetch(prompt)  # error: AGN104


async def reply_later(prompt: str) -> "ChatAnswer":
    return fetch(prompt)  # error: AGN104


async def replies(prompt: str) -> List[str]:
    return fetch(prompt)  # error: AGN104


# Traps: annotations a coroutine fits, or that say nothing this module can judge.
async def ask_awaitable(prompt: str) -> Awaitable[str]:
    return fetch(prompt)


async def ask_coroutine(prompt: str) -> Coroutine[None, None, str]:
    return fetch(prompt)


async def ask_anything(prompt: str) -> Any:
    return fetch(prompt)


async def ask_pending(prompt: str) -> Pending:
    return fetch(prompt)


async def ask_maybe(prompt: str) -> Optional[str]:
    return fetch(prompt)


async def ask_unannotated(prompt: str):  # type: ignore[no-untyped-def]
    return fetch(prompt)


def ask_plainly(prompt: str) -> str:
    # A plain def returning a coroutine is AGN104's business only for coroutines.
    return fetch(prompt)  # type: ignore[return-value]
