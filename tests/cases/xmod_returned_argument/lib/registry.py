"""A plugin registry and a typed session maker, in another package of the project."""
from typing import Any, Callable, Dict, Generic, List, TypeVar

PLUGINS: Dict[str, Any] = {}
_AS = TypeVar("_AS", bound="AsyncSession")


def plugin(name: str):
    def deco(fn):
        PLUGINS[name] = fn
        return fn

    return deco


def hook(fn):
    """Registers and gives the function back unchanged."""
    HOOKS.append(fn)
    return fn


HOOKS: List[Callable[..., Any]] = []


def wrap_all(cls):
    """Hands the class to a function that may replace its methods: not followed."""
    _patch_methods(cls)
    return cls


def _patch_methods(cls: Any) -> None:
    for name in ("query",):
        setattr(cls, name, getattr(cls, name))


class AsyncSession:
    async def commit(self) -> None:
        self.dirty = False

    async def stream(self, query: str):
        yield query


class SessionMaker(Generic[_AS]):
    def __init__(self, factory: Callable[[], _AS]) -> None:
        self.factory = factory

    def __call__(self) -> _AS:
        return self.factory()
