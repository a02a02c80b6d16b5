"""What helpers receive: parameters known from their module's calls.

Why: real code hands its SDK clients and services to small helpers and wrapper classes
without annotating them (``def _first(client, key): return client.fetch(key).upper()``,
called as ``_first(Client(), "a")``; ``WrappedCompletions(client, original.completions)``),
so the misuse inside the helper was invisible.  For a parameter the body never rebinds nor
tests with ``isinstance`` / ``type`` / ``hasattr``, the argument each call passes (or the
default, where a call leaves it out) is recorded on its :class:`ParamBinding`; the evaluator
gives the parameter a value only when every one of them is an instance of one class (see
``Evaluator.name``).

A private name (``_helper``) is the module's own by convention: its calls are recorded only
when every use of it in the module is a direct call this module resolves to it, so they are
all it receives.  A public function, or a public class's ``__init__`` (called as the class),
may also be called from other modules with something else; its module's calls are still
paths the program takes, and a body that fails for what they pass fails on those paths, so
they are recorded too (when they all agree on one class).

Not followed, because the helper may receive something this module does not show: a private
name used otherwise than by direct calls (a callback, a table), a call through ``*args`` or
``**kwargs``, a decorated helper, caller or class (``staticmethod``, a wrapper, a class
decorator or metaclass), an inherited method called from a subclass, a name shadowed at the
call, and arguments inside a lambda or a comprehension (their variables are not modelled).
"""

from __future__ import annotations

import ast
from typing import Callable, Counter, Dict, List, Optional, Sequence, Tuple

from .model import ClassBinding, DefBinding, Expr, ParamBinding, Scope, last_name

_RECEIVER_DECORATORS = frozenset({"staticmethod", "classmethod"})


class HelperSignature:
    """A function's parameters as written, for matching its callers' arguments."""

    __slots__ = ("args", "decorated", "tested")

    def __init__(self, args: ast.arguments, decorated: bool) -> None:
        self.args = args
        self.decorated = decorated
        self.tested: frozenset[str] = frozenset()  # names the body tests the type of


class HelperCall:
    """A call whose callee is a private name: ``_f(...)`` or ``receiver._m(...)``."""

    __slots__ = ("name", "node", "scope", "shadowed")

    def __init__(self, name: str, node: ast.Call, scope: int, shadowed: bool) -> None:
        self.name = name
        self.node = node
        self.scope = scope  # where the call is (its arguments are evaluated there)
        self.shadowed = shadowed  # inside a lambda or comprehension


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def record_passed_arguments(
    scopes: List[Scope],
    signatures: Dict[int, HelperSignature],
    calls: Sequence[HelperCall],
    private_uses: Counter[str],
    describe: Callable[[ast.AST], Expr],
) -> None:
    """Give each eligible parameter of each helper the arguments its module's calls pass (a
    private one's only when those calls are all its uses)."""
    by_callee: Dict[int, List[Tuple[HelperCall, bool]]] = {}
    resolved: Counter[str] = Counter()
    for call in calls:
        target = _callee(scopes, signatures, call)
        if target is None:
            continue
        resolved[call.name] += 1
        by_callee.setdefault(target[0], []).append((call, target[1]))
    for callee, found in by_callee.items():
        name = scopes[callee].name
        if is_private(name) and resolved[name] != private_uses[name]:
            continue  # used otherwise too: passed on, stored, or called on another object
        _record(scopes, callee, signatures[callee], found, describe)


