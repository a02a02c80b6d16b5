"""aiofiles: async with aiofiles.open(); the file iterated with async for."""
import asyncio
import os
import tempfile

import aiofiles


async def count_lines(path: str) -> int:
    n = 0
    async with aiofiles.open(path) as f:
        async for line in f:
            n += 1
    return n


async def main() -> None:
    fd, path = tempfile.mkstemp()
    os.write(fd, b"a\nb\nc\n")
    os.close(fd)
    try:
        print("ok", await count_lines(path))
    finally:
        os.unlink(path)


asyncio.run(main())
