# Each finding here must not depend on anything else in the file: before engine v2, the
# pre-scan and the libcst pass listed sites with different walkers, and these three lines
# were reported only when some other line of the file made the libcst pass run.
import typing

AI = typing.AsyncIterator


async def ticks():
    yield 1


def discard_either(flag):
    # A discarded expression that is not a plain call: both arms give an async generator.
    ticks() if flag else ticks()  # error: AGN207


# An annotation through an alias of typing.AsyncIterator.
async def rows() -> AI[int]:  # error: AGN102
    return []


async def start():
    # An alias bound below its use (the module is fully executed before start() runs).
    spawn(ticks())  # error: AGN202


from asyncio import create_task as spawn  # noqa: E402


# Traps: the same expression kept (not discarded), the alias of a non-iterator annotation,
# and an awaited expression statement.
async def plain():
    return 1


def kept(flag):
    stream = ticks() if flag else ticks()
    return stream


List = typing.List


async def items() -> List[int]:
    return []


async def run_plain():
    await plain()
