"""Traps: names from a re-export cycle are unknown (and resolving them must terminate).

Not importable at run time: the cycle never defines `ping`.
"""
from lib.cycle_a import ping
from lib import cycle_b


async def use_cycle():
    # trap: `ping` resolves to nothing (cycle_a -> cycle_b -> cycle_a): silence.
    await ping()
    async for item in ping():
        print(item)
    # trap: same, through the module attribute.
    await cycle_b.ping()
