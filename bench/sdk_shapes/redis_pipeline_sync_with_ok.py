"""redis.asyncio: async with client.pipeline(); commands queued (plain calls), await pipe.execute(); await client.get()."""
import asyncio
import os

import redis.asyncio as redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


async def bump(client: redis.Redis, key: str) -> list[object]:
    async with client.pipeline(transaction=True) as pipe:
        pipe.incr(key)
        pipe.expire(key, 60)
        return await pipe.execute()


async def main() -> None:
    client = redis.Redis.from_url(REDIS_URL)
    await client.delete("sdkshape:counter")
    print("ok", await bump(client, "sdkshape:counter"), await client.get("sdkshape:counter"))
    await client.aclose()


asyncio.run(main())
