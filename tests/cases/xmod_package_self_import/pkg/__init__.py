"""A package whose __init__ imports its own submodules, as many packages do."""
from . import streams
from .streams import ticker as exported_ticker

__all__ = ["streams", "exported_ticker"]
