"""redis.asyncio: async with client.pubsub(); PubSub.listen() iterated with async for."""
import asyncio
import os

import redis.asyncio as redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


async def first_message(client: redis.Redis, channel: str) -> str:
    async with client.pubsub() as pubsub:
        await pubsub.subscribe(channel)
        await client.publish(channel, "hello")
        async for message in pubsub.listen():
            if message["type"] == "message":
                return message["data"]
    return ""


async def main() -> None:
    client = redis.from_url(REDIS_URL, decode_responses=True)
    try:
        print("ok", await first_message(client, "news"))
    finally:
        await client.aclose()


asyncio.run(main())
