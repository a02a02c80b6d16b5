"""Decorators that keep the kind of what they decorate by choosing their wrapper by kind.

A decorator that must work on both plain and ``async def`` functions (redis'
``deprecated_function``, retry, timing and logging decorators) cannot use one wrapper:
a plain wrapper returning ``func(...)`` hands back whatever calling ``func`` gives, but an
``async def`` wrapper returning ``await func(...)`` gives a coroutine whatever ``func`` is.
So it asks ``inspect.iscoroutinefunction(func)`` and returns the ``async def`` wrapper
only there.  Such a decorator gives back a function whose call gives what calling the
decorated one gives: a coroutine for a coroutine function, an async generator for an
async generator function (the plain wrapper returns it as it is), anything else as is.

A decorator with only the plain wrapper keeps the kind as well.  This module reads that
shape from the decorator's own body, syntactically, with no knowledge of the decorated
function:

* every ``return`` of the decorator gives back its parameter itself, or a function defined
  once in its body (decorated with ``wraps`` at most) that is one of
  - a plain ``def`` whose every return is ``func(...)`` (or a name bound once to it) and
    that cannot fall off its end;
  - an ``async def`` without ``yield`` whose every return is ``await func(...)`` (or a
    name bound once to it), that cannot fall off its end, returned only where
    ``iscoroutinefunction(func)`` is true (the ``if`` branch, the rest of the body after
    ``if not iscoroutinefunction(func): return ...``, or the matching arm of a conditional
    expression);
* the parameter is never rebound.

Anything else (a wrapper that swallows errors and returns None, a third kind of wrapper,
a test of something else) is not this shape, and the decorator stays unknown.
"""

from __future__ import annotations

import ast
from typing import Dict, List, Optional, Set, Union

from .exits import ends_in_exit

Function = Union[ast.FunctionDef, ast.AsyncFunctionDef]


def preserves_kind(node: Function, in_class: bool) -> bool:
    """Whether the plain ``def`` ``node`` is a decorator that returns a wrapper of the
    same kind as the function it is given (see the module docstring)."""
    if isinstance(node, ast.AsyncFunctionDef):
        return False
    positional = node.args.posonlyargs + node.args.args
    if in_class:
        positional = positional[1:]
    if len(positional) != 1 or node.args.vararg is not None:
        return False
    return _Decorator(node, positional[0].arg).keeps_kind()


