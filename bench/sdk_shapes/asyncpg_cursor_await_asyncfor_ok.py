"""asyncpg: conn.cursor(q) both ways (trap): `async for r in conn.cursor(q)` and `cur = await conn.cursor(q); await cur.fetch(n)`."""
import asyncio
import os

import asyncpg

PG_DSN = os.environ.get("PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")


async def stream_ids(conn: asyncpg.Connection) -> list[int]:
    ids = []
    async with conn.transaction():
        async for record in conn.cursor("SELECT generate_series(1, 5) AS id"):
            ids.append(record["id"])
        cursor = await conn.cursor("SELECT generate_series(6, 10) AS id")
        ids.extend(r["id"] for r in await cursor.fetch(5))
    return ids


async def main() -> None:
    conn = await asyncpg.connect(PG_DSN)
    try:
        print("ok", await stream_ids(conn))
    finally:
        await conn.close()


asyncio.run(main())
