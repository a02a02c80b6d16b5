"""Judging a file's sites: the value at each site, its tag, and the rules that fire.

This is the only place sites are judged, so the result for a site is a function
of that site and the project's facts; the libcst pass (:mod:`cst_pass`) is run
afterwards only for files with reports, to place them and build their fixes.
"""

from __future__ import annotations

from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple, Type

from . import kinds, messages
from .entrypoints import Script
from .evaluator import Evaluator
from .project import ModuleInfo
from .rules import ALL_RULES, by_context
from .rules.api import Fixer, JudgedSite, Queries, Rule
from .sitetypes import Guard, Site, Span, Tag
from .model import AttrExpr, CallExpr, DefBinding, Expr, IfExpr, NameExpr, SubscriptExpr, chain_root
from .values import (
    AnnotatedStream, AsyncGenExpression, BuiltinInstance, CallResult, DeclaredCall,
    DeclaredCallable, FunctionRef,
    Guarded, Instance,
    ObjectKind, Outside, PlainResult, StdlibCall, Value,
)


class Report(NamedTuple):
    """A rule's finding before placement: the code, where, the message fields, the fixer."""

    code: str
    at: Span
    fields: Dict[str, str]
    fixer: Optional[Fixer]
    site: Site


def value_tag(evaluator: Evaluator, value: Value) -> Optional[Tag]:
    if isinstance(value, AnnotatedStream):
        return "astream"
    if isinstance(value, DeclaredCall):
        return "astream" if value.kind == "agen" else value.kind
    if isinstance(value, (CallResult, AsyncGenExpression, Guarded, StdlibCall)):
        return value.kind
    if isinstance(value, DeclaredCallable):
        # ``work: Callable[[str], Awaitable[str]]``: a callable by its annotation.
        return "agen_fn" if value.kind == "agen" else "function"
    if isinstance(value, FunctionRef):
        # What calling it gives, after its decorators (a wrapper may replace it).
        kind, _ = evaluator.functions.call_kind(value.module, value.scope)
        if kind == "agen":
            return "agen_fn"
        return "function" if kind is not None else None
    if isinstance(value, Instance):
        return "instance"
    if isinstance(value, PlainResult):
        return "plain"
    if isinstance(value, BuiltinInstance) and value.type_name in kinds.BUILTIN_VALUE_TYPES:
        return "instance"  # ``items = [...]``, then ``async for item in items``
    if isinstance(value, Outside):
        # The standard library is not read: what the rules know of it is known by name.
        if value.qualified in kinds.STDLIB_ASYNC_ONLY_MANAGERS:
            return "instance"  # ``asyncio.Lock()``
        if value.qualified in kinds.STDLIB_SYNC_RESULTS:
            return "instance"  # ``open(path)``, what ``time.sleep(1)`` returns
        if value.qualified in kinds.STDLIB_COROUTINES:
            return "function"  # ``asyncio.sleep`` itself, not its call
    return None


