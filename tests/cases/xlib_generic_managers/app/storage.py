# OPTIONS: --agn-python env
"""An annotated `__all__` in a package whose `__init__` star-imports a module conditionally.

`fakemongo` (in env/, shaped like motor) declares `__all__: list[str] = [...]` in its framework
modules, which import their sibling with `from fakemongo import core`; its `__init__` runs
`from .motor_tornado import *` in the `else:` of `try: import tornado / except ImportError:`.
The star import binds only the names of that `__all__`, so `fakemongo.core` is the submodule
(here and in motor_asyncio), and a cursor, async-iterable only, is known: awaiting it is
AGN208.
"""

from typing import Any, Dict, List, Optional

from fakemongo import core
from fakemongo.motor_asyncio import AsyncIOMotorClient, AsyncIOMotorCollection

client = AsyncIOMotorClient("mongodb://db.internal:27017")
users = client.get_database("app").get_collection("users")


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def bug_await_find() -> List[Dict[str, Any]]:
    return await users.find({"active": True})  # error: AGN208


async def bug_await_page(cursor: core.AgnosticCursor, size: int) -> List[Dict[str, Any]]:
    return await cursor.limit(size)  # error: AGN208


async def bug_await_collection_find(collection: AsyncIOMotorCollection) -> Any:
    cursor = collection.find()
    return await cursor  # error: AGN208


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------


async def ok_iterate_find() -> List[str]:
    names = []
    async for user in users.find({"active": True}):
        names.append(user["name"])
    return names


async def ok_to_list(cursor: core.AgnosticCursor, size: int) -> List[Dict[str, Any]]:
    return await cursor.limit(size).to_list(size)


async def ok_find_one(collection: AsyncIOMotorCollection, name: str) -> Optional[Dict[str, Any]]:
    await collection.insert_one({"name": name, "active": True})
    return await collection.find_one({"name": name})


async def ok_count() -> int:
    return await users.count_documents({"active": True})
