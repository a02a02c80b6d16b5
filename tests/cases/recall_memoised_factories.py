"""``functools.lru_cache`` / ``functools.cache`` keep what a function gives: a memoised
factory (FastAPI's ``get_settings()`` / ``get_client()`` idiom) gives its class's instance,
and a memoised ``async def`` still gives a coroutine."""

import functools
from functools import cache, lru_cache


class Client:
    async def complete(self, prompt):
        return prompt

    async def stream(self, prompt):
        yield prompt


@lru_cache
def get_client() -> Client:
    return Client()


@lru_cache(maxsize=1)
def get_sized_client():
    return Client()


@functools.cache
def get_cached_client():
    return Client()


@cache
async def load_config():
    return {"model": "m"}


async def misuses():
    async for part in get_client().complete("p"):  # error: AGN201
        print(part)
    await get_sized_client().stream("p")  # error: AGN200
    async for part in get_cached_client().complete("p"):  # error: AGN201
        print(part)
    async for key in load_config():  # error: AGN201
        print(key)


async def correct_uses():
    print(await get_client().complete("p"))
    async for part in get_sized_client().stream("p"):
        print(part)
    print(await get_cached_client().complete("p"))
    print(await load_config())


def other_cache(function):
    """Not functools: a memoising wrapper of its own, whose results are not known."""
    memo = {}

    def wrapper(*args):
        if args not in memo:
            memo[args] = function(*args)
        return memo[args]

    return wrapper


@other_cache
def get_other_client():
    return Client()


async def unknown_decorator():
    async for part in get_other_client().complete("p"):
        print(part)
