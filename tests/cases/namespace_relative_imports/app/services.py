"""`fetch` is a coroutine, `updates` an async generator, `names` a plain method."""
from typing import List


class Service:
    async def fetch(self, key: str) -> List[str]:
        return [key]

    async def updates(self, key: str):
        yield key
        yield key.upper()

    def names(self) -> list:
        return ["a", "b"]


async def ping() -> str:
    return "pong"
