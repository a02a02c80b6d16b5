"""Judging a file's sites: the value at each site, its tag, and the rules that fire.

This is the only place sites are judged, so the result for a site is a function
of that site and the project's facts; the libcst pass (:mod:`cst_pass`) is run
afterwards only for files with reports, to place them and build their fixes.
"""

from __future__ import annotations

from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple, Type

from .evaluator import Evaluator
from .project import ModuleInfo
from .rules import ALL_RULES, by_context
from .rules.api import Fixer, JudgedSite, Queries, Rule
from .sitetypes import Site, Span, Tag
from .values import AsyncGenExpression, CallResult, FunctionRef, Instance, Value


class Report(NamedTuple):
    """A rule's finding before placement: the code, where, the message fields, the fixer."""

    code: str
    at: Span
    fields: Dict[str, str]
    fixer: Optional[Fixer]
    site: Site


def value_tag(evaluator: Evaluator, value: Value) -> Optional[Tag]:
    if isinstance(value, (CallResult, AsyncGenExpression)):
        return value.kind
    if isinstance(value, FunctionRef):
        kind = evaluator.func_kind(value.module, value.scope)
        if kind == "agen":
            return "agen_fn"
        return "function" if kind is not None else None
    if isinstance(value, Instance):
        return "instance"
    return None


def judge(queries: Queries, site: Site) -> Optional[Tuple[Value, Tag]]:
    """The value at ``site`` and its tag, or None when no rule can fire there."""
    evaluator, info = queries.evaluator, queries.info
    if site.context in ("def", "return"):
        # Definition rules judge coroutines whose decorators are all known.
        if evaluator.func_kind(info.name, site.scope) != "coro":
            return None
        if site.context == "def":
            annotation = queries.async_iterator_annotation(site.scope)
            return (annotation, "asynciter") if annotation is not None else None
        name = info.scopes[site.scope].name
        if name.startswith("__") and name.endswith("__"):
            return None  # ``__aenter__`` and friends are awaited by the interpreter
    value = evaluator.eval(site.expr, info.name, site.scope)
    tag = value_tag(evaluator, value)
    return (value, tag) if tag is not None else None


class FileChecker:
    """Runs every rule on every site of one file; implements the rules' ``RuleContext``."""

    def __init__(
        self, evaluator: Evaluator, info: ModuleInfo, rules: Tuple[Type[Rule], ...] = ALL_RULES
    ) -> None:
        self.queries = Queries(evaluator, info)
        self._rules = by_context(rules)
        self.reports: List[Report] = []
        self._site: Optional[Site] = None

    def report(
        self, code: str, at: Span, fields: Dict[str, str], fixer: Optional[Fixer] = None
    ) -> None:
        assert self._site is not None
        self.reports.append(Report(code, at, fields, fixer, self._site))

    def run(self, sites: Sequence[Site]) -> List[Report]:
        for site in sites:
            rules = self._rules[site.context]
            if not rules:
                continue
            judged = judge(self.queries, site)
            if judged is None:
                continue
            value, tag = judged
            self._site = site
            for rule in rules:
                if tag in rule.triggers:
                    rule.check(JudgedSite(site, value, tag), self)
        self._site = None
        return self.reports
