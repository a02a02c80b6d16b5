"""`fetch_items`: a coroutine in app/v1.py, an async generator in app/v2.py."""
from app import v1, v2
from app.v1 import fetch_items as fetch_v1
from app.v2 import fetch_items


async def ok_each_used_correctly():
    # trap: same function name, different kinds in different modules, each used correctly.
    print(await v1.fetch_items(2))
    async for i in v2.fetch_items(2):
        print(i)
    print(await fetch_v1(2))
    async for i in fetch_items(2):
        print(i)


async def bad_v2_awaited():
    return await v2.fetch_items(2)  # error: AGN200


async def bad_v1_iterated():
    async for i in v1.fetch_items(2):  # error: AGN201
        print(i)


async def bad_from_import_v2_awaited():
    return await fetch_items(2)  # error: AGN200


async def bad_alias_v1_iterated():
    async for i in fetch_v1(2):  # error: AGN201
        print(i)
