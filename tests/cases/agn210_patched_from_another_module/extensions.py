"""Another module patches a method onto the pool's class: every pool has it from then on."""

import pool


def describe(self: pool.Pool) -> str:
    return "pool of %d" % self.size()


pool.Pool.describe = describe  # type: ignore[attr-defined]
