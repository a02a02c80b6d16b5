"""What a rule is, and the vocabulary shared by the pre-scan and the libcst pass.

A *site* is a place where a value is used in a way that matters: awaited
(``await``), iterated (``iter``, ``aiter``), entered (``awith``), discarded
(``discard``), returned (``return``), passed to an API (``arg``) or a function
definition's return annotation (``def``).  A rule listens to some contexts and
fires only on some value *tags* (``coro``, ``agen``, ``acm``, ``agen_fn``,
``asynciter``).  The cheap ``ast`` pre-scan uses the same contexts and tags to
decide whether a file needs the libcst pass at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Dict, FrozenSet, List, NamedTuple, Optional, Tuple

if TYPE_CHECKING:  # pragma: no cover
    import libcst as cst

    from ..cst_pass import FileContext
    from ..resolve import Evaluator, Value

SITE_CONTEXTS = ("await", "iter", "aiter", "awith", "discard", "return", "arg", "def")


class Site(NamedTuple):
    context: str
    node: "cst.CSTNode"  # the expression used (for ``def``: the FunctionDef)
    value: "Value"
    tag: str
    extra: Any  # ``await``: the Await node; ``iter``: how; ``arg``: (Call, index)


class Rule:
    """One AGN code: the contexts and tags it fires on, and its check."""

    code: ClassVar[str]
    contexts: ClassVar[Tuple[str, ...]]
    triggers: ClassVar[FrozenSet[str]]
    # Fixit-style examples; tests run them through the plugin.
    VALID: ClassVar[List[str]] = []
    INVALID: ClassVar[List[str]] = []

    def check(self, site: Site, ctx: "FileContext") -> None:
        raise NotImplementedError

    @staticmethod
    def fields(site: Site, ctx: "FileContext") -> Dict[str, str]:
        """The message fields naming the callee behind the site's value."""
        return callee_fields(ctx.evaluator, site.value, ctx.written(site.node))


def value_tag(evaluator: "Evaluator", value: "Value") -> Optional[str]:
    if value is None:
        return None
    if value[0] == "O":
        return str(value[1])
    if value[0] == "F" and evaluator.func_kind(value[1], value[2]) == "agen":
        return "agen_fn"
    return None


def callee_fields(
    evaluator: "Evaluator", value: "Value", written: Optional[str] = None
) -> Dict[str, str]:
    """``callee``, ``where`` (and ``call``, the callee as written at the call site) for a
    message, from the function behind ``value``."""
    fields: Dict[str, str] = {"callee": "?", "where": "definition unknown"}
    if value is not None and value[0] in ("O", "F"):
        mod, sid = (value[2], value[3]) if value[0] == "O" else (value[1], value[2])
        name, where = evaluator.function_label(mod, sid)
        fields = {"callee": name, "where": f"defined at {where}"}
        if value[0] == "O" and evaluator.func_kind(mod, sid) == "sync":
            what = {"agen": "an async generator", "coro": "a coroutine"}.get(
                value[1], "an async context manager"
            )
            fields["where"] += f", a plain `def` returning {what}"
    if written:
        fields["call"] = written
    return fields
