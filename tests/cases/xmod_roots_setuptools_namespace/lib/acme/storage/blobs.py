import asyncio
from typing import Dict


class BlobStore:
    def __init__(self) -> None:
        self.blobs: Dict[str, bytes] = {"a.txt": b"alpha", "b.txt": b"beta"}

    async def list_keys(self, prefix: str = ""):
        for key in self.blobs:
            if key.startswith(prefix):
                yield key

    async def get(self, key: str) -> bytes:
        await asyncio.sleep(0)
        return self.blobs[key]


store = BlobStore()


async def iter_blobs(prefix: str = ""):
    async for key in store.list_keys(prefix):
        yield key, await store.get(key)
