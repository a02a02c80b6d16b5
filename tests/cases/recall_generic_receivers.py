"""A coroutine method of a generic receiver whose type argument is not known (motor's
`db.orders.find_one(...)`: `AsyncIOMotorDatabase.__getattr__` gives
`AsyncIOMotorCollection[_DocumentType]`, the document type unknown) is still a coroutine:
only what awaiting it gives depends on the type argument.  A plain method returning the type
parameter on such a receiver gives an object of an unknown class.
"""
from typing import Any, Dict, Generic, Optional, TypeVar

DocumentT = TypeVar("DocumentT", bound=Dict[str, Any])


class Collection(Generic[DocumentT]):
    async def find_one(self, query: Dict[str, Any]) -> Optional[DocumentT]:
        return None

    def first_cached(self) -> DocumentT:
        raise LookupError("empty")


class Database(Generic[DocumentT]):
    def __getattr__(self, name: str) -> Collection[DocumentT]:
        return Collection()


async def positives(db: Database) -> None:
    db.orders.find_one({})  # error: AGN211
    print(db.orders.find_one({"paid": True})["total"])  # error: AGN210


async def traps(db: Database) -> None:
    order = await db.orders.find_one({})
    if order is not None:
        print(order["total"])
    # The document's class is not known: nothing is judged of it.
    cached = db.orders.first_cached()
    async for key in cached:
        print(key)
    await cached
