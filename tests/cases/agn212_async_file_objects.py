"""AGN212 for file-like objects: the standard library's ``json.load`` / ``json.dump`` /
``pickle.load`` / ``pickle.dump`` call ``fp.read()`` / ``fp.write(...)`` and use what it returns
at once (typeshed: ``fp: SupportsRead[str | bytes]`` / ``SupportsWrite[str]``).  An object whose
method is a coroutine function (an aiofiles handle, an async stream wrapper) makes ``load``
raise TypeError ("the JSON object must be str, bytes or bytearray, not coroutine") and ``dump``
write nothing (every chunk's coroutine is dropped).

Real case: shenhe_bot wrote its text maps with ``json.dump(data, f)`` inside ``async with
aiofiles.open(...) as f``; the files stayed empty.
"""
import json
import pickle
from typing import Any, Dict


class AsyncFile:
    """A file opened for async use."""

    def __init__(self, path: str) -> None:
        self.path = path

    async def read(self) -> str:
        return "{}"

    async def write(self, text: str) -> int:
        return len(text)

    async def __aenter__(self) -> "AsyncFile":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        return None


def aopen(path: str) -> AsyncFile:
    return AsyncFile(path)


class SyncFile:
    def read(self) -> str:
        return "{}"

    def write(self, text: str) -> int:
        return len(text)


async def save(data: Dict[str, Any], path: str) -> None:
    async with aopen(path) as f:
        json.dump(data, f, indent=2)  # error: AGN212


async def load(path: str) -> Any:
    async with aopen(path) as f:
        return json.load(f)  # error: AGN212


async def snapshot(data: Dict[str, Any], handle: AsyncFile) -> None:
    pickle.dump(data, handle)  # error: AGN212


async def save_correctly(data: Dict[str, Any], path: str) -> Any:
    async with aopen(path) as f:
        await f.write(json.dumps(data, indent=2))
        loaded = json.loads(await f.read())
    plain = SyncFile()
    json.dump(data, plain)
    with open(path) as fh:
        loaded = json.load(fh)
    json.dump(AsyncFile(path).path, plain)  # the object dumped, not the file
    return loaded
