"""A class of an installed package deriving from `asyncio.Protocol` has a known method order."""
from fakeweb.ws import connect, record


async def drain() -> list:
    connection = connect()
    return [message for message in connection]  # error: AGN208


async def drain_right() -> list:
    # Traps: iterated with `async for`; a protocol class defining `__iter__`.
    messages = [message async for message in connect()]
    return messages + list(record())
