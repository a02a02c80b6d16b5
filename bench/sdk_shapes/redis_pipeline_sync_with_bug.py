"""redis.asyncio: Redis.pipeline() (async context manager, no __enter__) entered with a plain with."""
import asyncio
import os

import redis.asyncio as redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


async def bump(client: redis.Redis, key: str) -> list[object]:
    with client.pipeline(transaction=True) as pipe:  # error: TypeError: 'Pipeline' object does not support the context manager protocol
        pipe.incr(key)
        pipe.expire(key, 60)
        return await pipe.execute()


async def main() -> None:
    client = redis.Redis.from_url(REDIS_URL)
    await client.delete("sdkshape:counter")
    print("ok", await bump(client, "sdkshape:counter"), await client.get("sdkshape:counter"))
    await client.aclose()


asyncio.run(main())
