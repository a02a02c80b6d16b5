"""Third link of a chain: lib.api.pull -> lib.api.v1.pull -> lib.facade.fetch_all -> lib.impl.stream."""
from .v1 import pull, push

__all__ = ["pull", "push"]
