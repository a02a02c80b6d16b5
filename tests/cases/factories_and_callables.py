"""Instances made by factories, and instances called through ``__call__``."""
import random


class Repo:
    @classmethod
    def create(cls):
        return cls()

    async def rows(self):
        yield 1

    async def count(self):
        return 1


def get_repo():
    return Repo()


def maybe_repo():
    # trap: not every return builds a Repo: the factory's result is unknown.
    if random.random() > 0.5:
        return Repo()
    return None


class Streamer:
    async def __call__(self, topic):
        yield topic


class Counter:
    async def __call__(self):
        return 1


streamer = Streamer()
counter = Counter()


async def via_classmethod_factory():
    # `cls()` builds the class named or a subclass: judged like an annotated `Repo`, so every
    # override in the project agrees here (see recall_builders.py for one that does not).
    repo = Repo.create()
    return await repo.rows()  # error: AGN200


async def via_function_factory():
    async for row in get_repo().rows():
        print(row)
    return await get_repo().rows()  # error: AGN200


async def via_unclear_factory():
    # trap: unknown result.
    return await maybe_repo().rows()


async def via_call_method():
    async for item in counter():  # error: AGN201
        print(item)
    async for item in streamer("news"):
        print(item)
    return await streamer("news")  # error: AGN200


async def correct_uses():
    # trap: all correct.
    print(await Repo.create().count(), await counter())
