import pkg
import pkg.streams
from pkg import exported_ticker, streams


async def through_from_import():
    return await streams.ticker()  # error: AGN200


async def through_dotted_import():
    return await pkg.streams.ticker()  # error: AGN200


async def through_reexport():
    async for item in pkg.exported_ticker():
        print(item)
    return await exported_ticker()  # error: AGN200


async def correct():
    # trap: a coroutine from the same submodule, awaited.
    return await streams.total()
