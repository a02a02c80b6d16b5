"""asyncpg: Pool.acquire() both ways (trap): async with pool.acquire(), and conn = await pool.acquire(); create_pool both ways."""
import asyncio
import os

import asyncpg

PG_DSN = os.environ.get("PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")


async def server_version(pool: asyncpg.Pool) -> int:
    async with pool.acquire() as conn:
        first = await conn.fetchval("SELECT 1")
    conn = await pool.acquire()
    try:
        second = await conn.fetchval("SELECT 1")
    finally:
        await pool.release(conn)
    return first + second


async def main() -> None:
    async with asyncpg.create_pool(PG_DSN, min_size=1, max_size=2) as pool:
        print("ok", await server_version(pool))
    pool = await asyncpg.create_pool(PG_DSN, min_size=1, max_size=2)
    print("ok", await server_version(pool))
    await pool.close()


asyncio.run(main())
