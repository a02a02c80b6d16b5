"""pymongo (native async API): cursor = coll.find() (plain call), then an async comprehension over it."""
import asyncio
import os

from pymongo import AsyncMongoClient

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://127.0.0.1:27017/?directConnection=true")
client: AsyncMongoClient = AsyncMongoClient(MONGO_URL, serverSelectionTimeoutMS=3000)


async def skus() -> list[str]:
    cursor = client.shop.orders.find({})
    return [doc["sku"] async for doc in cursor]


async def main() -> None:
    await client.shop.orders.insert_one({"sku": "a1"})
    print("ok", await skus())
    await client.close()


asyncio.run(main())
