"""The rule API: everything a rule module imports, and nothing else.

A rule judges a :class:`JudgedSite` (a site, the value used there and its tag)
and reports through a :class:`RuleContext`.  It decides from the site and the
project's facts alone (through :class:`Queries`), so a finding never depends
on what else the file holds.  A rule that offers a fix passes a *fixer*: a
function that, given the libcst node the site names (:class:`Located`),
builds the libcst replacement.  The libcst pass calls fixers only for the
findings it reports.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Callable,
    ClassVar,
    Dict,
    FrozenSet,
    List,
    NamedTuple,
    Optional,
    Protocol,
    Tuple,
    Union,
)

from .. import kinds, messages
from ..evaluator import Evaluator
from ..fixes import Fix, async_for_delegation, find_returns
from ..model import AttrExpr, Expr, strip_subscript
from ..project import ModuleInfo
from ..sitetypes import Context, Site, Span, Tag
from ..values import (
    Builtin,
    CallResult,
    FunctionKind,
    FunctionRef,
    ObjectKind,
    Outside,
    Value,
)

if TYPE_CHECKING:  # pragma: no cover
    import libcst as cst

__all__ = [
    "AttrExpr", "Builtin", "CallResult", "Context", "Fix", "Fixer", "FunctionRef",
    "JudgedSite", "Located", "Outside", "Queries", "Rule", "RuleContext", "Site", "Span", "Tag",
    "Value", "async_for_delegation", "find_returns", "kinds", "messages",
]


class JudgedSite(NamedTuple):
    site: Site
    value: Value
    tag: Tag


class Located(NamedTuple):
    """What the libcst pass found for a site: its node, and a way up the tree."""

    node: "cst.CSTNode"
    parent_of: Callable[["cst.CSTNode"], Optional["cst.CSTNode"]]

    def enclosing(self, kind: Union[type, Tuple[type, ...]]) -> Optional["cst.CSTNode"]:
        current = self.parent_of(self.node)
        while current is not None and not isinstance(current, kind):
            current = self.parent_of(current)
        return current


Fixer = Callable[[Located], Optional[Fix]]


class Queries:
    """What rules may ask about the project, for the module being linted."""

    def __init__(self, evaluator: Evaluator, info: ModuleInfo) -> None:
        self.evaluator = evaluator
        self.info = info
        self.module_name = info.name

    def eval(self, expr: Expr, scope: int) -> Value:
        return self.evaluator.eval(expr, self.module_name, scope)

    def qualname(self, scope: int) -> str:
        return self.info.scopes[scope].qualname

    def encloses(self, outer: int, inner: int) -> bool:
        """Whether scope ``inner`` of the linted module lies inside scope ``outer``."""
        current = self.info.scopes[inner].parent
        while current >= 0:
            if current == outer:
                return True
            current = self.info.scopes[current].parent
        return False

    def func_kind(self, module: str, scope: int) -> Optional[FunctionKind]:
        return self.evaluator.func_kind(module, scope)

    def awaited(self, value: Value) -> Value:
        """What awaiting ``value`` gives, when known (an async generator)."""
        return self.evaluator.awaited(value)

    def returned(
        self, module: str, scope: int, wanted: Tuple[ObjectKind, ...]
    ) -> Optional[CallResult]:
        return self.evaluator.returned(module, scope, wanted)

    def callee_fields(self, value: Value) -> Dict[str, str]:
        """``callee`` and ``where`` for a message, from the function behind ``value``."""
        target: Optional[Tuple[str, int]] = None
        if isinstance(value, CallResult):
            target = (value.module, value.scope)
        elif isinstance(value, FunctionRef):
            target = (value.module, value.scope)
        if target is None:
            return {"callee": messages.UNKNOWN_CALLEE, "where": messages.UNKNOWN_DEFINITION}
        info = self.evaluator.module(target[0])
        if info is None:
            return {"callee": messages.UNKNOWN_CALLEE, "where": messages.UNKNOWN_DEFINITION}
        scope = info.scopes[target[1]]
        wrapper = None
        if isinstance(value, CallResult) and self.func_kind(*target) == "sync":
            wrapper = value.kind
        return {
            "callee": scope.qualname,
            "where": messages.where_defined(f"{info.display}:{scope.line}", wrapper),
        }

    def async_iterator_annotation(self, scope: int) -> Optional[Outside]:
        """``typing.AsyncIterator`` & co when function ``scope``'s return annotation names
        one."""
        facts = self.info.scopes[scope].function
        if facts is None or facts.annotation is None:
            return None
        value = self.eval(strip_subscript(facts.annotation), self.info.scopes[scope].parent)
        if isinstance(value, Outside) and value.qualified in kinds.ASYNC_ITERATOR_ANNOTATIONS:
            return value
        return None

    def is_stub(self, scope: int) -> bool:
        """An abstract method, Protocol member, ``@overload`` signature or a body that only
        documents the signature."""
        facts = self.info.scopes[scope].function
        functions = self.evaluator.functions
        return facts is not None and (
            facts.is_stub
            or functions.has_decorator(self.module_name, scope, kinds.ABSTRACT_DECORATORS)
            or functions.has_decorator(self.module_name, scope, kinds.OVERLOAD_DECORATORS)
            or self.in_protocol(scope)
        )

    def in_protocol(self, scope: int) -> bool:
        parent = self.info.scopes[scope].parent
        klass = self.info.scopes[parent].klass if parent >= 0 else None
        if klass is None:
            return False
        for base in klass.bases:
            value = self.eval(strip_subscript(base), self.info.scopes[parent].parent)
            if isinstance(value, Outside) and value.qualified in kinds.PROTOCOL_BASES:
                return True
        return False


class RuleContext(Protocol):
    """What the checker offers a rule."""

    queries: Queries

    def report(
        self, code: str, at: Span, fields: Dict[str, str], fixer: Optional[Fixer] = None
    ) -> None: ...


class Rule:
    """One AGN code (or a family sharing a check): the site contexts it judges, the value
    tags it fires on, and its check."""

    code: ClassVar[str]
    codes: ClassVar[Tuple[str, ...]] = ()
    contexts: ClassVar[Tuple[Context, ...]]
    triggers: ClassVar[FrozenSet[Tag]]
    # Last names of the APIs whose arguments an ``arg`` rule judges (``create_task``,
    # ``list``): the facts walk lists those arguments as sites.
    call_names: ClassVar[FrozenSet[str]] = frozenset()
    # Fixit-style examples; tests run them through the plugin.
    VALID: ClassVar[List[str]] = []
    INVALID: ClassVar[List[str]] = []

    @classmethod
    def all_codes(cls) -> Tuple[str, ...]:
        return cls.codes or (cls.code,)

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        raise NotImplementedError
