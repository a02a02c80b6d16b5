"""A class attribute holding a data descriptor: reading the attribute on an instance is not
the descriptor object itself.  Nothing here may be reported."""


class _SyncedStore:
    """A data descriptor without `__get__` (networkx's `_CachedPropertyResetterAdjAndSucc`):
    setting stores the value in the instance, and reading gives that value."""

    def __set__(self, obj: object, value: object) -> None:
        obj.__dict__["_adj"] = value
        obj.__dict__["_succ"] = value


class AdjacencyGraph:
    _adj = _SyncedStore()
    _succ = _adj

    def __init__(self) -> None:
        self._adj = {}

    def has_node(self, node: str) -> bool:
        return node in self._succ
