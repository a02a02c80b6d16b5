"""The libcst pass: place each report on its libcst node and build the rules' fixes.

Run only for files with reports (so a clean run never loads libcst).  Sites are
found by the ``ast`` walk; here each report's span is matched to the libcst
expression with the same extent (``ast`` and libcst both leave parentheses out
of an expression's extent), the finding is placed at that node's position, and
the rule's fixer, if any, builds its replacement from the node.
"""

from __future__ import annotations

from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

import libcst as cst
from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

from .checker import Report
from .fixes import Fix
from .messages import format_message
from .rules.api import Located
from .sitetypes import Site, Span

CharSpan = Tuple[int, int, int, int]
_EMPTY = cst.Module(body=[])


class Placed(NamedTuple):
    line: int
    col: int
    code: str
    message: str
    fix: Optional[Fix]


def char_span(lines: Sequence[str], span: Span) -> CharSpan:
    """``ast`` columns are UTF-8 byte offsets; libcst's (and flake8's) count characters."""
    return (
        span.line, _char_col(lines, span.line, span.col),
        span.end_line, _char_col(lines, span.end_line, span.end_col),
    )


def _char_col(lines: Sequence[str], line: int, col: int) -> int:
    if not 0 < line <= len(lines) or col <= 0:
        return col
    text = lines[line - 1]
    if text.isascii():
        return col
    return len(text.encode("utf-8")[:col].decode("utf-8", "replace"))


class CstFile:
    """A libcst tree with the extent of every expression and each node's parent."""

    def __init__(self, source: str) -> None:
        self.module = cst.parse_module(source)
        wrapper = MetadataWrapper(self.module, unsafe_skip_copy=True)
        positions = wrapper.resolve(PositionProvider)
        self.parents = wrapper.resolve(ParentNodeProvider)
        self.positions = positions
        self.by_extent: Dict[CharSpan, cst.CSTNode] = {}
        for node, where in positions.items():
            if not isinstance(node, cst.BaseExpression):
                continue
            key = (where.start.line, where.start.column, where.end.line, where.end.column)
            known = self.by_extent.get(key)
            if known is None or self._is_inside(known, node):
                self.by_extent[key] = node  # keep the outermost expression of that extent

    def _is_inside(self, inner: cst.CSTNode, outer: cst.CSTNode) -> bool:
        current = self.parents.get(inner)
        while current is not None:
            if current is outer:
                return True
            current = self.parents.get(current)
        return False

    def parent_of(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        return self.parents.get(node)

    def find(self, lines: Sequence[str], span: Span) -> Optional[cst.CSTNode]:
        key = char_span(lines, span)
        found = self.by_extent.get(key)
        if found is None:
            # ``ast`` puts a generator expression's parentheses (its own, or the call's it is
            # the sole argument of) inside its extent; libcst leaves them out.
            inner = _inside_parentheses(lines, key)
            if inner is not None:
                found = self.by_extent.get(inner)
        return found

    def unplaced(self, lines: Sequence[str], sites: Sequence[Site]) -> List[Site]:
        """The sites that name no libcst expression (none, when both trees agree).  A
        ``special`` site names a ``def`` statement's first character, not an expression: its
        report stays where ``ast`` put it (it has no fix)."""
        return [
            site for site in sites
            if site.context != "special" and self.find(lines, site.span) is None
        ]


def _inside_parentheses(lines: Sequence[str], key: CharSpan) -> Optional[CharSpan]:
    """The extent inside the parentheses that open and close ``key``, if they do."""
    line, col, end_line, end_col = key
    if not (0 < line <= len(lines) and 0 < end_line <= len(lines)):
        return None
    if lines[line - 1][col:col + 1] != "(" or lines[end_line - 1][end_col - 1:end_col] != ")":
        return None
    line, col = _skip_space(lines, line, col + 1, forward=True)
    end_line, end_col = _skip_space(lines, end_line, end_col - 1, forward=False)
    return (line, col, end_line, end_col)


def _skip_space(lines: Sequence[str], line: int, col: int, forward: bool) -> Tuple[int, int]:
    """Move over whitespace, line breaks and comments from (line, col)."""
    while 0 < line <= len(lines):
        text = lines[line - 1]
        if forward:
            rest = text[col:]
            stripped = rest.lstrip(" \t\f")
            if stripped and stripped[0] not in "#\r\n\\":
                return line, col + len(rest) - len(stripped)
            line, col = line + 1, 0
        else:
            head = text[:col].rstrip(" \t\f")
            if head:
                return line, len(head)
            line -= 1
            col = len(lines[line - 1].rstrip("\r\n")) if line > 0 else 0
    return line, col


def written(node: Optional[cst.CSTNode]) -> Optional[str]:
    """The called expression as the source writes it (``svc.stream`` for ``svc.stream(...)``),
    for advice in messages; None when not a short call."""
    if isinstance(node, cst.Await):
        node = node.expression
    if not isinstance(node, cst.Call):
        return None
    text = _EMPTY.code_for_node(node.func)
    return text if len(text) <= 60 and "\n" not in text else None


def written_expression(node: Optional[cst.CSTNode]) -> Optional[str]:
    """The expression as the source writes it (``response.aiter_lines``), when short."""
    if node is None or not isinstance(node, cst.BaseExpression):
        return None
    text = _EMPTY.code_for_node(node)
    return text if len(text) <= 60 and "\n" not in text else None


def place(tree: CstFile, lines: Sequence[str], reports: Sequence[Report]) -> List[Placed]:
    """Findings for ``reports``, sorted by position, with their fixes."""
    results: Dict[Tuple[int, int, str], Placed] = {}
    for report in reports:
        node = tree.find(lines, report.at)
        if node is not None:
            start = tree.positions[node].start
            line, col = start.line, start.column
        else:  # not expected: the finding stays where ``ast`` put it, without a fix
            line, col = report.at.line, _char_col(lines, report.at.line, report.at.col)
        fields = dict(report.fields)
        used = tree.find(lines, report.site.span)
        call = written(used)
        if call is not None:
            fields.setdefault("call", call)
        expression = written_expression(used)
        if expression is not None:
            fields.setdefault("expr", expression)
        fix = None
        if report.fixer is not None and node is not None:
            fix = report.fixer(Located(node, tree.parent_of))
        message = format_message(report.code, **fields)
        results.setdefault((line, col, message), Placed(line, col, report.code, message, fix))
    return [results[key] for key in sorted(results)]
