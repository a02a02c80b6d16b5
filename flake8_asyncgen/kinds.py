"""What the analysis knows about code outside the project, by qualified name.

Everything not listed here that comes from outside the project is unknown,
and unknown means silence.
"""

from __future__ import annotations

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
# Decorator factories whose result is transparent: ``@functools.wraps(fn)``.
TRANSPARENT_DECORATOR_FACTORIES = frozenset({"functools.wraps"})

ASYNC_CONTEXT_MANAGER_DECORATORS = frozenset(
    {"contextlib.asynccontextmanager", "contextlib2.asynccontextmanager"}
)
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

_ASYNC_ITER_NAMES = ("AsyncGenerator", "AsyncIterator", "AsyncIterable")
ASYNC_ITERATOR_ANNOTATIONS = frozenset(
    f"{mod}.{name}"
    for mod in ("typing", "typing_extensions", "collections.abc")
    for name in _ASYNC_ITER_NAMES
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
# Methods with these names on objects we cannot resolve (event loops, TaskGroups) need a
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

# Builtins that iterate their (positional) arguments synchronously.
SYNC_ITERATING_BUILTINS = frozenset(
    {
        "list",
        "tuple",
        "set",
        "frozenset",
        "dict",
        "sorted",
        "sum",
        "next",
        "iter",
        "enumerate",
        "zip",
        "min",
        "max",
        "any",
        "all",
        "map",
        "filter",
        "reversed",
    }
)
# For map/filter the first argument is the function, not an iterable.
SYNC_ITERATING_SKIP_FIRST = frozenset({"map", "filter"})

# Names of APIs whose arguments are worth looking at; lets the cheap pre-scan skip all others.
INTERESTING_CALL_NAMES = frozenset(
    {name.rsplit(".", 1)[-1] for name in COROUTINE_APIS}
    | COROUTINE_METHODS
    | {name.rsplit(".", 1)[-1] for name in ASYNC_FUNCTION_APIS}
    | ASYNC_FUNCTION_METHODS
    | SYNC_ITERATING_BUILTINS
)
