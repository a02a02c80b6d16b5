# Bundled with flake8-asyncgen (see flake8_asyncgen/stubs/README.md); checked against aiofiles
# 0.8 to 25.1.
from typing import Any, Optional

from ..base import AiofilesContextManager, AsyncBase
from .binary import AsyncIndirectBufferedIOBase
from .text import AsyncTextIndirectIOWrapper

__all__ = (
    "open",
    "stdin",
    "stdout",
    "stderr",
    "stdin_bytes",
    "stdout_bytes",
    "stderr_bytes",
)

# The file class depends on the mode (text, buffered or raw); each is an ``AsyncBase``.
def open(
    file: Any,
    mode: str = "r",
    buffering: int = -1,
    encoding: Optional[str] = None,
    errors: Optional[str] = None,
    newline: Optional[str] = None,
    closefd: bool = True,
    opener: Any = None,
    *,
    loop: Any = None,
    executor: Any = None,
) -> AiofilesContextManager[AsyncBase]: ...

stdin: AsyncTextIndirectIOWrapper
stdout: AsyncTextIndirectIOWrapper
stderr: AsyncTextIndirectIOWrapper
stdin_bytes: AsyncIndirectBufferedIOBase
stdout_bytes: AsyncIndirectBufferedIOBase
stderr_bytes: AsyncIndirectBufferedIOBase
