"""Module-level names bound twice with different kinds: unknown to importers."""
import sys


async def fetch(key):
    return key


async def _fetch_stream(key):
    for part in key.split():
        yield part


# Rebinds `fetch` (first a coroutine function, now an async generator function).
fetch = _fetch_stream

if sys.version_info >= (3, 8):

    async def items():
        yield 1

else:

    async def items():
        return [1]


async def single():
    """Bound once: a known async generator."""
    yield 1
