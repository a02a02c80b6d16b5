"""asyncpg: `async for` over `await conn.cursor(q)`: the awaited Cursor has no __aiter__ (the CursorFactory has both)."""
import asyncio
import os

import asyncpg

PG_DSN = os.environ.get("PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")


async def stream_ids(conn: asyncpg.Connection) -> list[int]:
    ids = []
    async with conn.transaction():
        async for record in await conn.cursor("SELECT generate_series(1, 5) AS id"):  # error: TypeError: 'async for' requires an object with __aiter__ method, got Cursor
            ids.append(record["id"])
    return ids


async def main() -> None:
    conn = await asyncpg.connect(PG_DSN)
    try:
        print("ok", await stream_ids(conn))
    finally:
        await conn.close()


asyncio.run(main())
