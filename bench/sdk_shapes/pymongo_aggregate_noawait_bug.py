"""pymongo (native async API): AsyncCollection.aggregate() is an async def returning a cursor; iterated without await (the motor habit)."""
import asyncio
import os

from pymongo import AsyncMongoClient
from pymongo.asynchronous.collection import AsyncCollection

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://127.0.0.1:27017/?directConnection=true")


async def totals(orders: AsyncCollection) -> list[dict]:
    out = []
    async for row in orders.aggregate([{"$match": {}}]):  # error: TypeError: 'async for' requires an object with __aiter__ method, got coroutine
        out.append({"sku": row["sku"]})
    return out


async def main() -> None:
    client: AsyncMongoClient = AsyncMongoClient(MONGO_URL, serverSelectionTimeoutMS=3000)
    await client.shop.orders.insert_one({"sku": "a1"})
    print("ok", await totals(client.shop.orders))
    await client.close()


asyncio.run(main())