def judge(queries: Queries, site: Site) -> Optional[Tuple[Value, Tag]]:
    """The value at ``site`` and its tag, or None when no rule can fire there."""
    evaluator, info = queries.evaluator, queries.info
    if site.how in messages.STACK_ENTRIES and not _exit_stack_call(queries, site):
        return None
    if site.getter and not _read_by_getter(queries, site):
        return None
    if site.context == "special":
        # A special method's own definition: the rule asks what its kind is.
        return FunctionRef(info.name, site.scope), "function"
    body_only = False
    if site.context in ("def", "return"):
        # Definition rules judge coroutines whose decorators are all known.
        kind = evaluator.func_kind(info.name, site.scope)
        facts = info.scopes[site.scope].function
        if kind is None and site.context == "return" and facts is not None and (
            facts.is_async and not facts.has_yield
        ):
            # Under a decorator not known (``@retry(...)``): what its body returns is still
            # a coroutine's result, whatever the wrapper makes of it; only a coroutine
            # returned un-awaited is judged there (AGN104), not a returned stream, which a
            # decorator may be built to iterate.
            body_only = True
        elif kind != "coro":
            return None
        if site.context == "def":
            annotation = queries.async_iterator_annotation(site.scope)
            return (annotation, "asynciter") if annotation is not None else None
        name = info.scopes[site.scope].name
        if name.startswith("__") and name.endswith("__"):
            return None  # ``__aenter__`` and friends are awaited by the interpreter
    value = evaluator.eval(site.expr, info.name, site.scope)
    tag = value_tag(evaluator, value)
    if tag is None and isinstance(site.expr, IfExpr):
        value = evaluator.or_fallback(site.expr, info.name, site.scope)
        tag = value_tag(evaluator, value)
    if tag in ("coro", "agen") and site.guard is not None and _contradicted(
        queries, site, site.guard, tag
    ):
        return None  # ``await fanout(e)`` under ``if iscoroutinefunction(fanout):``: never runs
    if tag is None and site.context == "return":
        # ``return response`` where one branch bound it to an un-awaited coroutine.
        value = queries.unawaited_alternative(site.scope, site.expr)
        tag = value_tag(evaluator, value)
    if tag is None and site.guard is not None:
        value = guarded(queries, site, site.guard)
        tag = value_tag(evaluator, value)
    if tag is None and site.context == "arg" and isinstance(site.expr, AttrExpr):
        value = _method_passed(queries, site.expr, site.scope)
        tag = value_tag(evaluator, value)
    if body_only and tag != "coro":
        return None
    if tag == "coro" and _dual_mode(queries, value, site):
        return None
    return (value, tag) if tag is not None else None


def _dual_mode(queries: Queries, value: Value, site: Site) -> bool:
    """A coroutine method of an installed package that replaces its classes' methods by
    computed names (pyrogram's ``sync.wrap``: the wrapper runs the coroutine to completion
    when no loop is running), called from plain code: what the call gives there is not
    known.  In an ``async def`` a loop is running, and the call still gives a coroutine."""
    if not isinstance(value, CallResult) or value.called is not None:
        return False
    evaluator = queries.evaluator
    if not evaluator.is_installed(value.module):
        return False
    function = queries.info.scopes[site.scope].function
    if function is not None and function.is_async:
        return False
    return evaluator.sets_computed_attributes(value.module) is not False


def _read_by_getter(queries: Queries, site: Site) -> bool:
    """Whether the attribute the site reads is a property of the object's class: only then
    is reading it a call (of the getter), judged as one."""
    expr = site.expr
    if not isinstance(expr, AttrExpr):
        return False
    base = queries.evaluator.eval(expr.base, queries.info.name, site.scope)
    return isinstance(base, Instance) and queries.evaluator.classes.is_getter(base, expr.attr)


def _method_passed(queries: Queries, expr: AttrExpr, scope: int) -> Value:
    """``self.stop`` handed on (``loop.add_signal_handler(sig, self.stop)``): not known as
    one function, since a subclass may override it, but known by what its call gives when
    the method and every override agree (as ``self.stop()`` is judged) and each is a method
    (no getter nor attribute shadows it)."""
    result = queries.async_call_result(expr, scope)
    if result is None or result.called is not None:
        return None  # not known, or a decorator's wrapper (messages name the function)
    return FunctionRef(result.module, result.scope)


def entry_sites(
    info: ModuleInfo, lines: Sequence[str], scripts: Dict[str, Script]
) -> List[Site]:
    """An ``entry`` site for each module-level ``def`` the project declares as a command, at
    the statement's first line (``async def main():``)."""
    found = []
    for name in scripts:
        binding = info.scopes[0].bindings.get(name)
        if not isinstance(binding, DefBinding):
            continue  # not a function defined here (imported, rebound by branch): unknown
        line = info.scopes[binding.scope].line
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        col = len(text) - len(text.lstrip())
        found.append(Site("entry", 0, NameExpr(name), Span(line, col, line, col), how=name))
    return found


