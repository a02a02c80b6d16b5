"""The JSON form of a module summary: the one place that knows it.

:func:`to_json` gives plain lists, dicts, strings, numbers and booleans;
:func:`from_json` rebuilds the typed summary and validates every field of what
it reads (it comes from disk, so it is untrusted): known tags only, scope
numbers in range, parents before children, bounded string lengths and nesting.
Anything invalid raises :class:`InvalidSummary`, and the caller treats the
entry as absent.
"""

from __future__ import annotations

import sys
from typing import Any, Dict, List, Optional, Tuple

from .model import (
    UnionExpr,
    def_binding,
    name_expr,
    DECLARED,
    LITERAL_TYPES,
    AsyncGenExpr,
    LiteralExpr,
    AlternativesBinding,
    SimpleBinding,
    PARAM,
    UNKNOWN,
    UNKNOWN_BINDING,
    AttrExpr,
    AwaitExpr,
    Binding,
    CallExpr,
    ClassBinding,
    ClassFacts,
    DeclaredBinding,
    DefBinding,
    ElementExpr,
    ItemExpr,
    MAX_UNPACKED,
    EnteredExpr,
    Expr,
    FromImportBinding,
    FunctionFacts,
    ParamDemand,
    IfExpr,
    ImportBinding,
    ModuleSummary,
    NameExpr,
    ParamBinding,
    Scope,
    ScopeKind,
    SubscriptExpr,
    ValueBinding,
    WrapExpr,
)

MAX_TEXT = 4096  # longest name, qualified name or module name accepted
MAX_DEPTH = 200  # deepest expression accepted (deeper code is re-read from source)
_SCOPE_KINDS: Dict[str, ScopeKind] = {"m": "module", "c": "class", "f": "function"}
_SCOPE_CODES = {kind: code for code, kind in _SCOPE_KINDS.items()}


class InvalidSummary(ValueError):
    """A summary read back from disk that is not one this version writes."""


# -- writing ---------------------------------------------------------------------------------


def expr_to_json(expr: Expr) -> List[Any]:
    if isinstance(expr, NameExpr):
        return ["n", expr.id]
    if isinstance(expr, AttrExpr):
        return ["a", expr_to_json(expr.base), expr.attr]
    if isinstance(expr, CallExpr):
        if expr.named:
            return [
                "c", expr_to_json(expr.func), [[k, v] for k, v in expr.literals],
                list(expr.named),
            ]
        if expr.literals:
            return ["c", expr_to_json(expr.func), [[k, v] for k, v in expr.literals]]
        return ["c", expr_to_json(expr.func)]
    if isinstance(expr, AwaitExpr):
        return ["w", expr_to_json(expr.value)]
    if isinstance(expr, SubscriptExpr):
        if expr.args:
            return ["g", expr_to_json(expr.value), [expr_to_json(arg) for arg in expr.args]]
        return ["g", expr_to_json(expr.value)]
    if isinstance(expr, IfExpr):
        if expr.or_:
            return ["if", expr_to_json(expr.body), expr_to_json(expr.orelse), 1]
        return ["if", expr_to_json(expr.body), expr_to_json(expr.orelse)]
    if isinstance(expr, EnteredExpr):
        return ["x", expr_to_json(expr.manager), expr.is_async]
    if isinstance(expr, AsyncGenExpr):
        return ["ag", expr.line]
    if isinstance(expr, LiteralExpr):
        if expr.items:
            return ["lit", expr.type_name, [expr_to_json(item) for item in expr.items]]
        return ["lit", expr.type_name]
    if isinstance(expr, ElementExpr):
        return ["el", expr_to_json(expr.container), expr.second]
    if isinstance(expr, ItemExpr):
        return ["it", expr_to_json(expr.value), expr.position, expr.size]
    if isinstance(expr, WrapExpr):
        return ["wrap", expr_to_json(expr.func), expr_to_json(expr.value)]
    if isinstance(expr, UnionExpr):
        return ["u", [expr_to_json(member) for member in expr.members]]
    return ["?"]


