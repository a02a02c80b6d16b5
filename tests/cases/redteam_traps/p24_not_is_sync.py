import asyncio

_IS_SYNC = False

class Conn:
    async def close(self):
        pass
    async def fetch(self):
        return 1

async def shutdown(c: Conn):
    if not _IS_SYNC:
        await c.close()
    else:
        c.close()
    if _IS_SYNC:
        c.close()
    else:
        await c.close()

asyncio.run(shutdown(Conn()))
