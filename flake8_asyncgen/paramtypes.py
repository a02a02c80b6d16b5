"""What a parameter's annotation accepts, as far as this bug class goes.

A coroutine object is awaitable and nothing else: it is not iterable, not async-iterable
and not callable.  An async generator object is async-iterable and nothing else.  So a
parameter annotated ``AsyncIterable[str] | Iterable[str]`` (starlette's
``StreamingResponse(content)``) cannot take a coroutine, and one annotated
``Callable[..., Any]`` (``BackgroundTask(func)``) can take neither.

Only annotations whose every member is understood give a verdict: the typing and
``collections.abc`` protocols, ``None``, builtin types, unions of them (``Optional``,
``Union``, ``X | Y``, ``Annotated``), string annotations, and aliases of those assigned
earlier in the same module.  Anything else (a class, ``Any``, ``object``, a type variable, a
``Protocol``, an alias from another module) accepts, as far as this module can tell,
anything.
"""

from __future__ import annotations

import ast
import builtins
from typing import (
    Any, Callable, Dict, FrozenSet, Iterator, List, Mapping, Optional, Sequence, Tuple,
    TypeVar,
)

from .model import UNKNOWN_BINDING, Binding, FromImportBinding, ImportBinding, ParamDemand

# What fits a parameter: "await" (a coroutine does), "aiter" (an async generator does),
# "call", "iter", "value" (a builtin value type), "none".
AWAIT, AITER, CALL, ITER, VALUE, NONE = "await", "aiter", "call", "iter", "value", "none"
# An annotation naming one class (``response: httpx.Response``, ``Optional[Repo]``): whether
# a coroutine or an async generator fits it is decided where the class can be read.
CLASS = "class"
_TYPING_MODULES = ("typing", "collections.abc", "typing_extensions")
_PROTOCOL_TAGS: Dict[str, str] = {
    "Awaitable": AWAIT, "Coroutine": AWAIT,
    "AsyncIterable": AITER, "AsyncIterator": AITER, "AsyncGenerator": AITER,
    "Callable": CALL,
    **{name: ITER for name in (
        "Iterable", "Iterator", "Generator", "Reversible", "Collection", "Sequence",
        "MutableSequence", "Mapping", "MutableMapping", "Set", "AbstractSet", "MutableSet",
        "List", "Dict", "Tuple", "FrozenSet", "Deque", "KeysView", "ValuesView", "ItemsView",
    )},
    "Text": VALUE,
}
_BUILTIN_TAGS: Dict[str, str] = {
    **{name: VALUE for name in (
        "str", "bytes", "int", "float", "complex", "bool", "bytearray", "memoryview",
    )},
    **{name: ITER for name in ("list", "dict", "set", "frozenset", "tuple")},
}
_MAX_DEPTH = 8
_MAX_LITERAL_DEPTH = 6
# The tags that make a parameter worth keeping: every one rules out a coroutine or an async
# generator object unless the annotation also accepts it.  A builtin value type counts
# (``text: str`` given ``client.fetch(url)``): the object is none of them, and the call
# passed in never runs.
_PROTOCOL_RELATED = frozenset({AWAIT, AITER, CALL, ITER, VALUE})
_DECLARED_LENGTH = 80
_SHADOWED: Binding = UNKNOWN_BINDING  # a name bound around the ``def``: not the module's
T = TypeVar("T")


def demands(
    args: ast.arguments,
    bindings: Mapping[str, Binding],
    aliases: Mapping[str, ast.expr],
    enclosing: FrozenSet[str] = frozenset(),
) -> Tuple[ParamDemand, ...]:
    """The parameters of a signature whose annotations rule out what a coroutine or an
    async generator call gives; ``bindings`` and ``aliases`` are the module's so far, and
    ``enclosing`` the names a class body or function around the ``def`` binds (there, an
    annotation's name may mean something else)."""
    if enclosing:
        bindings = _Shadowed(bindings, enclosing)
        aliases = _Shadowed(aliases, enclosing)
    found: List[ParamDemand] = []
    positional = args.posonlyargs + args.args
    numbered = [(index, arg) for index, arg in enumerate(positional)]
    numbered += [(-1, arg) for arg in args.kwonlyargs]
    for position, arg in numbered:
        if arg.annotation is None:
            continue
        accepts = accepted(arg.annotation, bindings, aliases)
        if accepts is None:
            accepts = _one_class(arg.annotation, bindings)
            if accepts is None:
                continue
        elif not accepts & _PROTOCOL_RELATED or {AWAIT, AITER} <= accepts:
            continue
        declared = _written(arg.annotation, 0)
        if len(declared) > _DECLARED_LENGTH:
            declared = declared[: _DECLARED_LENGTH - 3] + "..."
        found.append(ParamDemand(
            arg.arg, position, accepts, declared, positional_only=arg in args.posonlyargs
        ))
    return tuple(found)


