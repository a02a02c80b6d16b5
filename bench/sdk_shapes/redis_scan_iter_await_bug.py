"""redis.asyncio: Redis.scan_iter() (an async generator, from the AsyncScanCommands mixin) awaited."""
import asyncio
import os

from redis.asyncio import Redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


class Cache:
    def __init__(self, url: str) -> None:
        self.redis = Redis.from_url(url, decode_responses=True)

    async def keys(self, prefix: str) -> list[str]:
        keys = await self.redis.scan_iter(match=f"{prefix}:*")  # error: TypeError: object async_generator can't be used in 'await' expression
        return sorted(keys)


async def main() -> None:
    cache = Cache(REDIS_URL)
    await cache.redis.set("sdkshape:scan:a", 1)
    await cache.redis.set("sdkshape:scan:b", 2)
    print("ok", await cache.keys("sdkshape:scan"))
    await cache.redis.aclose()


asyncio.run(main())
