# OPTIONS: --agn-python env
"""aiofiles, installed without type information (env/): its file objects come from a
singledispatch factory and get their methods from class decorators, so its source says nothing
the rules can use.  The stub bundled with flake8-asyncgen (flake8_asyncgen/stubs/aiofiles)
describes them: ``open()`` gives an object that is awaited or entered with ``async with``, and
the file it gives is iterated with ``async for``, its methods are coroutines.  ``aiofiles.os``
is not in the bundled stub: it is read from the installed source (a partial stub)."""
import aiofiles
import aiofiles.os


async def count_lines(path: str) -> int:
    n = 0
    async with aiofiles.open(path) as f:
        for _ in f:  # error: AGN208
            n += 1
    return n


async def first_lines(path: str) -> list:
    f = await aiofiles.open(path)
    try:
        return [line async for line in f.readlines()]  # error: AGN201
    finally:
        await f.close()


async def log(message: str) -> None:
    aiofiles.stdout.write(message)  # error: AGN211


async def sync_with(path: str) -> str:
    with aiofiles.open(path) as f:  # error: AGN208
        return await f.read()


async def names(folder: str) -> list:
    return [name async for name in aiofiles.os.listdir(folder)]  # error: AGN201


# Traps: the correct uses of the same objects.
async def read_all(path: str) -> str:
    async with aiofiles.open(path) as f:
        return await f.read()


async def each_line(path: str) -> int:
    n = 0
    async with aiofiles.open(path, "rb") as f:
        async for _ in f:
            n += 1
    return n


async def awaited_then_listed(path: str) -> int:
    f = await aiofiles.open(path)
    try:
        # ``readlines()`` is a coroutine giving a list: iterate what awaiting it gives.
        return len([line for line in await f.readlines()])
    finally:
        await f.close()


async def write(path: str, text: str) -> None:
    async with aiofiles.open(path, "w") as f:
        await f.write(text)
        # fileno() is a plain method, run directly.
        print(f.fileno())


async def cleanup(path: str, folder: str) -> list:
    await aiofiles.os.remove(path)
    return list(await aiofiles.os.listdir(folder))