def _exit_stack_call(queries: Queries, site: Site) -> bool:
    """``stack.enter_async_context(x)`` (``enter_context``) on an object known to be one of
    contextlib's exit stacks (made here, entered, or stored in an attribute): other APIs of
    the same name (aiormq's ``Countdown.enter_context``) wrap their argument instead."""
    func = site.call.func if site.call is not None else None
    if not isinstance(func, AttrExpr):
        return False
    receiver = queries.eval(func.base, site.scope)
    return isinstance(receiver, Outside) and receiver.qualified.startswith(kinds.EXIT_STACKS)


# Guard functions a site's guard must evaluate to (``inspect.isasyncgenfunction`` ...).
_GUARD_FUNCTIONS = frozenset(
    {f"inspect.{name}" for name in (
        "isasyncgenfunction", "iscoroutinefunction", "isasyncgen", "iscoroutine",
    )} | {"asyncio.iscoroutinefunction"}
)
# ``asyncio.iscoroutine(x)`` is true for any ``collections.abc.Coroutine`` (aiohttp's request
# context managers among them), which may support ``async with``: not a guard.


def guarded(queries: Queries, site: Site, guard: Guard) -> Value:
    """``handler(...)`` under ``if inspect.isasyncgenfunction(handler):`` (``result`` under
    ``if inspect.isasyncgen(result):``), when the guard is the standard library's and the name
    is bound once in its function (a parameter, say), so the guard holds where it is used."""
    test = _guard_test(queries, site, guard)
    if test is None:
        return None
    if not queries.evaluator.bound_once(queries.info, site.scope, guard.name, guard.scope):
        return None
    kind: ObjectKind = "agen" if guard.kind == "agen" else "coro"
    return Guarded(kind, guard.name, test, guard.line)


def _guard_test(queries: Queries, site: Site, guard: Guard) -> Optional[str]:
    """The standard library's guard function (``inspect.isasyncgenfunction``) when the site
    uses the very name it tests (``handler(...)`` / ``result``); None otherwise."""
    expr = site.expr
    if guard.function and isinstance(expr, CallExpr):
        expr = expr._replace(literals=(), named=())  # ``handler(stream=True)``: a call of it too
    wanted = CallExpr(NameExpr(guard.name)) if guard.function else NameExpr(guard.name)
    if expr != wanted:
        return None
    test = queries.evaluator.eval(guard.test, queries.info.name, site.scope)
    if not isinstance(test, Outside) or test.qualified not in _GUARD_FUNCTIONS:
        return None
    return test.qualified


def _contradicted(queries: Queries, site: Site, guard: Guard, tag: str) -> bool:
    """The site's object is known to be the other kind than its guard tests (an async
    generator function's call under ``if inspect.iscoroutinefunction(fanout):``): the branch
    never runs, so nothing in it is judged by that object."""
    if guard.kind == tag or _guard_test(queries, site, guard) is None:
        return False
    evaluator, info = queries.evaluator, queries.info
    # Bound once in the guard's function, or once at module level (``from .plugins import
    # fanout``): the guard tested the object the site uses.
    return evaluator.bound_once(info, site.scope, guard.name, guard.scope) or (
        evaluator.bound_once(info, site.scope, guard.name, 0)
    )


_MAX_ARMS_DEPTH = 6  # ``a or b or c ...``: operands followed


def _conditional_arms(expr: Expr, depth: int = 0) -> List[Expr]:
    """``expr`` once per value the one-of-two value at its root may be (``(a or b).x`` is
    ``a.x`` and ``b.x``); [] when its root is not one."""
    if isinstance(expr, IfExpr):
        if depth > _MAX_ARMS_DEPTH:
            return []
        arms: List[Expr] = []
        for arm in (expr.body, expr.orelse):
            arms.extend(_conditional_arms(arm, depth + 1) or [arm])
        return arms
    if isinstance(expr, AttrExpr):
        return [expr._replace(base=arm) for arm in _conditional_arms(expr.base, depth)]
    if isinstance(expr, CallExpr):
        return [expr._replace(func=arm) for arm in _conditional_arms(expr.func, depth)]
    if isinstance(expr, SubscriptExpr):
        return [expr._replace(value=arm) for arm in _conditional_arms(expr.value, depth)]
    return []


