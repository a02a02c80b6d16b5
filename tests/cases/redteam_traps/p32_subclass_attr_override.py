import asyncio

class SyncLock:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None

class AsyncLock:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None

class Base:
    def __init__(self):
        self.lock = SyncLock()
    def work(self):
        with self.lock:
            return 1

class AsyncVersion(Base):
    def __init__(self):
        super().__init__()
        self.lock = AsyncLock()
    async def awork(self):
        async with self.lock:
            return 2

class AsyncVersion2(Base):
    lock_factory = AsyncLock
    def __init__(self):
        self.lock = self.lock_factory()
    async def awork(self):
        async with self.lock:
            return 3

print(Base().work(), asyncio.run(AsyncVersion().awork()), asyncio.run(AsyncVersion2().awork()))
