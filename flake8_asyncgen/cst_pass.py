"""The libcst pass: one walk over the module with every rule, tracking scopes.

Imported only for files the pre-scan selected, so a run where no rule can fire
never loads libcst at all.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

import libcst as cst

from .facts import UNKNOWN, Desc
from .fixes import Fix
from .kinds import INTERESTING_CALL_NAMES
from .project import ModuleInfo
from .resolve import Evaluator, Value
from .rules import by_context
from .rules.base import Site
from .sites import site_value

_RULES = by_context()
_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)
_INTERESTING = INTERESTING_CALL_NAMES
_EMPTY = cst.Module(body=[])


class InternalError(Exception):
    """The analysis met something it cannot handle; reported as AGN900."""


def describe_cst(node: cst.CSTNode) -> Desc:
    if isinstance(node, cst.Name):
        return ("n", node.value)
    if isinstance(node, cst.Attribute):
        return ("a", describe_cst(node.value), node.attr.value)
    if isinstance(node, cst.Call):
        return ("c", describe_cst(node.func))
    if isinstance(node, cst.Await):
        return ("w", describe_cst(node.expression))
    if isinstance(node, cst.Subscript):
        return ("g", describe_cst(node.value))
    if isinstance(node, cst.IfExp):
        return ("if", describe_cst(node.body), describe_cst(node.orelse))
    return UNKNOWN


def _root_names(desc: Desc) -> List[str]:
    """The names an expression's value depends on (shadowed ones make it unknown)."""
    while desc[0] in ("a", "c", "w", "g"):
        desc = desc[1]
    if desc[0] == "n":
        return [str(desc[1])]
    if desc[0] == "if":
        return _root_names(desc[1]) + _root_names(desc[2])
    return []


def _target_names(node: cst.CSTNode) -> Set[str]:
    names: Set[str] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.Name):
            names.add(current.value)
        elif isinstance(current, (cst.Tuple, cst.List)):
            stack.extend(element.value for element in current.elements)
        elif isinstance(current, cst.StarredElement):
            stack.append(current.value)
    return names


