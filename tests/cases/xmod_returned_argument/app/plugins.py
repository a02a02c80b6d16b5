from lib.registry import AsyncSession, hook, plugin, wrap_all


@plugin("search")
async def search(query: str):
    yield query


@hook
async def on_start() -> None:
    return None


@wrap_all
class Store:
    async def query(self) -> list:
        return []


async def use(maker) -> None:
    await search("x")  # error: AGN200
    async for item in on_start():  # error: AGN201
        print(item)
    # Correct uses.
    async for hit in search("x"):
        print(hit)
    await on_start()


async def store(store: Store, session: AsyncSession) -> None:
    # The class was handed to another function: its methods are unknown.
    async for row in store.query():
        print(row)
    print([row for row in session.stream("q")])  # error: AGN203
