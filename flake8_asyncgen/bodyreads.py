"""Parameters a function's body reads an attribute or item of before anything can stop it.

Why: real code hands the coroutine a call gave to a helper that uses it at once
(line-bot-sdk's ``Event.new_from_json_dict(response.json)``, whose first statement reads
``data.items()``; the ``json`` property returned ``self.response.json()`` un-awaited).  The
mistake is at the call, but the failure is inside the helper, where no annotation says what
the parameter must be.  When the helper's body, on every path, reads ``param.attr`` or
``param[...]`` before it could return, raise, branch or test what the parameter is, passing a
coroutine (or an async generator) there fails: AGN210 judges the argument at the call (see
:func:`callsignature.landing`).

Only what runs unconditionally is read: the function's top-level statements in order, up to
and including the header of the first compound statement (an ``if``'s test, a ``for``'s
iterable, a ``with``'s managers), the first ``return``, a ``try`` (its handlers may catch the
error) or a rebinding of the parameter; within an expression, only operands always evaluated
(the first operand of ``and`` / ``or``, the test of a conditional expression, the first
iterable of a comprehension; not a lambda).  A parameter given to ``isinstance``, ``hasattr``,
``callable``, ``getattr``, ``inspect.isawaitable`` and the like first is not judged: the body
asks what it is.  Attributes coroutine and async generator objects have (``send``, ``close``,
...) and private names are not reads that fail.
"""

from __future__ import annotations

import ast
from typing import Dict, FrozenSet, List, Optional, Tuple, Union

from .model import ParamDemand

_FunctionNode = Union[ast.FunctionDef, ast.AsyncFunctionDef]

# Attributes a coroutine or an async generator object has.
_OBJECT_ATTRIBUTES = frozenset({
    "send", "throw", "close", "asend", "athrow", "aclose",
})
# Calls that ask what an object is (by their last name).
_TESTS = frozenset({
    "isinstance", "issubclass", "type", "hasattr", "getattr", "callable", "vars", "dir",
    "isawaitable", "iscoroutine", "isasyncgen", "isfuture", "ensure_future", "iscoroutinefunction",
})
_ITEM = "[]"