class FileContext(cst.CSTVisitor):
    """Walks the libcst tree once, tracking scopes, and hands every site to the rules."""

    def __init__(self, evaluator: Evaluator, info: ModuleInfo) -> None:
        super().__init__()
        self.evaluator = evaluator
        self.info = info
        self.module_name = info.name
        self.findings: List[Tuple[cst.CSTNode, str, Dict[str, str], Optional[Fix]]] = []
        self._counter = 0
        self._scopes: List[int] = [0]
        self._functions: List[cst.FunctionDef] = []
        self._lines: List[cst.SimpleStatementLine] = []
        self._shadows: List[Set[str]] = []

    # -- what rules ask ----------------------------------------------------------------------
    def scope(self, sid: int) -> Dict[str, Any]:
        return self.info.scopes[sid]

    def current_function(self) -> int:
        return self._scopes[-1]

    def function_node(self) -> Optional[cst.FunctionDef]:
        return self._functions[-1] if self._functions else None

    def statement_line(self) -> Optional[cst.SimpleStatementLine]:
        return self._lines[-1] if self._lines else None

    def function_name(self) -> str:
        return str(self.info.scopes[self._scopes[-1]]["q"])

    def encloses(self, outer: int, inner: int) -> bool:
        current = self.info.scopes[inner]["p"]
        while current >= 0:
            if current == outer:
                return True
            current = self.info.scopes[current]["p"]
        return False

    def eval_node(self, node: cst.CSTNode) -> Value:
        desc = self._describe(node)
        if desc is None:
            return None
        return self.evaluator.eval(desc, self.module_name, self._scopes[-1])

    def _describe(self, node: cst.CSTNode) -> Optional[Desc]:
        """The node's descriptor, or None when nothing can be known about its value."""
        desc = describe_cst(node)
        return None if desc == UNKNOWN or self._shadowed(desc) else desc

    def written(self, node: cst.CSTNode) -> Optional[str]:
        """The called expression as the source writes it (``svc.stream`` for
        ``svc.stream(...)``), for advice in messages; None when not a short call."""
        if isinstance(node, cst.Await):
            node = node.expression
        if not isinstance(node, cst.Call):
            return None
        text = _EMPTY.code_for_node(node.func)
        return text if len(text) <= 60 and "\n" not in text else None

    def _shadowed(self, desc: Desc) -> bool:
        if self._shadows and self.info.scopes[self._scopes[-1]]["k"] == "c":
            return True  # a lambda or comprehension in a class body does not see the class
        return any(name in shadow for name in _root_names(desc) for shadow in self._shadows)

    def report(
        self, code: str, node: cst.CSTNode, fields: Dict[str, str], fix: Optional[Fix] = None
    ) -> None:
        self.findings.append((node, code, fields, fix))

    # -- sites -------------------------------------------------------------------------------
    def _site(self, context: str, node: cst.CSTNode, extra: Any = None) -> None:
        rules = _RULES[context]
        if not rules:
            return
        if context == "def":
            value, tag = site_value(self.evaluator, self.info, context, self._scopes[-1], UNKNOWN)
        else:
            desc = self._describe(node)
            if desc is None:
                return
            value, tag = site_value(self.evaluator, self.info, context, self._scopes[-1], desc)
        if tag is None:
            return
        site = Site(context, node, value, tag, extra)
        for rule in rules:
            if tag in rule.triggers:
                rule.check(site, self)

    # -- scopes ------------------------------------------------------------------------------
    def _enter(self) -> None:
        self._counter += 1
        if self._counter >= len(self.info.scopes):
            raise InternalError("scope numbering differs between ast and libcst")
        self._scopes.append(self._counter)

    # Decorators, defaults, annotations and bases are evaluated in the enclosing scope; only
    # the body runs in the new one.
    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        for decorator in node.decorators:
            decorator.visit(self)
        node.params.visit(self)
        if node.returns is not None:
            node.returns.visit(self)
        self._enter()
        self._functions.append(node)
        if node.returns is not None:
            self._site("def", node)
        node.body.visit(self)
        self._functions.pop()
        self._scopes.pop()
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        for decorator in node.decorators:
            decorator.visit(self)
        for arg in (*node.bases, *node.keywords):
            arg.visit(self)
        self._enter()
        node.body.visit(self)
        self._scopes.pop()
        return False

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._lines.append(node)

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine) -> None:
        self._lines.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        params = node.params
        every = list(params.posonly_params) + list(params.params) + list(params.kwonly_params)
        for star in (params.star_arg, params.star_kwarg):
            if isinstance(star, cst.Param):
                every.append(star)
        self._shadows.append({param.name.value for param in every})

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self._shadows.pop()

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, _COMPREHENSIONS):
            names: Set[str] = set()
            comp: Optional[cst.CompFor] = node.for_in
            while comp is not None:
                names |= _target_names(comp.target)
                comp = comp.inner_for_in
            self._shadows.append(names)
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode) -> None:
        super().on_leave(original_node)
        if isinstance(original_node, _COMPREHENSIONS):
            self._shadows.pop()

    # -- the places values are used ----------------------------------------------------------
    def visit_Await(self, node: cst.Await) -> None:
        self._site("await", node.expression, node)

    def visit_For(self, node: cst.For) -> None:
        self._site("aiter" if node.asynchronous else "iter", node.iter, "a `for` loop")

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._site("aiter" if node.asynchronous else "iter", node.iter, "a comprehension")

    def visit_With(self, node: cst.With) -> None:
        if node.asynchronous:
            for item in node.items:
                self._site("awith", item.item)

    def visit_Expr(self, node: cst.Expr) -> None:
        self._site("discard", node.value)

    def visit_From(self, node: cst.From) -> None:
        self._site("iter", node.item, "`yield from`")

    def visit_StarredElement(self, node: cst.StarredElement) -> None:
        self._site("iter", node.value, "`*` unpacking")

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None:
            self._site("return", node.value)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Name):
            name: Optional[str] = func.value
        elif isinstance(func, cst.Attribute):
            name = func.attr.value
        else:
            name = None
        interesting = name is not None and (name in _INTERESTING or name in self.info.aliases)
        index = 0
        for arg in node.args:
            if arg.star == "**":
                continue
            if arg.keyword is not None:
                if interesting:
                    self._site("arg", arg.value, (node, arg.keyword.value))
                continue
            if arg.star == "*":
                self._site("iter", arg.value, "`*` unpacking")
            elif interesting:
                self._site("arg", arg.value, (node, index))
            index += 1