class _Shadowed(Mapping[str, T]):
    """A module's table seen from inside a class body or function: the names bound there
    hide the module's (no copy: this runs for every annotated method)."""

    def __init__(self, table: Mapping[str, T], hidden: FrozenSet[str]) -> None:
        self.table = table
        self.hidden = hidden

    def __getitem__(self, name: str) -> T:
        if name in self.hidden:
            raise KeyError(name)
        return self.table[name]

    def get(self, name: str, default: Any = None) -> Any:
        if name in self.hidden:
            return _SHADOWED
        return self.table.get(name, default)

    def __contains__(self, name: object) -> bool:
        return name not in self.hidden and name in self.table

    def __iter__(self) -> Iterator[str]:
        return (name for name in self.table if name not in self.hidden)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def accepted(
    node: ast.expr,
    bindings: Mapping[str, Binding],
    aliases: Mapping[str, ast.expr],
    depth: int = 0,
) -> Optional[FrozenSet[str]]:
    """What annotation ``node`` accepts; None when some member is not understood."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(node, ast.Constant):
        if node.value is None:
            return frozenset({NONE})
        if isinstance(node.value, str):
            try:
                parsed = ast.parse(node.value.strip(), mode="eval").body
            except SyntaxError:
                return None
            return accepted(parsed, bindings, aliases, depth + 1)
        return None
    last: Optional[str] = None
    if isinstance(node, ast.Subscript):
        outer = _qualified(node.value, bindings)
        last = outer.rsplit(".", 1)[-1] if outer is not None else None
    members = union_members(node, last)
    if members is not None:
        return join_all(members, lambda member: accepted(member, bindings, aliases, depth + 1))
    if isinstance(node, ast.Subscript):
        if last == "Annotated":
            return accepted(_subscript_members(node)[0], bindings, aliases, depth + 1)
        return _named(node.value, bindings, aliases, depth)
    return _named(node, bindings, aliases, depth)


def _one_class(
    node: ast.expr, bindings: Mapping[str, Binding], depth: int = 0
) -> Optional[FrozenSet[str]]:
    """``{CLASS}`` (with ``NONE`` for ``Optional[...]``) when the annotation names one class
    that is not the typing module's (``Any``, a protocol) nor a builtin (``object``); None
    otherwise."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            parsed = ast.parse(node.value.strip(), mode="eval").body
        except SyntaxError:
            return None
        return _one_class(parsed, bindings, depth + 1)
    outer = _last_name(node.value) if isinstance(node, ast.Subscript) else None
    members = union_members(node, outer)
    if members is not None:
        named = [m for m in members if not (isinstance(m, ast.Constant) and m.value is None)]
        if len(named) != 1:
            return None
        found = _one_class(named[0], bindings, depth + 1)
        return found | {NONE} if found is not None and len(named) < len(members) else found
    if isinstance(node, ast.Subscript) and outer == "Annotated":
        return _one_class(_subscript_members(node)[0], bindings, depth + 1)
    if not isinstance(node, (ast.Name, ast.Attribute)):
        return None
    qualified = _qualified(node, bindings)
    if qualified is not None:
        module = qualified.rpartition(".")[0]
        if module in _TYPING_MODULES or not module:
            return None  # ``Any``, ``Protocol``s, ``object``, ``type``
    elif isinstance(node, ast.Name) and hasattr(builtins, node.id):
        return None
    return frozenset({CLASS})


