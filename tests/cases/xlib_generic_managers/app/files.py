# OPTIONS: --agn-python env
"""Standard-library ABC bases whose special methods are known.

`fakefiles.open()` (in env/, shaped like aiofiles, unannotated) returns an
`AiofilesContextManager(collections.abc.Awaitable, contextlib.AbstractAsyncContextManager)`
defining `__await__`, `__aenter__`, `__aexit__` and `__slots__`: `with` on it lacks `__enter__`
(AGN208) and reading `.read` from it before awaiting is AGN210. Methods a known ABC supplies
(`AsyncIterator.__aiter__`, `AbstractAsyncContextManager.__aenter__`) count as defined.

Traps: `async with` / `await` on the manager; subclasses of `asyncio.Future` and
`contextlib.AsyncExitStack`, standard-library classes that are not known ABCs (unknown).
"""

import asyncio
import contextlib
import json
import os
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from typing import Any, Dict, Iterable, List

import fakefiles


class LineReader(AsyncIterator):
    """The lines of a file, without their newlines; `__aiter__` is AsyncIterator's."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._file: Any = None

    async def __anext__(self) -> str:
        if self._file is None:
            self._file = await fakefiles.open(self._path)
        line = await self._file.readline()
        if not line:
            await self._file.close()
            raise StopAsyncIteration
        return line.rstrip("\n")


class AtomicWrite(AbstractAsyncContextManager):
    """Collects the text and writes the file on a clean exit; `__aenter__` (returning self) is
    AbstractAsyncContextManager's."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.parts: List[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    async def __aexit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            tmp = f"{self.path}.tmp"
            async with fakefiles.open(tmp, "w") as f:
                await f.write("".join(self.parts))
            os.replace(tmp, self.path)


class Reply(asyncio.Future):
    """The reply to one request, resolved by the connection's reader task; leaving the block
    cancels it if it never came."""

    def __init__(self, request_id: int) -> None:
        super().__init__()
        self.request_id = request_id

    async def __aenter__(self) -> "Reply":
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        if not self.done():
            self.cancel()


class OpenFiles(contextlib.AsyncExitStack):
    """Every file of `paths`, opened on entry and closed on exit."""

    def __init__(self, paths: Iterable[str]) -> None:
        super().__init__()
        self.paths = list(paths)
        self.files: List[Any] = []

    async def __aenter__(self) -> "OpenFiles":
        await super().__aenter__()
        for path in self.paths:
            self.files.append(await self.enter_async_context(fakefiles.open(path)))
        return self


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def bug_sync_with(path: str) -> str:
    with fakefiles.open(path) as f:  # error: AGN208
        data = f.read()
    return data


async def bug_read_unawaited(path: str) -> str:
    f = fakefiles.open(path)
    return await f.read()  # error: AGN210


async def bug_sync_with_abc_subclass(path: str, rows: List[Dict[str, Any]]) -> None:
    # AbstractAsyncContextManager gives `__aenter__`, not `__enter__`.
    with AtomicWrite(path) as out:  # error: AGN208
        for row in rows:
            out.write(json.dumps(row) + "\n")


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------


async def ok_async_with(path: str) -> str:
    async with fakefiles.open(path) as f:
        return await f.read()


async def ok_awaited(path: str, text: str) -> None:
    f = await fakefiles.open(path, "w")
    try:
        await f.write(text)
    finally:
        await f.close()


async def ok_abc_aiter(path: str) -> List[str]:
    # `__aiter__` comes from AsyncIterator.
    return [line async for line in LineReader(path)]


async def ok_abc_aenter(path: str, rows: List[Dict[str, Any]]) -> None:
    # `__aenter__` comes from AbstractAsyncContextManager.
    async with AtomicWrite(path) as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")


async def ok_future_subclass() -> Dict[str, Any]:
    # asyncio.Future is not a known ABC: Reply's members (`__await__`,
    # `add_done_callback`, `set_result`) are unknown, not missing.
    loop = asyncio.get_running_loop()
    async with Reply(7) as reply:
        reply.add_done_callback(lambda done: print("reply", done.result()))
        loop.call_soon(reply.set_result, {"id": reply.request_id, "ok": True})
        return await reply


async def ok_exit_stack_subclass(paths: List[str]) -> List[str]:
    # contextlib.AsyncExitStack is not a known ABC either.
    opened = OpenFiles(paths)
    opened.callback(print, "closed", len(paths), "files")
    async with opened:
        return [await f.read() for f in opened.files]