def binding_to_json(binding: Binding) -> List[Any]:
    if isinstance(binding, DefBinding):
        return ["d", binding.scope]
    if isinstance(binding, ClassBinding):
        return ["k", binding.scope]
    if isinstance(binding, ImportBinding):
        return ["i", binding.module]
    if isinstance(binding, FromImportBinding):
        return ["f", binding.module, binding.name]
    if isinstance(binding, ValueBinding):
        encoded: List[Any] = ["e", expr_to_json(binding.expr)]
        if binding.declared is not None:
            return encoded + [binding.scope, expr_to_json(binding.declared)]
        return encoded if binding.scope is None else encoded + [binding.scope]
    if isinstance(binding, ParamBinding) and binding.fallback is not None:
        declared = None if binding.declared is None else expr_to_json(binding.declared)
        return ["pf", declared, [[expr_to_json(expr), sid] for expr, sid in binding.passed],
                expr_to_json(binding.fallback)]
    if isinstance(binding, ParamBinding) and binding.passed:
        declared = None if binding.declared is None else expr_to_json(binding.declared)
        return ["p", declared, [[expr_to_json(expr), sid] for expr, sid in binding.passed]]
    if isinstance(binding, (ParamBinding, DeclaredBinding)):
        tag = "p" if isinstance(binding, ParamBinding) else "a"
        return [tag] if binding.declared is None else [tag, expr_to_json(binding.declared)]
    if isinstance(binding, AlternativesBinding):
        encoded = ["alt", [binding_to_json(option) for option in binding.options]]
        return encoded + [True] if binding.by_environment else encoded
    return ["?"]


def _scope_to_json(scope: Scope) -> Dict[str, Any]:
    data: Dict[str, Any] = {
        "k": _SCOPE_CODES[scope.kind],
        "n": scope.name,
        "q": scope.qualname,
        "p": scope.parent,
        "l": scope.line,
        "b": {name: binding_to_json(b) for name, b in scope.bindings.items()},
    }
    if scope.global_names:
        data["gl"] = sorted(scope.global_names)
    function = scope.function
    if function is not None:
        data["fn"] = {
            "a": function.is_async,
            "y": function.has_yield,
            "d": [expr_to_json(d) for d in function.decorators],
            "r": [expr_to_json(r) for r in function.returns],
            "an": None if function.annotation is None else expr_to_json(function.annotation),
            "st": function.is_stub,
            "fp": function.first_param,
            "aw": function.declares_awaited_stream,
            "yv": [expr_to_json(y) for y in function.yields],
            "rt": None if function.result_type is None else expr_to_json(function.result_type),
        }
        if function.keeps_signature is not None:
            data["fn"]["ks"] = function.keeps_signature
        if function.always_raises:
            data["fn"]["ar"] = True
        if function.only_warns:
            data["fn"]["ow"] = True
        if function.yield_type is not None:
            data["fn"]["yt"] = expr_to_json(function.yield_type)
        if function.falls_through:
            data["fn"]["ft"] = True
        if function.overloads:
            data["fn"]["ov"] = list(function.overloads)
        if function.literal_params:
            data["fn"]["lp"] = [list(p) for p in function.literal_params]
        if function.required_keywords:
            data["fn"]["rk"] = list(function.required_keywords)
        if function.params:
            data["fn"]["pd"] = [
                [p.name, p.position, sorted(p.accepts), p.declared, p.positional_only]
                + ([p.read, p.line] if p.read else [])
                for p in function.params
            ]
    klass = scope.klass
    if klass is not None:
        data["cl"] = {
            "bs": [expr_to_json(b) for b in klass.bases],
            "mc": None if klass.metaclass is None else expr_to_json(klass.metaclass),
            "d": [expr_to_json(d) for d in klass.decorators],
            "kw": klass.has_class_keywords,
            "ia": {name: binding_to_json(b) for name, b in klass.instance_attrs.items()},
        }
    return data


