"""asyncpg: Connection.transaction() (a plain def returning Transaction: async context manager, not awaitable) awaited."""
import asyncio
import os

import asyncpg

PG_DSN = os.environ.get("PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")


async def transfer(conn: asyncpg.Connection) -> int:
    await conn.transaction()  # error: TypeError: object Transaction can't be used in 'await' expression
    await conn.execute("CREATE TEMP TABLE IF NOT EXISTS t (n int)")
    await conn.execute("INSERT INTO t VALUES (1)")
    return await conn.fetchval("SELECT count(*) FROM t")


async def main() -> None:
    conn = await asyncpg.connect(PG_DSN)
    try:
        print("ok", await transfer(conn))
    finally:
        await conn.close()


asyncio.run(main())
