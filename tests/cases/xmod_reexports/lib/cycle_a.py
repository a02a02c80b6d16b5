"""Re-export cycle: `cycle_a.ping` comes from `cycle_b`, which takes it from `cycle_a`.

The name is defined nowhere (importing this module raises ImportError at run time);
the linter must not loop on it, and uses of `ping` are unknown.
"""
from .cycle_b import ping

__all__ = ["ping"]