def to_json(summary: ModuleSummary) -> Dict[str, Any]:
    return {
        "scopes": [_scope_to_json(scope) for scope in summary.scopes],
        "stars": list(summary.stars),
        "all": None if summary.exports is None else list(summary.exports),
        "post": sorted(summary.after_star),
        "alias": sorted(summary.aliases),
        "patched": sorted(summary.patched),
        "ps": {
            name: [[expr_to_json(expr), scope] for expr, scope in sites]
            for name, sites in summary.patch_sites.items()
        },
    }


# -- reading ---------------------------------------------------------------------------------


def _fail(what: str) -> InvalidSummary:
    return InvalidSummary(what)


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise _fail(what)
    # Names repeat across every module read back (``self``, ``typing``, ``AsyncIterator``):
    # one copy each, as ``ast`` gives them (measured: -3 MiB peak on a warm run).
    return sys.intern(value)


def _int(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _fail(what)
    return value


def _bool(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(what)
    return value


def _list(value: Any, what: str) -> List[Any]:
    if not isinstance(value, list):
        raise _fail(what)
    return value


def _literals(data: Any) -> Tuple[Tuple[str, bool], ...]:
    found = []
    for item in _list(data, "literal arguments"):
        pair = _list(item, "literal argument")
        if len(pair) != 2:
            raise _fail("literal argument")
        found.append((_text(pair[0], "keyword"), _bool(pair[1], "literal")))
    if not found:
        raise _fail("empty literal arguments")
    return tuple(found)


def _literal_param(data: Any) -> Tuple[str, bool, bool]:
    items = _list(data, "literal parameter")
    if len(items) != 3:
        raise _fail("literal parameter")
    return (
        _text(items[0], "parameter"), _bool(items[1], "literal"), _bool(items[2], "default flag")
    )


def _param_demand(data: Any) -> ParamDemand:
    items = _list(data, "parameter")
    if len(items) not in (5, 7) or not isinstance(items[1], int) or isinstance(items[1], bool):
        raise _fail("parameter")
    accepts = frozenset(_texts(items[2], "accepted kinds"))
    if not accepts <= _ACCEPTED_KINDS:
        raise _fail("accepted kinds")
    read, line = ("", 0) if len(items) == 5 else (
        _text(items[5], "read attribute"), _int(items[6], "read line")
    )
    if len(items) == 7 and not read:
        raise _fail("read attribute")
    return ParamDemand(
        _text(items[0], "parameter"), items[1], accepts, _text(items[3], "type"),
        _bool(items[4], "positional-only flag"), read, line,
    )


_ACCEPTED_KINDS = frozenset({"await", "aiter", "call", "iter", "value", "none", "class"})


def _texts(value: Any, what: str) -> List[str]:
    return [_text(item, what) for item in _list(value, what)]


def expr_from_json(data: Any, depth: int = 0) -> Expr:
    if depth > MAX_DEPTH:
        raise _fail("expression nested too deeply")
    items = _list(data, "expression")
    if not items:
        raise _fail("empty expression")
    tag = items[0]
    size = len(items)
    if tag == "n" and size == 2:
        return name_expr(_text(items[1], "name"))
    if tag == "a" and size == 3:
        return AttrExpr(expr_from_json(items[1], depth + 1), _text(items[2], "attribute"))
    if tag == "c" and size == 2:
        return CallExpr(expr_from_json(items[1], depth + 1))
    if tag == "c" and size == 3:
        return CallExpr(expr_from_json(items[1], depth + 1), _literals(items[2]))
    if tag == "c" and size == 4:
        named = tuple(_text(name, "keyword") for name in _list(items[3], "keywords"))
        if not named:
            raise _fail("empty keywords")
        literals = _literals(items[2]) if _list(items[2], "literal arguments") else ()
        return CallExpr(expr_from_json(items[1], depth + 1), literals, named)
    if tag == "w" and size == 2:
        return AwaitExpr(expr_from_json(items[1], depth + 1))
    if tag == "g" and size == 2:
        return SubscriptExpr(expr_from_json(items[1], depth + 1))
    if tag == "g" and size == 3:
        args = tuple(expr_from_json(arg, depth + 1) for arg in _list(items[2], "type arguments"))
        if not args:
            raise _fail("empty type arguments")
        return SubscriptExpr(expr_from_json(items[1], depth + 1), args)
    if tag == "if" and (size == 3 or (size == 4 and items[3] == 1)):
        return IfExpr(
            expr_from_json(items[1], depth + 1), expr_from_json(items[2], depth + 1), size == 4
        )
    if tag == "x" and size == 2:
        return EnteredExpr(expr_from_json(items[1], depth + 1), True)
    if tag == "x" and size == 3:
        return EnteredExpr(expr_from_json(items[1], depth + 1), _bool(items[2], "async flag"))
    if tag == "ag" and size == 2:
        return AsyncGenExpr(_int(items[1], "line"))
    if tag == "lit" and size == 2 and items[1] in LITERAL_TYPES:
        return LiteralExpr(items[1])
    if tag == "lit" and size == 3 and items[1] in LITERAL_TYPES:
        shown = tuple(expr_from_json(item, depth + 1) for item in _list(items[2], "items"))
        if not shown:
            raise _fail("empty display items")
        return LiteralExpr(items[1], shown)
    if tag == "el" and size == 3:
        return ElementExpr(expr_from_json(items[1], depth + 1), _bool(items[2], "pair flag"))
    if tag == "it" and size == 4:
        index, count = _int(items[2], "item index"), _int(items[3], "item count")
        if not 0 <= index < count <= MAX_UNPACKED:
            raise _fail("item index out of range")
        return ItemExpr(expr_from_json(items[1], depth + 1), index, count)
    if tag == "wrap" and size == 3:
        return WrapExpr(expr_from_json(items[1], depth + 1), expr_from_json(items[2], depth + 1))
    if tag == "u" and size == 2:
        members = tuple(
            expr_from_json(member, depth + 1) for member in _list(items[1], "union members")
        )
        if len(members) < 2:
            raise _fail("a union of fewer than two members")
        return UnionExpr(members)
    if tag == "?" and size == 1:
        return UNKNOWN
    raise _fail("unknown expression")


class _Reader:
    """Rebuilds scopes, checking every cross-reference against the scope table."""

    def __init__(self, kinds: List[ScopeKind]) -> None:
        self.kinds = kinds

    def scope_ref(self, value: Any, kind: Optional[ScopeKind]) -> int:
        index = _int(value, "scope number")
        if not 0 <= index < len(self.kinds) or (kind is not None and self.kinds[index] != kind):
            raise _fail("scope number out of range")
        return index

    def binding(self, data: Any) -> Binding:
        items = _list(data, "binding")
        if items and items[0] == "alt" and len(items) in (2, 3):
            options = [self.simple_binding(option) for option in _list(items[1], "options")]
            if len(options) < 2:
                raise _fail("alternatives need two options")
            if len(items) == 3 and items[2] is not True:
                raise _fail("alternatives flag")
            return AlternativesBinding(tuple(options), len(items) == 3)
        return self.simple_binding(data)

    def simple_binding(self, data: Any) -> SimpleBinding:
        items = _list(data, "binding")
        if not items:
            raise _fail("empty binding")
        tag = items[0]
        size = len(items)
        if tag == "d" and size == 2:
            return def_binding(self.scope_ref(items[1], "function"))
        if tag == "k" and size == 2:
            return ClassBinding(self.scope_ref(items[1], "class"))
        if tag == "i" and size == 2:
            return ImportBinding(_text(items[1], "module"))
        if tag == "f" and size == 3:
            return FromImportBinding(_text(items[1], "module"), _text(items[2], "name"))
        if tag == "e" and size in (2, 3, 4):
            scope = self.scope_ref(items[2], None) if size >= 3 and items[2] is not None else None
            declared = expr_from_json(items[3]) if size == 4 else None
            return ValueBinding(expr_from_json(items[1]), scope, declared)
        if tag == "p" and size == 3:
            return ParamBinding(self.optional_expr(items[1]), self.passed(items[2]))
        if tag == "pf" and size == 4:
            passed = self.passed(items[2]) if items[2] != [] else ()
            return ParamBinding(self.optional_expr(items[1]), passed, expr_from_json(items[3]))
        if tag in ("p", "a") and size in (1, 2):
            declared = expr_from_json(items[1]) if size == 2 else None
            if tag == "p":
                return PARAM if declared is None else ParamBinding(declared)
            return DECLARED if declared is None else DeclaredBinding(declared)
        if tag == "?" and size == 1:
            return UNKNOWN_BINDING
        raise _fail("unknown binding")

    def passed(self, data: Any) -> Tuple[Tuple[Expr, int], ...]:
        """A helper parameter's arguments: (expression, scope it is evaluated in), at least
        one."""
        found = []
        for item in _list(data, "passed arguments"):
            pair = _list(item, "passed argument")
            if len(pair) != 2:
                raise _fail("passed argument")
            found.append((expr_from_json(pair[0]), self.scope_ref(pair[1], None)))
        if not found:
            raise _fail("empty passed arguments")
        return tuple(found)

    def bindings(self, data: Any) -> Dict[str, Binding]:
        if not isinstance(data, dict):
            raise _fail("bindings")
        return {_text(name, "bound name"): self.binding(b) for name, b in data.items()}

    def optional_expr(self, data: Any) -> Optional[Expr]:
        return None if data is None else expr_from_json(data)

    def function(self, data: Any) -> FunctionFacts:
        if not isinstance(data, dict):
            raise _fail("function facts")
        first = data.get("fp")
        return FunctionFacts(
            is_async=_bool(data.get("a"), "async flag"),
            has_yield=_bool(data.get("y"), "yield flag"),
            decorators=tuple(expr_from_json(d) for d in _list(data.get("d"), "decorators")),
            returns=[expr_from_json(r) for r in _list(data.get("r"), "returns")],
            annotation=self.optional_expr(data.get("an")),
            is_stub=_bool(data.get("st"), "stub flag"),
            first_param=None if first is None else _text(first, "parameter"),
            declares_awaited_stream=_bool(data.get("aw"), "awaited stream flag"),
            yields=[expr_from_json(y) for y in _list(data.get("yv"), "yields")],
            result_type=self.optional_expr(data.get("rt")),
            keeps_signature=_keeps_signature(data.get("ks")),
            always_raises=_bool(data.get("ar", False), "always-raises flag"),
            only_warns=_bool(data.get("ow", False), "only-warns flag"),
            yield_type=self.optional_expr(data.get("yt")),
            falls_through=_bool(data.get("ft", False), "falls-through flag"),
            params=tuple(_param_demand(item) for item in _list(data.get("pd", []), "params")),
            overloads=tuple(
                self.scope_ref(item, "function") for item in _list(data.get("ov", []), "overloads")
            ),
            literal_params=tuple(
                _literal_param(item) for item in _list(data.get("lp", []), "literal parameters")
            ),
            required_keywords=tuple(_texts(data.get("rk", []), "required keywords")),
        )

    def klass(self, data: Any) -> ClassFacts:
        if not isinstance(data, dict):
            raise _fail("class facts")
        return ClassFacts(
            bases=tuple(expr_from_json(b) for b in _list(data.get("bs"), "bases")),
            metaclass=self.optional_expr(data.get("mc")),
            decorators=tuple(expr_from_json(d) for d in _list(data.get("d"), "decorators")),
            has_class_keywords=_bool(data.get("kw"), "class keywords"),
            instance_attrs=self.bindings(data.get("ia")),
        )


def _keeps_signature(value: Any) -> Optional[str]:
    if value is None or value in ("decorator", "factory", "argument", "argument-shared", "kind"):
        return value  # type: ignore[no-any-return]
    raise _fail("signature-keeping flag")


def from_json(data: Any) -> ModuleSummary:
    """The summary ``data`` encodes; raises :class:`InvalidSummary` if anything is off."""
    if not isinstance(data, dict):
        raise _fail("not a summary")
    raw_scopes = _list(data.get("scopes"), "scopes")
    if not raw_scopes:
        raise _fail("no module scope")
    kinds: List[ScopeKind] = []
    for raw in raw_scopes:
        if not isinstance(raw, dict) or raw.get("k") not in _SCOPE_KINDS:
            raise _fail("scope kind")
        kinds.append(_SCOPE_KINDS[raw["k"]])
    if kinds[0] != "module" or "module" in kinds[1:]:
        raise _fail("module scope")
    reader = _Reader(kinds)
    scopes: List[Scope] = []
    for index, raw in enumerate(raw_scopes):
        parent = _int(raw.get("p"), "parent")
        if (index == 0 and parent != -1) or (index > 0 and not 0 <= parent < index):
            raise _fail("parent must precede its child")
        kind = kinds[index]
        function = reader.function(raw.get("fn")) if kind == "function" else None
        klass = reader.klass(raw.get("cl")) if kind == "class" else None
        if (kind != "function" and "fn" in raw) or (kind != "class" and "cl" in raw):
            raise _fail("facts of another scope kind")
        scopes.append(
            Scope(
                kind,
                _text(raw.get("n"), "scope name"),
                _text(raw.get("q"), "qualified name"),
                parent,
                _int(raw.get("l"), "line"),
                bindings=reader.bindings(raw.get("b")),
                function=function,
                klass=klass,
                global_names=frozenset(_texts(raw.get("gl", []), "global names")),
            )
        )
    # A ``def`` or ``class`` binding names a scope directly inside the binding's own scope;
    # an overload signature is a sibling of its implementation.
    for index, scope in enumerate(scopes):
        own = scope.function
        if own is not None and any(scopes[o].parent != scope.parent for o in own.overloads):
            raise _fail("overload outside its implementation's scope")
        for binding in scope.bindings.values():
            if isinstance(binding, (DefBinding, ClassBinding)):
                if scopes[binding.scope].parent != index:
                    raise _fail("definition bound outside its scope")
    stars = _list(data.get("stars"), "star imports")
    for star in stars:
        if star is not None:
            _text(star, "star import")
    exports = data.get("all")
    return ModuleSummary(
        scopes=scopes,
        stars=stars,
        exports=None if exports is None else _texts(exports, "__all__"),
        after_star=frozenset(_texts(data.get("post"), "names after star")),
        aliases=frozenset(_texts(data.get("alias"), "aliases")),
        patched=frozenset(_texts(data.get("patched"), "patched names")),
        patch_sites=_patch_sites(data.get("ps", {}), len(scopes)),
    )


def _patch_sites(data: Any, scope_count: int) -> Dict[str, List[Tuple[Expr, int]]]:
    if not isinstance(data, dict):
        raise _fail("patch sites")
    sites: Dict[str, List[Tuple[Expr, int]]] = {}
    for name, entries in data.items():
        found: List[Tuple[Expr, int]] = []
        for entry in _list(entries, "patch sites"):
            items = _list(entry, "patch site")
            if len(items) != 2:
                raise _fail("patch site")
            scope = _int(items[1], "patch site scope")
            if not 0 <= scope < scope_count:
                raise _fail("patch site scope")
            found.append((expr_from_json(items[0]), scope))
        sites[_text(name, "patched name")] = found
    return sites
