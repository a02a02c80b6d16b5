"""scan-to-paperless's `process:main`: the console script names an `async def`."""
import asyncio
from typing import AsyncIterator


async def main() -> None:  # error: AGN219
    await asyncio.sleep(0)


async def watch() -> AsyncIterator[str]:  # error: AGN219
    yield "event"


def run() -> None:
    # The correct version: a plain function that runs the coroutine.
    asyncio.run(main())


class Scanner:
    # `module:Class.method` targets are not followed.
    @staticmethod
    async def main() -> None:
        await asyncio.sleep(0)
