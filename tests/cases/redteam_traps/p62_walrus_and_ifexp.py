import asyncio

class Conn:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None

class SyncConn:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None

async def main(use_async=True):
    c = Conn() if use_async else None
    if c is not None:
        async with c:
            pass
    if (s := SyncConn()) is not None:
        with s:
            pass
    conn = Conn() if use_async else SyncConn()
    if isinstance(conn, Conn):
        async with conn:
            pass
    else:
        with conn:
            pass

asyncio.run(main())
asyncio.run(main(False))
