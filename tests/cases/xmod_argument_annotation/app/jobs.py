import asyncio
from typing import AsyncIterator, List

OUTBOX: List[str] = []


async def send_email(address: str) -> None:
    await asyncio.sleep(0)
    OUTBOX.append(address)


async def render_report() -> str:
    """A coroutine: the whole report at once."""
    await asyncio.sleep(0)
    return "a,b\n1,2\n"


async def stream_report() -> AsyncIterator[str]:
    """An async generator: the report line by line."""
    for line in ("a,b\n", "1,2\n"):
        yield line