def union_members(node: ast.expr, outer: Optional[str]) -> Optional[List[ast.expr]]:
    """The members of an annotation that is a union (``X | Y``, ``Union[X, Y]``,
    ``Optional[X]``: ``X`` and ``None``), ``outer`` being the last name of a subscript's
    value; None for anything else."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return [node.left, node.right]
    if isinstance(node, ast.Subscript):
        members = _subscript_members(node)
        if outer == "Optional" and len(members) == 1:
            return [members[0], ast.Constant(None)]
        if outer == "Union":
            return members
    return None


def join_all(
    members: Sequence[ast.expr], each: Callable[[ast.expr], Optional[FrozenSet[T]]]
) -> Optional[FrozenSet[T]]:
    """What a union accepts: what its members accept, together; None when one is unknown."""
    found: FrozenSet[T] = frozenset()
    for member in members:
        part = each(member)
        if part is None:
            return None
        found |= part
    return found


def _subscript_members(node: ast.Subscript) -> List[ast.expr]:
    return list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]


# Members of an annotation that take no ``True`` / ``False``: ``None`` and the sentinels SDKs
# use for "not given" (openai's ``NotGiven``, ``Omit``).
_SENTINEL_WORDS = ("NotGiven", "Omit", "NotSet", "Unset", "Missing", "NoneType")


def bool_literals(node: Optional[ast.AST], depth: int = 0) -> Optional[FrozenSet[bool]]:
    """The booleans an annotation accepts, when it accepts them only through ``Literal``
    (``Literal[True]``, ``Optional[Literal[False]] | NotGiven``); None when some member may
    take any boolean (``bool``, ``Any``, a type variable...)."""
    if not isinstance(node, ast.expr) or depth > _MAX_LITERAL_DEPTH:
        return None
    if isinstance(node, ast.Constant) and node.value is None:
        return frozenset()
    outer = _last_name(node.value) if isinstance(node, ast.Subscript) else None
    members = union_members(node, outer)
    if members is not None:
        return join_all(members, lambda member: bool_literals(member, depth + 1))
    if isinstance(node, ast.Subscript):
        if outer != "Literal":
            return None
        return frozenset(
            m.value for m in _subscript_members(node)
            if isinstance(m, ast.Constant) and isinstance(m.value, bool)
        )
    name = _last_name(node)
    if name is None:
        return None
    return frozenset() if any(word in name for word in _SENTINEL_WORDS) else None


def _last_name(node: ast.expr) -> Optional[str]:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _named(
    node: ast.expr,
    bindings: Mapping[str, Binding],
    aliases: Mapping[str, ast.expr],
    depth: int,
) -> Optional[FrozenSet[str]]:
    qualified = _qualified(node, bindings)
    if qualified is not None:
        module, _, name = qualified.rpartition(".")
        if module in _TYPING_MODULES and name in _PROTOCOL_TAGS:
            return frozenset({_PROTOCOL_TAGS[name]})
        if not module and name in _BUILTIN_TAGS:
            return frozenset({_BUILTIN_TAGS[name]})
        return None
    if isinstance(node, ast.Name) and node.id in aliases:
        return accepted(aliases[node.id], bindings, aliases, depth + 1)
    return None


def _qualified(node: ast.expr, bindings: Mapping[str, Binding]) -> Optional[str]:
    """``typing.Iterable`` for ``Iterable`` imported from typing (or ``typing.Iterable``
    with ``import typing``); ``str`` for a builtin the module does not rebind."""
    if isinstance(node, ast.Name):
        binding = bindings.get(node.id)
        if isinstance(binding, FromImportBinding):
            return f"{binding.module}.{binding.name}"
        if binding is None and node.id in _BUILTIN_TAGS and hasattr(builtins, node.id):
            return node.id
        return None
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        binding = bindings.get(node.value.id)
        if isinstance(binding, ImportBinding) and binding.module in _TYPING_MODULES:
            return f"{binding.module}.{node.attr}"
        return None
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
        inner = node.value
        if isinstance(inner.value, ast.Name) and inner.attr == "abc":
            binding = bindings.get(inner.value.id)
            if isinstance(binding, ImportBinding) and binding.module in (
                "collections", "collections.abc"
            ):
                return f"collections.abc.{node.attr}"
    return None


def _written(node: ast.expr, depth: int) -> str:
    """The annotation as written, for messages (``ast.unparse`` is slow on a hot path)."""
    if depth > 4:
        return "..."
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_written(node.value, depth + 1)}.{node.attr}"
    if isinstance(node, ast.Constant):
        if node.value is Ellipsis:
            return "..."
        return node.value if isinstance(node.value, str) else repr(node.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return f"{_written(node.left, depth + 1)} | {_written(node.right, depth + 1)}"
    if isinstance(node, ast.Subscript):
        members = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        inner = ", ".join(_written(member, depth + 1) for member in members)
        return f"{_written(node.value, depth + 1)}[{inner}]"
    if isinstance(node, ast.List):
        return "[" + ", ".join(_written(member, depth + 1) for member in node.elts) + "]"
    return "..."
