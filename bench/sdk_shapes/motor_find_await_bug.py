"""motor: `async for doc in await coll.find()`: find() returns an AsyncIOMotorCursor, which is not awaitable."""
import asyncio
import os

from motor.motor_asyncio import AsyncIOMotorClient, AsyncIOMotorCollection

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://127.0.0.1:27017/?directConnection=true")


class Inventory:
    def __init__(self, client: AsyncIOMotorClient) -> None:
        self.items: AsyncIOMotorCollection = client.shop.items

    async def names(self) -> list[str]:
        names = []
        async for doc in await self.items.find({}):  # error: TypeError: object AsyncIOMotorCursor can't be used in 'await' expression
            names.append(doc["name"])
        return names


async def main() -> None:
    client = AsyncIOMotorClient(MONGO_URL, serverSelectionTimeoutMS=3000)
    inventory = Inventory(client)
    await inventory.items.insert_many([{"name": "apple"}, {"name": "pear"}])
    print("ok", await inventory.names())
    client.close()


asyncio.run(main())