def _callee(
    scopes: List[Scope], signatures: Dict[int, HelperSignature], call: HelperCall
) -> Optional[Tuple[int, bool]]:
    """(the helper's scope, whether the call passes the receiver) when the call is a plain
    call of a module-level or nested function or of a class (its ``__init__``), or
    ``self.m(...)`` of a method the caller's own class defines."""
    func = call.node.func
    if isinstance(func, ast.Name):
        binding = visible_binding(scopes, call.scope, call.name)
        method = False
    elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        caller = scopes[call.scope]
        facts = caller.function
        signature = signatures.get(call.scope)
        if (facts is None or signature is None or facts.first_param != func.value.id
                or scopes[caller.parent].kind != "class"
                or any(last_name(d) in _RECEIVER_DECORATORS for d in facts.decorators)):
            return None
        binding = scopes[caller.parent].bindings.get(call.name)
        method = True
    else:
        return None
    if isinstance(binding, ClassBinding) and not method:
        # ``Wrapper(client, ...)``: its own ``__init__`` receives them, after ``self``.
        klass = scopes[binding.scope].klass
        if klass is None or klass.decorators or klass.metaclass is not None or (
            klass.has_class_keywords
        ):
            return None  # a decorator or metaclass may build the instance otherwise
        init = scopes[binding.scope].bindings.get("__init__")
        if not isinstance(init, DefBinding) or init.scope not in signatures or (
            signatures[init.scope].decorated
        ):
            return None
        return init.scope, True
    if not isinstance(binding, DefBinding) or binding.scope not in signatures:
        return None
    helper = scopes[binding.scope]
    if signatures[binding.scope].decorated or helper.name != call.name:
        return None
    if method != (scopes[helper.parent].kind == "class"):
        return None
    return binding.scope, method


def visible_binding(scopes: List[Scope], sid: int, name: str) -> object:
    """The binding of ``name`` a function body at scope ``sid`` sees (class bodies around it
    are skipped, as Python does)."""
    first = True
    while sid >= 0:
        scope = scopes[sid]
        if (first or scope.kind != "class") and name in scope.bindings:
            return scope.bindings[name]
        first = False
        sid = scope.parent
    return None


def _record(
    scopes: List[Scope],
    callee: int,
    signature: HelperSignature,
    calls: List[Tuple[HelperCall, bool]],
    describe: Callable[[ast.AST], Expr],
) -> None:
    args = signature.args
    positional = args.posonlyargs + args.args
    skip = 1 if calls[0][1] else 0  # the receiver
    defaults: Dict[str, ast.expr] = {}
    for arg, default in zip(reversed(positional), reversed(args.defaults)):
        defaults[arg.arg] = default
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults):
        if kw_default is not None:
            defaults[arg.arg] = kw_default
    for call, _ in calls:
        node = call.node
        if any(isinstance(a, ast.Starred) for a in node.args) or any(
            k.arg is None for k in node.keywords
        ):
            return  # ``*args`` / ``**kwargs``: which argument lands where is not known
    bindings = scopes[callee].bindings
    parent = scopes[callee].parent
    candidates = [(i - skip, arg, i < len(args.posonlyargs)) for i, arg in enumerate(positional)]
    candidates += [(-1, arg, False) for arg in args.kwonlyargs]
    for index, arg, positional_only in candidates:
        name = arg.arg
        if index < 0 and arg in positional:
            continue  # the receiver
        binding = bindings.get(name)
        if not isinstance(binding, ParamBinding) or binding.passed or name in signature.tested:
            continue
        passed: List[Tuple[Expr, int]] = []
        for call, _ in calls:
            value = _argument(call.node, index, name, positional_only)
            if value is not None:
                if call.shadowed:
                    break  # a lambda's or comprehension's variable may be in it
                passed.append((describe(value), call.scope))
            elif name in defaults:
                passed.append((describe(defaults[name]), parent))
            else:
                break  # a call that leaves it out fails anyway: say nothing
        else:
            if passed:
                # An annotation, when it names one class, still decides (the evaluator asks
                # the arguments only when it says nothing: ``Any``, a union of classes).
                bindings[name] = binding._replace(passed=tuple(passed))


def _argument(
    node: ast.Call, index: int, name: str, positional_only: bool
) -> Optional[ast.expr]:
    if 0 <= index < len(node.args):
        return node.args[index]
    if not positional_only:
        for keyword in node.keywords:
            if keyword.arg == name:
                return keyword.value
    return None
