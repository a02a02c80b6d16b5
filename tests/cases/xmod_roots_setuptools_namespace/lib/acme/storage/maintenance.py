"""Same root, other half of the namespace: `acme.indexing` lives under plugins/."""
from acme.indexing.indexer import Indexer, rebuild


async def scenario_other_root_coroutine_iterated():
    async for doc in rebuild():  # error: AGN201
        print(doc)


async def scenario_other_root_agen_awaited():
    return await Indexer().documents()  # error: AGN200


async def scenario_ok_other_root_correct():
    # trap: correct.
    print(await rebuild())
    async for doc in Indexer().documents():
        print(doc)
