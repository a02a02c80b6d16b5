# OPTIONS: --agn-python env
"""An installed client whose commands come from a mixin (``return self.execute_command(...)``),
shaped like redis-py.  On the async client a command gives a coroutine, also when the client is
known only from an annotation: the library's own ``Pipeline(Redis)``, whose
``execute_command`` queues instead, is not what ``Redis`` promises (a type checker reads the
annotation the same way).  Subclasses in the project are still searched (see
recall_receiver_delegation.py)."""
import json

from fakekv import Pipeline, Redis, SyncRedis


class SessionStore:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def load(self, sid: str) -> dict:
        raw = self.redis.get(sid)
        return json.loads(raw.decode())  # error: AGN210

    async def all_keys(self) -> list:
        return [key async for key in self.redis.keys()]  # error: AGN201

    async def good(self, sid: str) -> dict:
        raw = await self.redis.get(sid)
        return json.loads(raw.decode())


def sync_load(redis: SyncRedis, sid: str) -> dict:
    return json.loads(redis.get(sid).decode())


async def queued(pipe: Pipeline, sid: str) -> list:
    pipe.get(sid).get(sid + ":meta")
    return await pipe.execute()


async def made_here(sid: str) -> None:
    Redis().get(sid)  # error: AGN211
    Pipeline().get(sid)
