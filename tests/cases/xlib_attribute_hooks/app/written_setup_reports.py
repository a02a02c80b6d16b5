# OPTIONS: --agn-python env
"""Writes attributes on the shared client and its class from another module: `__getattr__` no longer answers `reports` or `backups` (trap for app/written_elsewhere.py)."""
from app.written_store import client
from fakemongo2 import AsyncMongoClient


class FrozenCollection:
    async def find(self, filter):
        return []


class FrozenDatabase:
    def __init__(self) -> None:
        self.orders = FrozenCollection()


def install() -> None:
    client.reports = FrozenDatabase()
    AsyncMongoClient.backups = FrozenDatabase()
