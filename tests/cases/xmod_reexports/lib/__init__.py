"""Public API of `lib`: names re-exported from submodules, listed in `__all__`."""
from .client import Client, default_client
from .facade import fetch_all
from .impl import complete, stream
from .impl import session as open_session

__all__ = [
    "Client",
    "complete",
    "default_client",
    "fetch_all",
    "open_session",
    "stream",
]