class _Decorator:
    def __init__(self, node: ast.FunctionDef, param: str) -> None:
        self.node = node
        self.param = param
        # Names bound in the decorator's own body (not inside nested functions): a wrapper
        # counts only when its name is bound once, by its ``def``.
        self.bound: Dict[str, int] = {}
        self.wrappers: Dict[str, Function] = {}
        # Names bound to ``iscoroutinefunction(param)`` (``is_async = ...``; a test counts
        # only when the name is bound once).
        self.tests: Set[str] = set()
        self.returns = 0

    def keeps_kind(self) -> bool:
        if not self._collect(self.node.body):
            return False
        if not ends_in_exit(self.node.body):
            return False
        return self._walk(self.node.body, coroutine=False) and self.returns > 0

    # -- what the body binds -------------------------------------------------------------

    def _collect(self, body: List[ast.stmt]) -> bool:
        stack: List[ast.AST] = list(body)
        while stack:
            child = stack.pop()
            if isinstance(child, (ast.Global, ast.Nonlocal, ast.Yield, ast.YieldFrom)):
                return False
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.bound[child.name] = self.bound.get(child.name, 0) + 1
                if not isinstance(child, ast.ClassDef):
                    self.wrappers[child.name] = child
                stack.extend(child.decorator_list)
                continue  # its body is its own scope
            if isinstance(child, ast.Lambda):
                continue
            if isinstance(child, ast.Name) and not isinstance(child.ctx, ast.Load):
                if child.id == self.param:
                    return False  # rebound: what comes back may not be what came in
                self.bound[child.id] = self.bound.get(child.id, 0) + 1
            if isinstance(child, ast.Assign) and len(child.targets) == 1:
                target = child.targets[0]
                if isinstance(target, ast.Name) and self._is_test(child.value) is True:
                    self.tests.add(target.id)
            stack.extend(ast.iter_child_nodes(child))
        return True

    # -- where each return is ------------------------------------------------------------

    def _walk(self, body: List[ast.stmt], coroutine: bool) -> bool:
        """Check every return in ``body``; ``coroutine``: only reached when the parameter
        is a coroutine function."""
        for index, stmt in enumerate(body):
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            if isinstance(stmt, ast.Return):
                if not self._returns_kind(stmt.value, coroutine):
                    return False
                continue
            if isinstance(stmt, ast.If):
                test = self._is_test(stmt.test)
                if not self._walk(stmt.body, coroutine or test is True):
                    return False
                if not self._walk(stmt.orelse, coroutine or test is False):
                    return False
                if test is False and ends_in_exit(stmt.body) and not stmt.orelse:
                    # ``if not iscoroutinefunction(func): return sync``: the rest is async.
                    return self._walk(body[index + 1:], True)
                continue
            for child in ast.walk(stmt):
                if isinstance(child, ast.Return):
                    # Returns inside loops, ``try`` or ``with``: judged with no narrowing.
                    if not self._returns_kind(child.value, coroutine):
                        return False
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                    return False  # a function defined out of reach of the simple walk
        return True

    def _returns_kind(self, value: Optional[ast.expr], coroutine: bool) -> bool:
        if value is None:
            return False
        if isinstance(value, ast.IfExp):
            test = self._is_test(value.test)
            return self._returns_kind(
                value.body, coroutine or test is True
            ) and self._returns_kind(value.orelse, coroutine or test is False)
        if not isinstance(value, ast.Name):
            return False
        self.returns += 1
        if value.id == self.param:
            return True
        wrapper = self.wrappers.get(value.id)
        if wrapper is None or self.bound.get(value.id) != 1:
            return False
        if not all(_is_wraps(decorator) for decorator in wrapper.decorator_list):
            return False
        if isinstance(wrapper, ast.AsyncFunctionDef):
            return coroutine and _wrapper_returns(wrapper, self.param, awaited=True)
        return _wrapper_returns(wrapper, self.param, awaited=False)

    def _is_test(self, test: ast.expr) -> Optional[bool]:
        """True for a test true only when the parameter is a coroutine function, False for
        one true only when it is not, None for anything else."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = self._is_test(test.operand)
            return None if inner is None else not inner
        if isinstance(test, ast.Name):
            return True if test.id in self.tests and self.bound.get(test.id) == 1 else None
        if isinstance(test, ast.BoolOp):
            parts = [self._is_test(value) for value in test.values]
            if isinstance(test.op, ast.Or) and all(part is True for part in parts):
                return True
            if isinstance(test.op, ast.And) and any(part is True for part in parts):
                return True
            return None
        if isinstance(test, ast.Call) and len(test.args) == 1 and not test.keywords:
            argument = test.args[0]
            if _callee_name(test) == "iscoroutinefunction" and isinstance(
                argument, ast.Name
            ) and argument.id == self.param:
                return True
        return None


def _callee_name(call: ast.Call) -> Optional[str]:
    """The last name of what ``call`` calls (``inspect.iscoroutinefunction`` and
    ``iscoroutinefunction`` alike)."""
    callee = call.func
    if isinstance(callee, ast.Attribute):
        return callee.attr
    return callee.id if isinstance(callee, ast.Name) else None


def _is_wraps(decorator: ast.expr) -> bool:
    """``@wraps(func)`` / ``@functools.wraps(func)``: copies metadata, keeps the kind."""
    return isinstance(decorator, ast.Call) and _callee_name(decorator) == "wraps"


def _wrapper_returns(wrapper: Function, param: str, awaited: bool) -> bool:
    """Every return of ``wrapper`` is ``func(...)`` (``await func(...)`` when ``awaited``),
    or a name bound once, to that, in the wrapper (``result = func(...); log(); return
    result``); it has no ``yield`` and cannot fall off its end."""
    returned: List[Optional[ast.expr]] = []
    stores: Dict[str, int] = {}
    results: Set[str] = set()
    stack: List[ast.AST] = list(wrapper.body)
    while stack:
        child = stack.pop()
        if isinstance(child, (ast.Yield, ast.YieldFrom, ast.Global, ast.Nonlocal)):
            return False
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(child, ast.Return):
            returned.append(child.value)
        elif isinstance(child, ast.Name) and not isinstance(child.ctx, ast.Load):
            if child.id == param:
                return False
            stores[child.id] = stores.get(child.id, 0) + 1
        elif isinstance(child, ast.Assign) and len(child.targets) == 1 and isinstance(
            child.targets[0], ast.Name
        ) and _is_result(child.value, param, awaited):
            results.add(child.targets[0].id)
        stack.extend(ast.iter_child_nodes(child))
    if not returned:
        return False
    for value in returned:
        if isinstance(value, ast.Name) and value.id in results and stores.get(value.id) == 1:
            continue
        if not _is_result(value, param, awaited):
            return False
    return ends_in_exit(wrapper.body)


def _is_result(value: Optional[ast.expr], param: str, awaited: bool) -> bool:
    """``func(...)``, or ``await func(...)`` when ``awaited``."""
    if awaited:
        if not isinstance(value, ast.Await):
            return False
        value = value.value
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == param
    )
