# OPTIONS: --agn-python env
"""Project classes with attribute and item hooks over `fakemongo2` collections.

Positives: a project class's plain `__getattr__` / `__getitem__` annotated `-> AsyncCollection`
are followed like the package's, for an exact or an annotated instance.

Traps: hooks whose annotation does not say what the expression gives: an `async def
__getattr__` (the attribute is a coroutine), a decorated `__getattr__`, one without a return
annotation or annotated `Any`, a class that also defines `__getattribute__`, a class with an
unknown base (`types.SimpleNamespace` stores the attributes given to it), `__getitem__` with
`@overload`s and a `Union` implementation or a `Union` return; and overrides in `app/frozen.py`:
an annotated `Shard` whose subclass has its own `__getattr__`, `self[...]` in a class whose
subclass overrides `__getitem__`.
"""

import functools
import types
from typing import Any, Awaitable, Callable, Dict, List, Optional, Union, overload

from fakemongo2 import AsyncCollection, AsyncCursor, AsyncDatabase

Document = Dict[str, Any]


class Tenant:
    """One tenant's collections: `tenant.orders` is the tenant's `orders` collection."""

    def __init__(self, db: AsyncDatabase, prefix: str) -> None:
        self.db = db
        self.prefix = prefix

    def __getattr__(self, name: str) -> AsyncCollection:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.db[f"{self.prefix}_{name}"]

    def __getitem__(self, name: str) -> AsyncCollection:
        return self.db[f"{self.prefix}_{name}"]


class Shard:
    """A shard's collections; `app.frozen.CachedShard` overrides `__getattr__`."""

    def __init__(self, db: AsyncDatabase) -> None:
        self.db = db

    def __getattr__(self, name: str) -> AsyncCollection:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.db[name]


class Feeds:
    """`await feeds.orders` opens a cursor over a collection."""

    def __init__(self, db: AsyncDatabase) -> None:
        self.db = db

    async def __getattr__(self, name: str) -> AsyncCursor:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.db[name].find({})


def prefetched(
    method: Callable[[Any, str], AsyncCursor],
) -> Callable[[Any, str], Awaitable[List[Document]]]:
    """The attribute gives a coroutine of the cursor's documents."""

    @functools.wraps(method)
    async def fetch(self: Any, name: str) -> List[Document]:
        return [doc async for doc in method(self, name)]

    return fetch


class Prefetched:
    def __init__(self, db: AsyncDatabase) -> None:
        self.db = db

    @prefetched
    def __getattr__(self, name: str) -> AsyncCursor:
        return self.db[name].find({})


class Counts:
    """`await counts.orders`: how many documents a collection holds."""

    def __init__(self, db: AsyncDatabase) -> None:
        self.db = db

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self.db[name].count_documents({})


class Lookups:
    """`await lookups.orders`: the first document of a collection."""

    def __init__(self, db: AsyncDatabase) -> None:
        self.db = db

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.db[name].find_one({})


class Replay:
    """Serves recorded results (lists); other names query the live database."""

    def __init__(self, db: AsyncDatabase, recorded: Dict[str, List[Document]]) -> None:
        self.db = db
        self.recorded = recorded

    def __getattribute__(self, name: str) -> Any:
        recorded = object.__getattribute__(self, "recorded")
        if name in recorded:
            return recorded[name]
        return object.__getattribute__(self, name)

    def __getattr__(self, name: str) -> AsyncCursor:
        return self.db[name].find({})


class Fixtures(types.SimpleNamespace):
    """Documents given by keyword are lists; other names query the database."""

    def __getattr__(self, name: str) -> AsyncCursor:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.__dict__["db"][name].find({})


