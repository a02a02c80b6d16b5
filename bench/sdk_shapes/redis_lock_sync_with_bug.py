"""redis.asyncio: Redis.lock() (returns redis.asyncio.lock.Lock: async context manager only) entered with a plain with."""
import asyncio
import os

import redis.asyncio as redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


class Jobs:
    def __init__(self, client: redis.Redis) -> None:
        self.client = client

    async def run_once(self) -> str:
        with self.client.lock("sdkshape:lock", timeout=5):  # error: TypeError: 'Lock' object does not support the context manager protocol
            await self.client.set("sdkshape:job", "done")
        return "ran"


async def main() -> None:
    client = redis.from_url(REDIS_URL)
    print("ok", await Jobs(client).run_once())
    await client.aclose()


asyncio.run(main())
