"""A web framework's request proxy (quart's and flask's shape): a module-level name
annotated with the class it stands for, bound to a proxy that hands every attribute on."""
from typing import Any, Callable, Dict

from .wrappers import Request, Settings


class LocalProxy:
    def __init__(self, lookup: Callable[[], Any]) -> None:
        object.__setattr__(self, "_lookup", lookup)

    def __getattr__(self, name: str) -> Any:
        return getattr(object.__getattribute__(self, "_lookup")(), name)


_current: Dict[str, Any] = {"request": Request({"name": "x"})}

request: Request = LocalProxy(lambda: _current["request"])  # type: ignore[assignment]

# Not a proxy: the value's own class decides, whatever the annotation says.
settings: Settings = Settings()