class Pages:
    """`pages[n]` is one page (a cursor), `pages[a:b]` a list of pages."""

    def __init__(self, collection: AsyncCollection, size: int) -> None:
        self.collection = collection
        self.size = size

    @overload
    def __getitem__(self, index: int) -> AsyncCursor: ...

    @overload
    def __getitem__(self, index: slice) -> List[AsyncCursor]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[AsyncCursor, List[AsyncCursor]]:
        if isinstance(index, slice):
            return [self[i] for i in range(index.start or 0, index.stop, index.step or 1)]
        return self.collection.find({"page": index}, limit=self.size)


class Cache:
    """`cache[name]`: the cached documents when there are, else a cursor."""

    def __init__(self, db: AsyncDatabase) -> None:
        self.db = db
        self.saved: Dict[str, List[Document]] = {}

    def __getitem__(self, name: str) -> Union[AsyncCursor, List[Document]]:
        if name in self.saved:
            return self.saved[name]
        return self.db[name].find({})


class Source:
    """Where a report reads its collections; `app.frozen.Frozen` serves them from memory."""

    def __init__(self, db: AsyncDatabase) -> None:
        self.db = db

    def __getitem__(self, name: str) -> AsyncCollection:
        return self.db[name]

    async def documents(self, name: str) -> List[Document]:
        # `self` may be a `Frozen` (another module overrides `__getitem__`), whose collections'
        # `find` is a coroutine: not judged.
        return await self[name].find({})


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def bug_tenant_attribute(db: AsyncDatabase) -> List[Document]:
    tenant = Tenant(db, "acme")
    return await tenant.orders.find({})  # error: AGN208


async def bug_annotated_tenant(tenant: Tenant) -> List[Document]:
    # Through an annotation: no project subclass of `Tenant`.
    return await tenant.orders.find({})  # error: AGN208


def bug_tenant_item(db: AsyncDatabase) -> List[Document]:
    tenant = Tenant(db, "acme")
    return [doc for doc in tenant["orders"].find({})]  # error: AGN208


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------


async def ok_tenant(db: AsyncDatabase) -> int:
    tenant = Tenant(db, "acme")
    found = [doc async for doc in tenant.orders.find({})]
    return len(found) + await tenant["orders"].count_documents({})


async def ok_annotated_shard(shard: Shard) -> List[Document]:
    # `shard` may be a `CachedShard`, whose own `__getattr__` gives collections with a
    # coroutine `find`.
    return await shard.orders.find({})


async def ok_async_getattr(db: AsyncDatabase) -> List[Document]:
    # An `async def __getattr__`: the attribute is a coroutine giving the cursor.
    cursor = await Feeds(db).orders
    return [doc async for doc in cursor]


async def ok_decorated_getattr(db: AsyncDatabase) -> List[Document]:
    # The decorator makes the attribute a coroutine of a list.
    return await Prefetched(db).orders


async def ok_unannotated_getattr(db: AsyncDatabase) -> int:
    return await Counts(db).orders


async def ok_getattr_annotated_any(db: AsyncDatabase) -> Optional[Document]:
    return await Lookups(db).orders


def ok_getattribute(db: AsyncDatabase) -> List[Document]:
    # `__getattribute__` answers `orders` from the recording: a list.
    replay = Replay(db, {"orders": [{"_id": 1}]})
    return [doc for doc in replay.orders]


def ok_unknown_base(db: AsyncDatabase) -> List[Document]:
    # `SimpleNamespace` stores `orders`: `__getattr__` is not asked.
    fixtures = Fixtures(db=db, orders=[{"_id": 1}])
    return [doc for doc in fixtures.orders]


async def ok_overloaded_getitem(orders: AsyncCollection) -> List[Document]:
    # `pages[0:2]` is a list of cursors (the second overload).
    pages = Pages(orders, 10)
    found = []
    for page in pages[0:2]:
        found += [doc async for doc in page]
    return found


def ok_union_getitem(db: AsyncDatabase) -> List[Document]:
    cache = Cache(db)
    cache.saved["orders"] = [{"_id": 1}]
    return [doc for doc in cache["orders"]]
