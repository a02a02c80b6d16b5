"""A pool that is an async context manager: entering it gives the connection."""

from typing import Any


class Connection:
    def execute(self, query: str) -> str:
        return query


class Pool:
    async def __aenter__(self) -> Connection:
        return Connection()

    async def __aexit__(self, *exc_info: Any) -> None:
        return None

    def size(self) -> int:
        return 1
