"""Automatic fixes: libcst replacements attached to findings, applied in one transform.

A fix replaces one node of the original tree (matched by identity) with a new
node, or with several statements.  Fixes are *safe* when the program means the
same to every caller afterwards, and *unsafe* when callers must change too
(for example a coroutine turned into an async generator).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, NamedTuple, Optional, Tuple

if TYPE_CHECKING:  # pragma: no cover
    import libcst as cst


class Fix(NamedTuple):
    target: "cst.CSTNode"
    replacement: Any  # a CSTNode, a FlattenSentinel of statements, or RemovalSentinel
    safe: bool
    description: str


def apply_fixes(module: "cst.Module", fixes: Iterable[Fix]) -> Tuple[str, List[Fix]]:
    """The module's code with ``fixes`` applied, and the fixes actually applied.

    A fix whose target lies inside another fix's target is dropped: one edit per region.
    """
    import libcst as cst

    chosen: Dict[int, Fix] = {}
    for fix in fixes:
        chosen.setdefault(id(fix.target), fix)
    targets = {id(fix.target) for fix in chosen.values()}

    class _Outer(cst.CSTVisitor):
        def __init__(self) -> None:
            super().__init__()
            self.depth = 0
            self.nested: List[int] = []

        def on_visit(self, node: cst.CSTNode) -> bool:
            if id(node) in targets:
                if self.depth:
                    self.nested.append(id(node))
                self.depth += 1
            return True

        def on_leave(self, original_node: cst.CSTNode) -> None:
            if id(original_node) in targets:
                self.depth -= 1

    outer = _Outer()
    module.visit(outer)
    for nested in outer.nested:
        chosen.pop(nested, None)

    class _Replace(cst.CSTTransformer):
        def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
            fix = chosen.get(id(original_node))
            return fix.replacement if fix is not None else updated_node

    return module.visit(_Replace()).code, list(chosen.values())


def async_for_delegation(
    line: "cst.SimpleStatementLine", item: str = "_agn_item", keep_return: bool = True
) -> Any:
    """The line ``return X`` becomes ``async for item in X: yield item`` (then ``return``),
    keeping the blank lines and comments around it."""
    import libcst as cst

    returned: Any = getattr(line.body[0], "value")
    loop = cst.For(
        target=cst.Name(item),
        iter=returned,
        body=cst.IndentedBlock(
            body=[cst.SimpleStatementLine(body=[cst.Expr(cst.Yield(cst.Name(item)))])],
            header=line.trailing_whitespace,
        ),
        asynchronous=cst.Asynchronous(),
        leading_lines=line.leading_lines,
    )
    if keep_return:
        return cst.FlattenSentinel([loop, cst.SimpleStatementLine(body=[cst.Return()])])
    return loop


def _own_body_visitor(function: object) -> Any:
    """A libcst visitor class that walks ``function``'s own body only: not nested functions,
    classes or lambdas (their statements are not the function's)."""
    import libcst as cst

    class _OwnBody(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is function

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return False

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

    return _OwnBody


def find_returns(function: "cst.FunctionDef") -> Optional[List["cst.SimpleStatementLine"]]:
    """The statement lines holding the function's own ``return`` statements, or None if any
    ``return`` shares its line with other statements (no clean rewrite)."""
    import libcst as cst

    lines: List[cst.SimpleStatementLine] = []
    ok = True

    class _Returns(_own_body_visitor(function)):  # type: ignore[misc]
        def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
            nonlocal ok
            if any(isinstance(stmt, cst.Return) for stmt in node.body):
                if len(node.body) != 1:
                    ok = False
                else:
                    lines.append(node)
            return False

    function.visit(_Returns())
    return lines if ok else None


def awaits_in_own_body(function: object) -> bool:
    """Whether a libcst FunctionDef uses ``await`` / ``async for`` / ``async with`` (or an
    async comprehension) outside nested functions and classes."""
    import libcst as cst

    found: List[bool] = []

    class _Visitor(_own_body_visitor(function)):  # type: ignore[misc]
        def visit_Await(self, node: cst.Await) -> None:
            found.append(True)

        def visit_For(self, node: cst.For) -> None:
            if node.asynchronous is not None:
                found.append(True)

        def visit_With(self, node: cst.With) -> None:
            if node.asynchronous is not None:
                found.append(True)

        def visit_CompFor(self, node: cst.CompFor) -> None:
            if node.asynchronous is not None:
                found.append(True)

    if isinstance(function, cst.FunctionDef):
        function.visit(_Visitor())
    return bool(found)
