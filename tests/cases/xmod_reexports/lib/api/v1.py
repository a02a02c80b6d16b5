from ..facade import fetch_all as pull
from ..impl import complete as push

__all__ = ["pull", "push"]
