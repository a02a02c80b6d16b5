"""Names imported from a module that rebinds them."""
from app import rebinding
from app.rebinding import fetch, items, single


async def ok_rebound_in_defining_module():
    # trap: app.rebinding binds `fetch` twice (coroutine, then async generator): unknown.
    async for part in fetch("a b"):
        print(part)
    async for part in rebinding.fetch("a b"):
        print(part)
    # trap: `items` is a coroutine only on Python < 3.8, which no supported interpreter runs:
    # the async generator of the live branch.
    async for i in items():
        print(i)


async def bad_bound_once_in_same_module():
    return await single()  # error: AGN200
