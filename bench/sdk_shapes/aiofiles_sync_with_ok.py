"""aiofiles: async with aiofiles.open(); await f.readlines() (a generated coroutine method)."""
import asyncio
import os
import tempfile

import aiofiles


class Store:
    def __init__(self, path: str) -> None:
        self.path = path

    async def load(self) -> list[str]:
        async with aiofiles.open(self.path) as f:
            return await f.readlines()


async def main() -> None:
    fd, path = tempfile.mkstemp()
    os.write(fd, b"a\nb\n")
    os.close(fd)
    try:
        print("ok", await Store(path).load())
    finally:
        os.unlink(path)


asyncio.run(main())
