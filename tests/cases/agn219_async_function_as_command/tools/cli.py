import asyncio

# Trap: imported from another module, not defined here (judged where it is defined, if
# a script names it there).
from tools.process import main


async def serve() -> None:  # error: AGN219
    await asyncio.sleep(0)


async def export() -> None:  # error: AGN219
    await asyncio.sleep(0)


async def helper() -> None:
    # Not a command: nothing declares it.
    await main()
