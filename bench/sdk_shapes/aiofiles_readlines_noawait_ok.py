"""aiofiles: await f.readlines(), then a plain comprehension over the list."""
import asyncio
import os
import tempfile

import aiofiles


async def non_empty(path: str) -> list[str]:
    async with aiofiles.open(path) as f:
        return [line for line in await f.readlines() if line.strip()]


async def main() -> None:
    fd, path = tempfile.mkstemp()
    os.write(fd, b"a\n\nb\n")
    os.close(fd)
    try:
        print("ok", await non_empty(path))
    finally:
        os.unlink(path)


asyncio.run(main())
