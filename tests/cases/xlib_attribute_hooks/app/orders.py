# OPTIONS: --agn-python env
"""Databases and collections reached through `__getattr__` / `__getitem__` (`fakemongo2` in
env/, shaped like pymongo's async API).

`AsyncMongoClient.__getattr__(self, name) -> AsyncDatabase`, `AsyncDatabase.__getattr__ ->
AsyncCollection` (and the same for `__getitem__`), so `client.shop.orders` and
`client["shop"]["orders"]` are collections; `AsyncCollection.find()` is a plain `def` giving an
`AsyncCursor`, which has `__aiter__` / `__anext__` and neither `__await__` nor `__iter__`:
awaiting it, or iterating it with `for`, is AGN208. `find_one()` and `count_documents()` are
coroutines.

Traps: the `async for` / `to_list()` / coroutine-method versions, names that are members of the
classes (`client.close`, `client.address`, `collection.history` stored in `__init__`), a private
name (`client._topology`), and an admin database annotated as its base class whose `users` is a
user manager with a coroutine `find`.
"""

import logging
from typing import Any, Dict, List

from fakemongo2 import AsyncCollection, AsyncDatabase, AsyncMongoClient

log = logging.getLogger(__name__)

client = AsyncMongoClient("db.internal", 27017)


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def bug_await_find() -> List[Dict[str, Any]]:
    return await client.shop.orders.find({"status": "open"})  # error: AGN208


async def bug_await_find_by_item() -> List[Dict[str, Any]]:
    return await client["shop"]["orders"].find({})  # error: AGN208


async def bug_mixed_attribute_and_item() -> List[Dict[str, Any]]:
    return await client["shop"].orders.find({})  # error: AGN208


async def bug_database_bound_first() -> List[Dict[str, Any]]:
    db = client.shop
    return await db.orders.find({"status": "open"})  # error: AGN208


async def bug_sync_for_over_cursor() -> int:
    count = 0
    for doc in client.shop.orders.find({}):  # error: AGN208
        count += doc["total"]
    return count


async def bug_comprehension_over_cursor() -> List[Any]:
    return [doc["_id"] for doc in client.shop.orders.find({})]  # error: AGN208


async def bug_annotated_client(mongo: AsyncMongoClient) -> List[Dict[str, Any]]:
    # Through an annotated parameter: no subclass gives `shop` another meaning.
    return await mongo.shop.orders.find({})  # error: AGN208


async def bug_annotated_database(db: AsyncDatabase) -> List[Dict[str, Any]]:
    # `AsyncAdminDatabase` (a subclass in the package) stores `users` only, not `orders`.
    return await db.orders.find({})  # error: AGN208


async def bug_annotated_collection(orders: AsyncCollection) -> None:
    # A sub-collection (`orders.archive`) through the collection's own `__getattr__`.
    async for doc in await orders.archive.find({}):  # error: AGN208
        log.info("archived %s", doc)


# ---------------------------------------------------------------------------
# Traps: the correct usages that look alike.
# ---------------------------------------------------------------------------


async def ok_async_for() -> int:
    count = 0
    async for doc in client.shop.orders.find({}):
        count += doc["total"]
    async for doc in client["shop"]["orders"].find({}):
        count += doc["total"]
    return count


async def ok_async_comprehension(db: AsyncDatabase) -> List[Any]:
    return [doc["_id"] async for doc in db.orders.find({})]


async def ok_to_list() -> List[Dict[str, Any]]:
    # `to_list` is a coroutine method of the cursor.
    return await client.shop.orders.find({}).to_list()


async def ok_coroutine_methods(mongo: AsyncMongoClient) -> int:
    # `find_one` and `count_documents` are `async def` members of the collection.
    first = await client.shop.orders.find_one({})
    log.info("first order %s", first)
    return await mongo["shop"].orders.count_documents({})


async def ok_members_of_the_client() -> List[str]:
    # `close` and `list_database_names` are members, not databases.
    names = await client.list_database_names()
    host, port = client.address  # stored in `__init__`
    log.info("closing %s:%s", host, port)
    await client.close()
    return names


async def ok_private_name() -> None:
    # Private names are not databases (pymongo's `__getattr__` raises for them).
    server = await client._topology.select_server()
    log.info("server %s", server)


def ok_attribute_stored_in_init(orders: AsyncCollection) -> List[Dict[str, Any]]:
    # `history` is stored by `AsyncCollection.__init__`: a write log with a plain `find`.
    return [entry for entry in orders.history.find({"op": "insert"})]


async def ok_admin_database_users(db: AsyncDatabase) -> List[Dict[str, Any]]:
    # `db` may be an `AsyncAdminDatabase`, whose `users` is a user manager with a coroutine
    # `find`, not the `users` collection.
    return await db.users.find({"user": "ada"})


async def ok_awaited_coroutine_result(db: AsyncDatabase) -> int:
    # What an `await` gives is a number, not a cursor.
    return await db.orders.count_documents({}) + 1
