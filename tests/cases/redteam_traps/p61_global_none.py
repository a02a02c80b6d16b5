import asyncio

class Pool:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None
    async def close(self):
        pass

_pool = None

def init():
    global _pool
    _pool = Pool()

async def shutdown():
    global _pool
    if _pool is not None:
        await _pool.close()
        _pool = None

async def use():
    if _pool is None:
        init()
    async with _pool:
        pass

async def main():
    await use()
    await shutdown()

asyncio.run(main())
