"""`scripts/` has no `__init__.py` and is in no package: run.py is a script run from its
folder (`python scripts/run.py`), and `helpers` is scripts/helpers.py."""
import asyncio

from helpers import Helper


# Trap: correct uses of the sibling's coroutine, async generator and plain method.
async def main() -> None:
    helper = Helper()
    print(await helper.load("config"))
    async for row in helper.rows():
        helper.save(row)
    print(helper.saved)


# The sibling is found, so its misuse is seen.
async def broken() -> None:
    Helper().load("config")  # error: AGN211


if __name__ == "__main__":
    asyncio.run(main())
