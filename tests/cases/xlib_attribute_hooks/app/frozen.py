# OPTIONS: --agn-python env
"""Subclasses in another module overriding the hooks: `Source.documents()` reads `self[name]`,
which for a `Frozen` is a `FrozenCollection` whose `find` is a coroutine; `CachedShard` gives
the same through its own `__getattr__`, so a `shard: Shard` is not judged by `Shard`'s."""

from typing import Any, Dict, List

from fakemongo2 import AsyncDatabase

from app.views import Shard, Source

Document = Dict[str, Any]


class FrozenCollection:
    def __init__(self, documents: List[Document]) -> None:
        self.documents = documents

    async def find(self, filter: Document) -> List[Document]:
        return [d for d in self.documents if all(d.get(k) == v for k, v in filter.items())]


class Frozen(Source):
    def __init__(self, db: AsyncDatabase, frozen: Dict[str, List[Document]]) -> None:
        super().__init__(db)
        self.frozen = frozen

    def __getitem__(self, name: str) -> FrozenCollection:  # type: ignore[override]
        return FrozenCollection(self.frozen.get(name, []))


class CachedShard(Shard):
    def __init__(self, db: AsyncDatabase, cached: Dict[str, List[Document]]) -> None:
        super().__init__(db)
        self.cached = cached

    def __getattr__(self, name: str) -> FrozenCollection:
        if name.startswith("_"):
            raise AttributeError(name)
        return FrozenCollection(self.cached.get(name, []))


async def ok_self_item_overridden(db: AsyncDatabase) -> List[Document]:
    return await Frozen(db, {"orders": [{"_id": 1}]}).documents("orders")


async def ok_frozen_item(db: AsyncDatabase) -> List[Document]:
    # An exact `Frozen`: its own `__getitem__` gives a `FrozenCollection`.
    return await Frozen(db, {"orders": []})["orders"].find({})


async def ok_cached_shard(db: AsyncDatabase) -> List[Document]:
    return await CachedShard(db, {"orders": [{"_id": 1}]}).orders.find({})
