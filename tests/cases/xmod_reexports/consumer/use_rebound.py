"""Traps: a re-export that the re-exporting module rebinds afterwards."""
from lib import compat
from lib.compat import stream


async def ok_rebound_reexport():
    # trap: `lib.compat` imports the async generator `stream` and then rebinds the name
    # to a coroutine function (two bindings, different kinds => unknown). Correct here.
    print(await stream("a b"))
    print(await compat.stream("a b"))
