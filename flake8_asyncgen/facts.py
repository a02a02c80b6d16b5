"""Collection of facts: one walk over a module's ``ast`` tree builds its summary.

The summary is plain JSON-able data (lists, dicts, strings, numbers), so it
can be cached on disk and shared between flake8's worker processes.  It
records, per scope (module, class, function; numbered in source pre-order,
the same numbering the libcst pass uses), what each name is bound to, and
per function what the kind resolution needs: ``async``, ``yield`` in its own
body, decorators, returned expressions, return annotation, stub body.

Expressions are kept as small "descriptors" (tuples):
``("n", name)``, ``("a", base, attr)``, ``("c", func)`` (a call; arguments
dropped), ``("w", expr)`` (await), ``("g", base)`` (subscript), ``("?",)``.
Bindings: ``("d", sid)`` def, ``("k", sid)`` class, ``("i", module)``,
``("f", module, name)``, ``("e", expr)`` or ``("e", expr, sid)`` (an
assignment, evaluated in scope ``sid``), ``("p",)`` parameter, ``("?",)``.
"""

from __future__ import annotations

import ast
from typing import Any, Dict, List, Optional, Tuple

from .kinds import ASYNC_ITERATOR_NAMES, INTERESTING_CALL_NAMES

Desc = Tuple[Any, ...]
Binding = Tuple[Any, ...]
Scope = Dict[str, Any]
# (context, scope id, descriptor, extra) — see SITE_CONTEXTS in rules.base.
Site = Tuple[str, int, Desc, Any]

SCHEMA_VERSION = 7
UNKNOWN: Desc = ("?",)
_UNKNOWN_BINDING: Binding = ("?",)
_PARAM: Binding = ("p",)
# ``x: T`` without a value: makes ``x`` local, binds nothing (unknown if nothing else binds it).
_DECLARED: Binding = ("a",)


def describe(node: ast.AST) -> Desc:
    """The descriptor of an expression, dropping everything the analysis ignores."""
    if isinstance(node, ast.Name):
        return ("n", node.id)
    if isinstance(node, ast.Attribute):
        return ("a", describe(node.value), node.attr)
    if isinstance(node, ast.Call):
        return ("c", describe(node.func))
    if isinstance(node, ast.Await):
        return ("w", describe(node.value))
    if isinstance(node, ast.Subscript):
        return ("g", describe(node.value))
    if isinstance(node, ast.IfExp):
        return ("if", describe(node.body), describe(node.orelse))
    return UNKNOWN


def describe_annotation(node: Optional[ast.AST]) -> Optional[Desc]:
    if node is None:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = ast.parse(node.value.strip(), mode="eval").body
        except (SyntaxError, ValueError, RecursionError):
            return UNKNOWN
    return describe(node)


def _is_stub_body(body: List[ast.stmt]) -> bool:
    """A body that only documents a signature: docstring, ``...``, ``pass``, a raise."""
    for index, stmt in enumerate(body):
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            if stmt.value.value is Ellipsis or (index == 0 and isinstance(stmt.value.value, str)):
                continue
            return False
        if isinstance(stmt, ast.Raise) and stmt.exc is not None:
            exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
            if isinstance(exc, ast.Name) and exc.id in ("NotImplementedError", "NotImplemented"):
                continue
        return False
    return True


