"""What the analysis knows about code outside the project, by qualified name.

Everything not listed here that comes from outside the project is unknown,
and unknown means silence.
"""

from __future__ import annotations

# Installed packages whose APIs the rules know by qualified name below: they stay "outside"
# (never read from site-packages), so that this knowledge decides what they do.  Every other
# qualified name below is from the standard library (a test checks both).
KNOWN_BY_NAME = frozenset({"typing_extensions", "contextlib2", "anyio", "trio"})

# Decorators that return the function they decorate, or a wrapper of the same kind.
TRANSPARENT_DECORATORS = frozenset(
    {
        "staticmethod",
        "classmethod",
        "abc.abstractmethod",
        "typing.override",
        "typing_extensions.override",
        "typing.final",
        "typing_extensions.final",
        "typing.no_type_check",
        "typing_extensions.deprecated",
        "warnings.deprecated",
    }
)
# Decorators that turn a method into a getter called on attribute access (``obj.name``).
PROPERTY_DECORATORS = frozenset({"functools.cached_property"})
PROPERTY_BUILTINS = frozenset({"property"})
# Decorator factories whose result is transparent: ``@functools.wraps(fn)``.
TRANSPARENT_DECORATOR_FACTORIES = frozenset({"functools.wraps"})

ASYNC_CONTEXT_MANAGER_DECORATORS = frozenset(
    {"contextlib.asynccontextmanager", "contextlib2.asynccontextmanager"}
)
CONTEXT_MANAGER_DECORATORS = frozenset({"contextlib.contextmanager"})
OVERLOAD_DECORATORS = frozenset({"typing.overload", "typing_extensions.overload"})
ABSTRACT_DECORATORS = frozenset({"abc.abstractmethod"})

# Bases that define none of the methods a project class could call on itself.
NEUTRAL_BASES = frozenset(
    {
        "object",
        "abc.ABC",
        "typing.Generic",
        "typing.Protocol",
        "typing_extensions.Protocol",
        "typing_extensions.Generic",
    }
)
PROTOCOL_BASES = frozenset({"typing.Protocol", "typing_extensions.Protocol"})
NEUTRAL_METACLASSES = frozenset({"abc.ABCMeta", "type"})
NEUTRAL_CLASS_DECORATORS = frozenset(
    {
        "dataclasses.dataclass",
        "typing.final",
        "typing_extensions.final",
        "typing.runtime_checkable",
        "typing_extensions.runtime_checkable",
        "functools.total_ordering",
    }
)

ASYNC_ITERATOR_NAMES = frozenset({"AsyncGenerator", "AsyncIterator", "AsyncIterable"})
ASYNC_ITERATOR_ANNOTATIONS = frozenset(
    f"{mod}.{name}"
    for mod in ("typing", "typing_extensions", "collections.abc")
    for name in ASYNC_ITERATOR_NAMES
)

# APIs that need a coroutine (or awaitable) and reject an async generator: the index of the
# positional arguments to check (None: all of them).
COROUTINE_APIS: dict[str, int | None] = {
    "asyncio.run": 0,
    "asyncio.create_task": 0,
    "asyncio.ensure_future": 0,
    "asyncio.gather": None,
    "asyncio.wait_for": 0,
    "asyncio.shield": 0,
    "asyncio.run_coroutine_threadsafe": 0,
}
# Keyword names under which those APIs take the coroutine.
COROUTINE_API_KEYWORDS = frozenset({"main", "coro", "aw", "fut", "coro_or_future", "arg"})
# Libraries whose event loops, task groups and nurseries have those methods.
ASYNC_LIBRARIES = frozenset({"asyncio", "anyio", "trio"})
# Methods with these names on objects from those libraries (event loops, TaskGroups) need a
# coroutine as their first argument.
COROUTINE_METHODS = frozenset({"run_until_complete", "create_task"})

# APIs that take an async *function* and call it themselves: index of the function argument.
ASYNC_FUNCTION_APIS: dict[str, int] = {
    "anyio.run": 0,
    "trio.run": 0,
    "anyio.from_thread.run": 0,
    "trio.from_thread.run": 0,
}
ASYNC_FUNCTION_METHODS = frozenset({"start_soon"})

# Builtins that iterate positional arguments synchronously: name -> which positions, as
# (first index, last index or None for "to the end", only when this many positional args).
# ``next(it, default)`` iterates only ``it``; ``min(a, b)`` compares, ``min(it)`` iterates;
# ``iter(callable, sentinel)`` calls.
SYNC_ITERATING_BUILTINS: dict[str, tuple[int, int | None, int | None]] = {
    "list": (0, 0, None),
    "tuple": (0, 0, None),
    "set": (0, 0, None),
    "frozenset": (0, 0, None),
    "dict": (0, 0, None),
    "sorted": (0, 0, None),
    "sum": (0, 0, None),
    "enumerate": (0, 0, None),
    "reversed": (0, 0, None),
    "any": (0, 0, None),
    "all": (0, 0, None),
    "next": (0, 0, None),
    "iter": (0, 0, 1),
    "min": (0, 0, 1),
    "max": (0, 0, 1),
    "zip": (0, None, None),
    "map": (1, None, None),
    "filter": (1, 1, None),
    # Methods of builtin types, on a receiver known to be one (a display or a constant).
    "str.join": (0, 0, None),
    "bytes.join": (0, 0, None),
    "list.extend": (0, 0, None),
    "set.update": (0, None, None),
    "set.union": (0, None, None),
    "set.intersection": (0, None, None),
    "set.difference": (0, None, None),
    "dict.update": (0, 0, None),
    "dict.fromkeys": (0, 0, None),
}
# Functions from the standard library that iterate positional arguments the same way.
SYNC_ITERATING_FUNCTIONS: dict[str, tuple[int, int | None, int | None]] = {
    "collections.deque": (0, 0, None),
    "collections.Counter": (0, 0, None),
    "collections.OrderedDict": (0, 0, None),
    "itertools.chain": (0, None, None),
    "itertools.islice": (0, 0, None),
    "itertools.cycle": (0, 0, None),
    "itertools.groupby": (0, 0, None),
    "itertools.accumulate": (0, 0, None),
    "functools.reduce": (1, 1, None),
    "math.fsum": (0, 0, None),
    "math.prod": (0, 0, None),
    "statistics.mean": (0, 0, None),
    "statistics.median": (0, 0, None),
}


def iterates_argument(api: str, index: int, positional: int) -> bool:
    """Whether ``api(...)`` (a builtin, a builtin type's method or a function of
    :data:`SYNC_ITERATING_FUNCTIONS`) iterates its positional argument ``index`` of
    ``positional``."""
    first, last, only_with = SYNC_ITERATING_BUILTINS.get(api) or SYNC_ITERATING_FUNCTIONS[api]
    if only_with is not None and positional != only_with:
        return False
    return index >= first and (last is None or index <= last)


# Names of APIs whose arguments are worth looking at; lets the cheap pre-scan skip all others.
INTERESTING_CALL_NAMES = frozenset(
    {name.rsplit(".", 1)[-1] for name in COROUTINE_APIS}
    | COROUTINE_METHODS
    | {name.rsplit(".", 1)[-1] for name in ASYNC_FUNCTION_APIS}
    | ASYNC_FUNCTION_METHODS
    | set(SYNC_ITERATING_BUILTINS)
)