def alternatives(queries: Queries, site: Site) -> Tuple[List[Tuple[Value, Tag]], str]:
    """When the site's value is unknown because its first name is bound differently by branch
    (``try: from .fast import parse`` / ``except ImportError: from .slow import parse``):
    each alternative that is known. The program fails whenever the path binding a failing
    alternative is taken, so each is judged (and messages name its definition).  Also a
    value that is one of two by the function's own flow (``x = cached or fetch()``): each
    known one.  With the note messages add to where the definition is."""
    if site.context in ("def", "return"):
        return [], ""
    if site.in_environment_branch:
        return [], ""  # ``if sys.platform != "win32":`` may exclude the failing alternative
    evaluator, info = queries.evaluator, queries.info
    conditional = _conditional_arms(site.expr) if type(chain_root(site.expr)) is IfExpr else []
    if conditional:
        # ``db_obj = db_obj or self.get(id)`` / ``if not user: user = get_default_user()``,
        # then ``user.id``: the program fails whenever the path giving the coroutine is taken.
        values = [evaluator.eval(arm, info.name, site.scope) for arm in conditional]
        return [(value, tag) for value in values for tag in [value_tag(evaluator, value)]
                if tag is not None], messages.CONDITIONAL_NOTE
    if site.scope == 0:
        return [], ""  # module-level code runs once, in order: a name there sees one binding
    if not evaluator.module_level_alternatives(site.expr, info.name, site.scope):
        return [], ""  # a function's own branches: each use sees its branch's binding only
    values = evaluator.each(site.expr, info.name, site.scope)
    if len(values) < 2:
        return [], ""
    found: List[Tuple[Value, Tag]] = []
    for value in values:
        tag = value_tag(evaluator, value)
        if tag is not None:
            found.append((value, tag))
    return found, messages.ALTERNATIVE_NOTE


class FileChecker:
    """Runs every rule on every site of one file; implements the rules' ``RuleContext``."""

    def __init__(
        self, evaluator: Evaluator, info: ModuleInfo, rules: Tuple[Type[Rule], ...] = ALL_RULES,
        scripts: Optional[Dict[str, Script]] = None,
    ) -> None:
        self.queries = Queries(evaluator, info, scripts)
        self._rules = by_context(rules)
        self.reports: List[Report] = []
        self._site: Optional[Site] = None
        self._alternative = ""  # the value judged is one of several: what messages add

    def report(
        self, code: str, at: Span, fields: Dict[str, str], fixer: Optional[Fixer] = None
    ) -> None:
        assert self._site is not None
        if self._alternative and "where" in fields:
            # Judged alternative by alternative: say that this definition is one of several.
            fields = {**fields, "where": fields["where"] + self._alternative}
        self.reports.append(Report(code, at, fields, fixer, self._site))

    def run(self, sites: Sequence[Site]) -> List[Report]:
        for site in sites:
            rules = self._rules[site.context]
            if not rules:
                continue
            self._site = site
            evaluator = self.queries.evaluator
            # A draft first (cheap: expensive checks that can only make values unknown are
            # skipped); only a site the draft reports is judged again, strictly.
            evaluator.strict = False
            try:
                drafted = self._judge_and_check(site, rules)
            finally:
                evaluator.strict = True
            if drafted:
                self._judge_and_check(site, rules)
        self._site = None
        return self.reports

    def _judge_and_check(self, site: Site, rules: List[Rule]) -> bool:
        """Judge ``site`` and run ``rules`` on it; report only when strict. Whether any rule
        reported."""
        judged = judge(self.queries, site)
        if judged is not None:
            candidates, self._alternative = [judged], ""
        else:
            candidates, self._alternative = alternatives(self.queries, site)
        before = len(self.reports)
        for value, tag in candidates:
            for rule in rules:
                if tag in rule.triggers:
                    rule.check(JudgedSite(site, value, tag), self)
            if len(self.reports) > before:
                break  # one failing alternative is enough
        reported = len(self.reports) > before
        if not self.queries.evaluator.strict:
            del self.reports[before:]
        return reported
