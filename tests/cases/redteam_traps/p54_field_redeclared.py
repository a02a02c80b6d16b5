import asyncio
from dataclasses import dataclass

class SyncTransport:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None

class AsyncTransport:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None

@dataclass
class Base:
    transport: SyncTransport
    def run_sync(self):
        with self.transport:
            return 1

@dataclass
class AsyncService(Base):
    transport: AsyncTransport
    async def run(self):
        async with self.transport:
            return 2

class Plain:
    transport: SyncTransport
    def __init__(self, t):
        self.transport = t

class PlainAsync(Plain):
    transport: AsyncTransport
    async def run(self):
        async with self.transport:
            return 3

print(Base(SyncTransport()).run_sync(), asyncio.run(AsyncService(AsyncTransport()).run()),
      asyncio.run(PlainAsync(AsyncTransport()).run()))