def _looks_like_overload(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    if isinstance(target, ast.Name):
        return target.id == "overload"
    return isinstance(target, ast.Attribute) and target.attr == "overload"


class _Collector:
    def __init__(self, module: str, is_package: bool, want_sites: bool) -> None:
        self.module = module
        self.is_package = is_package
        self.want_sites = want_sites
        self.scopes: List[Scope] = []
        self.sites: List[Site] = []
        self.stars: List[Optional[str]] = []
        self.exports: Optional[List[str]] = None
        # Module-level names bound after the last star import (a star cannot rebind them).
        self.after_star: set[str] = set()
        # Local names of interesting APIs imported under another name.
        self.aliases: set[str] = set()
        # Local names of AsyncIterator & co imported under another name.
        self.iter_aliases: set[str] = set()
        # class sid -> attr -> [(method name, method sid, binding)]
        self.instance_attrs: Dict[int, Dict[str, List[Tuple[str, int, Binding]]]] = {}
        self.sid = self._new_scope("m", "<module>", -1, 0)
        self.in_lambda = 0
        self.in_comprehension: set[int] = set()
        # Attribute names written on objects other than ``self`` (monkeypatching, setattr).
        self.patched: set[str] = set()

    # -- scopes and bindings ---------------------------------------------------------------
    def _new_scope(self, kind: str, name: str, parent: int, line: int) -> int:
        qual = name
        if parent > 0:
            qual = f"{self.scopes[parent]['q']}.{name}"
        self.scopes.append({"k": kind, "n": name, "q": qual, "p": parent, "l": line, "b": {}})
        return len(self.scopes) - 1

    def bind(self, name: str, binding: Binding) -> None:
        if self.sid == 0:
            self.after_star.add(name)
        table = self.scopes[self.sid]["b"]
        old = table.get(name)
        if old is None or old == _DECLARED:
            table[name] = binding
        elif old != binding and binding != _DECLARED:
            table[name] = _UNKNOWN_BINDING

    def bind_target(self, target: ast.AST) -> None:
        """Every name bound by an assignment target other than ``name = value``."""
        if isinstance(target, ast.Name):
            self.bind(target.id, _UNKNOWN_BINDING)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self.bind_target(elt)
        elif isinstance(target, ast.Starred):
            self.bind_target(target.value)
        elif isinstance(target, ast.Attribute):
            self._instance_attr(target, _UNKNOWN_BINDING)
            self.expr(target.value)
        else:
            self.expr(target)

    def _instance_attr(self, target: ast.Attribute, binding: Binding) -> None:
        """Record ``self.x = ...``; any other ``obj.x = ...`` marks ``x`` as patched."""
        name = target.value.id if isinstance(target.value, ast.Name) else None
        sid = self.sid
        while name is not None and sid > 0 and self.scopes[sid]["k"] == "f":
            scope = self.scopes[sid]
            parent = scope["p"]
            if scope.get("fp") == name and parent >= 0 and self.scopes[parent]["k"] == "c":
                if name in self.scopes[self.sid]["b"] and sid != self.sid:
                    break  # a local of the nested function, not the method's ``self``
                # From a function nested in the method: not the method's own assignment.
                method = scope["n"] if sid == self.sid else "<nested>"
                table = self.instance_attrs.setdefault(parent, {})
                table.setdefault(target.attr, []).append((method, self.sid, binding))
                return
            if name in scope["b"] and sid != self.sid:
                break
            sid = scope["p"]
        self.patched.add(target.attr)

    def site(self, context: str, node: ast.AST, extra: Any = None) -> None:
        if self.want_sites:
            desc = describe(node)
            if desc != UNKNOWN:
                self.sites.append((context, self.sid, desc, extra))

    # -- statements ------------------------------------------------------------------------
    def body(self, stmts: List[ast.stmt]) -> None:
        for stmt in stmts:
            self.stmt(stmt)

    def stmt(self, node: ast.stmt) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.function(node)
        elif isinstance(node, ast.ClassDef):
            self.klass(node)
        elif isinstance(node, ast.Assign):
            self.expr(node.value)
            if self.sid == 0 and any(
                isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
            ):
                self._exports(node.value)
            assigned = node.value
            is_alias = isinstance(assigned, (ast.Name, ast.Attribute)) and (
                getattr(assigned, "id", None) or getattr(assigned, "attr", None)
            ) in INTERESTING_CALL_NAMES
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.bind(target.id, ("e", describe(node.value)))
                    if is_alias:  # ``spawn = asyncio.create_task``: calls of spawn are API calls
                        self.aliases.add(target.id)
                elif isinstance(target, ast.Attribute):
                    self._instance_attr(target, ("e", describe(node.value), self.sid))
                    self.expr(target.value)
                else:
                    self.bind_target(target)
        elif isinstance(node, ast.AnnAssign):
            self.expr(node.annotation)
            if node.value is not None:
                self.expr(node.value)
                value = ("e", describe(node.value))
                if isinstance(node.target, ast.Name) and self.scopes[self.sid]["k"] == "c":
                    # A field declaration (dataclass, attrs, pydantic): instances may hold
                    # something else, so the default says nothing.
                    self.bind(node.target.id, _UNKNOWN_BINDING)
                elif isinstance(node.target, ast.Name):
                    self.bind(node.target.id, value)
                elif isinstance(node.target, ast.Attribute):
                    self._instance_attr(node.target, value + (self.sid,))
                    self.expr(node.target.value)
                else:
                    self.expr(node.target)
            elif isinstance(node.target, ast.Name) and self.scopes[self.sid]["k"] != "m":
                self.bind(node.target.id, _DECLARED)
        elif isinstance(node, ast.AugAssign):
            self.expr(node.value)
            if isinstance(node.target, ast.Name) and node.target.id == "__all__":
                self.exports = None  # computed: fall back to the module's public names
            self.bind_target(node.target)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            self.expr(node.iter)
            self.site("aiter" if isinstance(node, ast.AsyncFor) else "iter", node.iter)
            self.bind_target(node.target)
            self.body(node.body)
            self.body(node.orelse)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                self.expr(item.context_expr)
                if isinstance(node, ast.AsyncWith):
                    self.site("awith", item.context_expr)
                if isinstance(item.optional_vars, ast.Name):
                    entered = ("x", describe(item.context_expr))  # the value ``__aenter__`` gives
                    self.bind(item.optional_vars.id, ("e", entered))
                elif item.optional_vars is not None:
                    self.bind_target(item.optional_vars)
            self.body(node.body)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    self.bind(alias.asname, ("i", alias.name))
                else:
                    top = alias.name.split(".", 1)[0]
                    self.bind(top, ("i", top))
        elif isinstance(node, ast.ImportFrom):
            base = self._absolute(node.module, node.level)
            for alias in node.names:
                if alias.name == "*":
                    self.stars.append(base)
                    self.after_star = set()
                    continue
                name = alias.asname or alias.name
                if alias.asname and alias.name in INTERESTING_CALL_NAMES:
                    self.aliases.add(alias.asname)
                if alias.asname and alias.name in ASYNC_ITERATOR_NAMES:
                    self.iter_aliases.add(alias.asname)
                self.bind(name, ("f", base, alias.name) if base is not None else _UNKNOWN_BINDING)
        elif isinstance(node, ast.Global):
            self.scopes[self.sid].setdefault("gl", []).extend(node.names)
        elif isinstance(node, ast.Nonlocal):
            self.scopes[self.sid].setdefault("nl", []).extend(node.names)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                self.bind_target(target)
        elif isinstance(node, ast.Expr):
            self.expr(node.value)
            if isinstance(node.value, ast.Call):
                self.site("discard", node.value)
        elif isinstance(node, ast.Return):
            scope = self.scopes[self.sid]
            if scope["k"] == "f":
                scope["r"].append(describe(node.value) if node.value is not None else UNKNOWN)
            if node.value is not None:
                self.expr(node.value)
        elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            self.body(node.body)  # type: ignore[attr-defined]
            for handler in node.handlers:  # type: ignore[attr-defined]
                if handler.type is not None:
                    self.expr(handler.type)
                if handler.name:
                    self.bind(handler.name, _UNKNOWN_BINDING)
                self.body(handler.body)
            self.body(node.orelse)  # type: ignore[attr-defined]
            self.body(node.finalbody)  # type: ignore[attr-defined]
        elif isinstance(node, (ast.If, ast.While)):
            self.expr(node.test)
            self.body(node.body)
            self.body(node.orelse)
        elif type(node).__name__ == "Match":
            self.expr(node.subject)  # type: ignore[attr-defined]
            for case in node.cases:  # type: ignore[attr-defined]
                self.pattern(case.pattern)
                if case.guard is not None:
                    self.expr(case.guard)
                self.body(case.body)
        elif type(node).__name__ == "TypeAlias":
            self.bind_target(node.name)  # type: ignore[attr-defined]
        else:
            for child in _children(node):
                if isinstance(child, ast.expr):
                    self.expr(child)

    def _exports(self, value: ast.expr) -> None:
        if isinstance(value, (ast.List, ast.Tuple)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts
        ):
            self.exports = [e.value for e in value.elts]  # type: ignore[attr-defined]
        else:
            self.exports = None

    def pattern(self, node: ast.AST) -> None:
        for sub in ast.walk(node):
            for field in ("name", "rest"):
                value = getattr(sub, field, None)
                if isinstance(value, str):
                    self.bind(value, _UNKNOWN_BINDING)
            if isinstance(sub, ast.expr):
                self.expr(sub)

    def _absolute(self, module: Optional[str], level: int) -> Optional[str]:
        if level == 0:
            return module
        parts = self.module.split(".") if self.module else []
        if not self.is_package:
            parts = parts[:-1]
        drop = level - 1
        if drop > len(parts):
            return None
        parts = parts[: len(parts) - drop]
        if module:
            parts.append(module)
        return ".".join(parts) if parts else None

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for decorator in node.decorator_list:
            self.expr(decorator)
        self.arguments(node.args, defaults_only=True)
        if node.returns is not None:
            self.expr(node.returns)
        if not any(_looks_like_overload(d) for d in node.decorator_list):
            self.bind(node.name, ("d", len(self.scopes)))
        outer = self.sid
        sid = self._new_scope("f", node.name, outer, node.lineno)
        scope = self.scopes[sid]
        positional = node.args.posonlyargs + node.args.args
        scope.update(
            a=isinstance(node, ast.AsyncFunctionDef),
            y=False,
            d=[describe(d) for d in node.decorator_list],
            r=[],
            an=describe_annotation(node.returns),
            st=_is_stub_body(node.body),
            fp=positional[0].arg if positional else None,
        )
        self.sid = sid
        lambdas, self.in_lambda = self.in_lambda, 0
        self.arguments(node.args, defaults_only=False)
        self.body(node.body)
        self.in_lambda = lambdas
        if self.want_sites and scope["a"] and not scope["y"]:
            # Only coroutines can return async generators or carry a lying annotation.
            for returned in scope["r"]:
                if returned != UNKNOWN and returned[0] != "w":
                    self.sites.append(("return", sid, returned, None))
            if scope["an"] is not None and self._names_async_iterator(scope["an"]):
                self.sites.append(("def", sid, scope["an"], None))
        self.sid = outer

    def _names_async_iterator(self, annotation: Desc) -> bool:
        while annotation[0] == "g":
            annotation = annotation[1]
        last = annotation[-1] if annotation[0] in ("n", "a") else None
        return last in ASYNC_ITERATOR_NAMES or last in self.iter_aliases

    def arguments(self, args: ast.arguments, defaults_only: bool) -> None:
        if defaults_only:
            for default in list(args.defaults) + [d for d in args.kw_defaults if d is not None]:
                self.expr(default)
            return
        every = args.posonlyargs + args.args + args.kwonlyargs
        every += [a for a in (args.vararg, args.kwarg) if a is not None]
        for arg in every:
            self.bind(arg.arg, _PARAM)

    def klass(self, node: ast.ClassDef) -> None:
        for decorator in node.decorator_list:
            self.expr(decorator)
        for base in node.bases:
            self.expr(base)
        for keyword in node.keywords:
            self.expr(keyword.value)
        self.bind(node.name, ("k", len(self.scopes)))
        outer = self.sid
        sid = self._new_scope("c", node.name, outer, node.lineno)
        metaclass = [describe(k.value) for k in node.keywords if k.arg == "metaclass"]
        self.scopes[sid].update(
            bs=[describe(b) for b in node.bases],
            mc=metaclass[0] if metaclass else None,
            d=[describe(d) for d in node.decorator_list],
            # other class keywords (``__init_subclass__`` arguments) may change anything
            kw=any(k.arg != "metaclass" for k in node.keywords),
        )
        self.sid = sid
        self.body(node.body)
        self.sid = outer

    # -- expressions -----------------------------------------------------------------------
    def expr(self, node: ast.AST) -> None:
        stack = [node]
        while stack:
            node = stack.pop()
            kind = type(node)
            if kind is ast.Name or kind is ast.Constant:
                if kind is ast.Name:
                    assert isinstance(node, ast.Name)
                    if not isinstance(node.ctx, ast.Load):
                        self.bind(node.id, _UNKNOWN_BINDING)
                continue
            if kind is ast.Attribute:
                stack.append(node.value)  # type: ignore[attr-defined]
                continue
            if kind is ast.Call:
                assert isinstance(node, ast.Call)
                self.call(node)
                stack.append(node.func)
                stack.extend(node.args)
                stack.extend(keyword.value for keyword in node.keywords)
                continue
            elif kind is ast.Await:
                self.site("await", node.value)  # type: ignore[attr-defined]
            elif kind is ast.Yield or kind is ast.YieldFrom:
                if not self.in_lambda and self.scopes[self.sid]["k"] == "f":
                    self.scopes[self.sid]["y"] = True
                if kind is ast.YieldFrom:
                    self.site("iter", node.value)  # type: ignore[attr-defined]
            elif kind is ast.Starred:
                if isinstance(node.ctx, ast.Load):  # type: ignore[attr-defined]
                    self.site("iter", node.value)  # type: ignore[attr-defined]
            elif kind is ast.Lambda:
                self.arguments(node.args, defaults_only=True)  # type: ignore[attr-defined]
                self.in_lambda += 1
                self.expr(node.body)  # type: ignore[attr-defined]
                self.in_lambda -= 1
                continue
            elif kind in _COMPREHENSIONS:
                self.in_comprehension.update(
                    id(sub) for sub in ast.walk(node) if isinstance(sub, ast.NamedExpr)
                )
                # Targets bind in the comprehension's own scope: walk everything else.
                for generator in node.generators:  # type: ignore[attr-defined]
                    self.site("aiter" if generator.is_async else "iter", generator.iter)
                    stack.append(generator.iter)
                    stack.extend(generator.ifs)
                for field in ("elt", "key", "value"):
                    child = getattr(node, field, None)
                    if child is not None:
                        stack.append(child)
                continue
            elif kind is ast.NamedExpr:
                assert isinstance(node, ast.NamedExpr)
                if not self.in_lambda:
                    # In a comprehension the value is evaluated once per item: unknown.
                    value = UNKNOWN if id(node) in self.in_comprehension else describe(node.value)
                    self.bind(node.target.id, ("e", value))
                stack.append(node.value)
                continue
            stack.extend(_children(node))

    def call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name == "setattr" and len(node.args) >= 2:
            attr = node.args[1]
            if isinstance(attr, ast.Constant) and isinstance(attr.value, str):
                self.patched.add(attr.value)
        elif name == "__all__" or (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "__all__"
        ):
            self.exports = None  # ``__all__.extend(...)``: computed
        if name is None or (name not in INTERESTING_CALL_NAMES and name not in self.aliases):
            return
        for index, arg in enumerate(node.args):
            if not isinstance(arg, ast.Starred):
                self.site("arg", arg, index)
        for keyword in node.keywords:
            if keyword.arg is not None:
                self.site("arg", keyword.value, keyword.arg)


_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_CHILD_FIELDS: Dict[type, Tuple[str, ...]] = {}


def _children(node: ast.AST) -> List[ast.AST]:
    """Like ``ast.iter_child_nodes`` without the ``ctx`` markers, and faster (a hot path)."""
    kind = type(node)
    fields = _CHILD_FIELDS.get(kind)
    if fields is None:
        fields = _CHILD_FIELDS[kind] = tuple(f for f in kind._fields if f != "ctx")
    found: List[ast.AST] = []
    for field in fields:
        value = getattr(node, field, None)
        if isinstance(value, ast.AST):
            found.append(value)
        elif isinstance(value, list):
            found.extend(item for item in value if isinstance(item, ast.AST))
    return found


def _finish(collector: _Collector) -> Dict[str, Any]:
    scopes = collector.scopes
    module_scope = scopes[0]
    # ``global``/``nonlocal`` names are bound elsewhere: the binding moves out and is unknown.
    for scope in scopes:
        for name in scope.get("gl", ()):
            if scope["b"].pop(name, None) is not None:
                module_scope["b"][name] = _UNKNOWN_BINDING
        for name in scope.get("nl", ()):
            if scope["b"].pop(name, None) is None:
                continue  # only read: the enclosing binding stands
            parent = scope["p"]
            while parent > 0:
                owner = scopes[parent]
                if owner["k"] == "f" and name in owner["b"]:
                    owner["b"][name] = _UNKNOWN_BINDING
                    break
                parent = owner["p"]
    # Instance attributes: known only when assigned exactly once, in ``__init__``.
    for class_sid, table in collector.instance_attrs.items():
        attrs: Dict[str, Binding] = {}
        for attr, assignments in table.items():
            if len(assignments) == 1 and assignments[0][0] == "__init__":
                attrs[attr] = assignments[0][2]
            else:
                attrs[attr] = _UNKNOWN_BINDING
        scopes[class_sid]["ia"] = attrs
    # The same shapes as a summary read back from the cache (lists of descriptors as tuples).
    for scope in scopes:
        for field in ("d", "r", "bs"):
            if field in scope:
                scope[field] = tuple(scope[field])
    return {
        "v": SCHEMA_VERSION,
        "module": collector.module,
        "pkg": collector.is_package,
        "stars": collector.stars,
        "all": collector.exports,
        "post": sorted(collector.after_star) if collector.stars else [],
        "alias": sorted(collector.aliases),
        "patched": sorted(collector.patched),
        "scopes": scopes,
    }


def collect(
    tree: ast.Module, module: str, is_package: bool, want_sites: bool = False
) -> Tuple[Dict[str, Any], List[Site]]:
    """Summarise ``tree``; with ``want_sites``, also list the places a rule could fire."""
    collector = _Collector(module, is_package, want_sites)
    collector.body(tree.body)
    return _finish(collector), collector.sites
