"""Other half of the re-export cycle (see cycle_a)."""
from .cycle_a import ping

__all__ = ["ping"]
