"""`acme.storage` is in another root (lib/) of the same namespace package."""
import asyncio

from acme.storage import BlobStore, store
from acme.storage.blobs import iter_blobs


class Indexer:
    def __init__(self) -> None:
        self.store = BlobStore()

    async def documents(self):
        async for key in self.store.list_keys():
            yield key

    async def sizes(self):
        return {key: len(await self.store.get(key)) async for key in self.store.list_keys()}


async def rebuild() -> int:
    return len([k async for k in store.list_keys()])


async def scenario_namespace_module_instance_agen_awaited():
    return await store.list_keys()  # error: AGN200


async def scenario_namespace_coroutine_iterated():
    async for blob in store.get("a.txt"):  # error: AGN201
        print(blob)


async def scenario_namespace_function_sync_iterated():
    for key, blob in iter_blobs():  # error: AGN203
        print(key, blob)


async def scenario_namespace_instance_attribute():
    indexer = Indexer()
    return asyncio.ensure_future(indexer.store.list_keys())  # error: AGN202


async def scenario_ok_namespace_correct():
    # trap: correct.
    async for key, blob in iter_blobs("a"):
        print(key, blob)
    print(await Indexer().sizes())
    print(await store.get("b.txt"))
