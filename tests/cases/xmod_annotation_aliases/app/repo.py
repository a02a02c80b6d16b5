from typing import Protocol


class Repo:
    async def rows(self):
        return [1, 2]

    async def stream(self):
        yield 1


class Cache:
    async def rows(self):
        yield 1


class Source(Protocol):
    async def rows(self): ...
