"""aiofiles: f = await aiofiles.open() (trap: the context manager is also awaitable), then await f.read() and f.close()."""
import asyncio
import os
import tempfile

import aiofiles


async def read_config(path: str) -> str:
    f = await aiofiles.open(path)
    data = await f.read()
    await f.close()
    return data


async def main() -> None:
    fd, path = tempfile.mkstemp()
    os.write(fd, b"key=value\n")
    os.close(fd)
    try:
        print("ok", await read_config(path))
    finally:
        os.unlink(path)


asyncio.run(main())
