"""AGN208 on classes deriving from asyncio's protocol classes (`asyncio.Protocol`,
`BufferedProtocol`, `DatagramProtocol`, ...): known bases whose members are callbacks only, no
special method (websockets' `Connection(asyncio.Protocol)` is async-iterable, not iterable)."""
import asyncio
from typing import Iterator, List


class LineProtocol(asyncio.Protocol):
    """asyncio's protocol classes are known bases (websockets' `Connection`): callbacks only."""

    def __init__(self) -> None:
        self.lines: List[str] = []

    def data_received(self, data: bytes) -> None:
        self.lines.append(data.decode())

    def __aiter__(self) -> "LineProtocol":
        return self

    async def __anext__(self) -> str:
        if not self.lines:
            raise StopAsyncIteration
        return self.lines.pop(0)


class ListingProtocol(asyncio.Protocol):
    def __iter__(self) -> Iterator[str]:
        return iter(())


def drain_lines(protocol: LineProtocol, listing: ListingProtocol) -> List[str]:
    # Traps: a protocol class defining `__iter__`.
    return [line for line in protocol] + list(listing)  # error: AGN208
