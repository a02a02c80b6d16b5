"""redis.asyncio: Redis.get() (a plain def in the shared core mixin returning execute_command's coroutine) not awaited."""
import asyncio
import os

import redis.asyncio as redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
client = redis.from_url(REDIS_URL)


async def load_name(user_id: int) -> str:
    raw = client.get(f"sdkshape:user:{user_id}")  # misuse: coroutine not awaited
    return raw.decode()  # error: AttributeError: 'coroutine' object has no attribute 'decode'


async def main() -> None:
    await client.set("sdkshape:user:1", "ada")
    print("ok", await load_name(1))
    await client.aclose()


asyncio.run(main())
