"""asyncpg: await Connection.fetch(), then a plain for over the list."""
import asyncio
import os

import asyncpg

PG_DSN = os.environ.get("PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")


class Repo:
    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn

    async def numbers(self) -> list[int]:
        out = []
        for row in await self.conn.fetch("SELECT generate_series(1, 3) AS n"):
            out.append(row["n"])
        return out


async def main() -> None:
    conn = await asyncpg.connect(PG_DSN)
    try:
        print("ok", await Repo(conn).numbers())
    finally:
        await conn.close()


asyncio.run(main())
