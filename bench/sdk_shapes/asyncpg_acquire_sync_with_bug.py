"""asyncpg: Pool.acquire() (PoolAcquireContext: awaitable AND async context manager) entered with a plain with."""
import asyncio
import os

import asyncpg

PG_DSN = os.environ.get("PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")


async def server_version(pool: asyncpg.Pool) -> int:
    with pool.acquire() as conn:  # error: TypeError: 'PoolAcquireContext' object does not support the context manager protocol
        return await conn.fetchval("SELECT 1")


async def main() -> None:
    async with asyncpg.create_pool(PG_DSN, min_size=1, max_size=2) as pool:
        print("ok", await server_version(pool))


asyncio.run(main())
