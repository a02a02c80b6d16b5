"""aiofiles: aiofiles.open() neither awaited nor entered; the context manager used as the file."""
import asyncio
import os
import tempfile

import aiofiles


async def read_config(path: str) -> str:
    f = aiofiles.open(path)  # misuse: AiofilesContextManager neither awaited nor entered
    data = await f.read()  # error: AttributeError: 'AiofilesContextManager' object has no attribute 'read'
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