class _Scan:
    """The walk of one function's unconditional prefix."""

    def __init__(self, names: Dict[str, Tuple[int, bool]]) -> None:
        self.names = names  # parameter -> (position, positional-only), still followed
        self.found: Dict[str, Tuple[str, int]] = {}  # parameter -> (attribute or "[]", line)

    def drop(self, name: str) -> None:
        self.names.pop(name, None)

    def read(self, name: str, what: str, line: int) -> None:
        if name in self.names and name not in self.found:
            self.found[name] = (what, line)

    def expr(self, node: Optional[ast.AST]) -> None:
        """Reads in the parts of ``node`` that are always evaluated."""
        if node is None:
            return
        kind = type(node)
        if kind is ast.Attribute:
            value = node.value  # type: ignore[attr-defined]
            attr = node.attr  # type: ignore[attr-defined]
            if type(value) is ast.Name and not attr.startswith("_") and (
                attr not in _OBJECT_ATTRIBUTES
            ):
                self.read(value.id, attr, node.lineno)  # type: ignore[attr-defined]
            self.expr(value)
        elif kind is ast.Subscript:
            value = node.value  # type: ignore[attr-defined]
            if type(value) is ast.Name:
                self.read(value.id, _ITEM, node.lineno)  # type: ignore[attr-defined]
            self.expr(value)
            self.expr(node.slice)  # type: ignore[attr-defined]
        elif kind is ast.Call:
            func = node.func  # type: ignore[attr-defined]
            called = func.attr if type(func) is ast.Attribute else getattr(func, "id", None)
            if called in _TESTS:
                for arg in node.args:  # type: ignore[attr-defined]
                    if type(arg) is ast.Name:
                        self.drop(arg.id)
            self.expr(func)
            for arg in node.args:  # type: ignore[attr-defined]
                self.expr(arg)
            for keyword in node.keywords:  # type: ignore[attr-defined]
                self.expr(keyword.value)
        elif kind is ast.BoolOp:
            self.expr(node.values[0])  # type: ignore[attr-defined]
        elif kind is ast.IfExp:
            self.expr(node.test)  # type: ignore[attr-defined]
        elif kind is ast.Compare:
            self.expr(node.left)  # type: ignore[attr-defined]
            self.expr(node.comparators[0])  # type: ignore[attr-defined]
        elif kind in _COMPREHENSIONS:
            self.expr(node.generators[0].iter)  # type: ignore[attr-defined]
        elif kind is ast.Dict:
            for key in node.keys:  # type: ignore[attr-defined]
                self.expr(key)
            for value in node.values:  # type: ignore[attr-defined]
                self.expr(value)
        elif kind in _PLAIN_EXPRESSIONS:
            for child in ast.iter_child_nodes(node):
                self.expr(child)

    def statement(self, node: ast.stmt) -> bool:
        """Reads in statement ``node``; False when nothing after it runs on every path."""
        kind = type(node)
        if kind is ast.Expr:
            self.expr(node.value)  # type: ignore[attr-defined]
            return True
        if kind is ast.Assign or kind is ast.AnnAssign or kind is ast.AugAssign:
            self.expr(node.value)  # type: ignore[attr-defined]
            targets = node.targets if kind is ast.Assign else [node.target]  # type: ignore
            for target in targets:
                for name in ast.walk(target):
                    if type(name) is ast.Name:
                        self.drop(name.id)
            return True
        if kind in _DEFINITIONS:
            self.drop(node.name)  # type: ignore[attr-defined]
            return True
        if kind is ast.Import or kind is ast.ImportFrom:
            for alias in node.names:  # type: ignore[attr-defined]
                self.drop((alias.asname or alias.name).split(".")[0])
            return True
        if kind in _NEUTRAL_STATEMENTS:
            return True
        if kind is ast.Return:
            self.expr(node.value)  # type: ignore[attr-defined]
        elif kind is ast.If or kind is ast.While:
            self.expr(node.test)  # type: ignore[attr-defined]
        elif kind is ast.For or kind is ast.AsyncFor:
            self.expr(node.iter)  # type: ignore[attr-defined]
        elif kind is ast.With or kind is ast.AsyncWith:
            for item in node.items:  # type: ignore[attr-defined]
                self.expr(item.context_expr)
        return False


_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
# Expressions all of whose children are evaluated every time.
_PLAIN_EXPRESSIONS = frozenset({
    ast.BinOp, ast.UnaryOp, ast.Await, ast.Tuple, ast.List, ast.Set, ast.Starred,
    ast.JoinedStr, ast.FormattedValue, ast.Slice,
})
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
# Statements that neither read nor stop anything (``assert`` may be compiled away).
_NEUTRAL_STATEMENTS = (ast.Pass, ast.Global, ast.Nonlocal, ast.Assert)


def body_reads(
    node: _FunctionNode, is_method: bool, known: FrozenSet[str]
) -> Tuple[ParamDemand, ...]:
    """The parameters of ``node`` (not ``self`` / ``cls`` of a method, nor those in
    ``known``, which their annotations already judge) whose attribute or item its body reads
    before anything can stop it, as :class:`ParamDemand` with ``read`` set."""
    args = node.args
    positional = args.posonlyargs + args.args
    names: Dict[str, Tuple[int, bool]] = {}
    for index, arg in enumerate(positional):
        if index == 0 and is_method:
            continue
        names[arg.arg] = (index, arg in args.posonlyargs)
    for arg in args.kwonlyargs:
        names[arg.arg] = (-1, False)
    for name in known:
        names.pop(name, None)
    if not names:
        return ()
    positions = dict(names)
    scan = _Scan(names)
    for statement in node.body:
        if not scan.names or not scan.statement(statement):
            break
    found: List[ParamDemand] = []
    for name, (what, line) in scan.found.items():
        # (Rebound or tested after the read: the read still came first.)
        position, positional_only = positions[name]
        found.append(ParamDemand(
            name, position, frozenset(), "", positional_only, read=what, line=line
        ))
    return tuple(found)
