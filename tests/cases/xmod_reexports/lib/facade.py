"""Second link of a re-export chain: renames `impl.stream`."""
from .impl import stream as fetch_all

__all__ = ["fetch_all"]
