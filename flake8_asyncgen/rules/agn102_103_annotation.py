"""AGN102 / AGN103: an ``async def`` without ``yield`` annotated as an async iterator."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import kinds
from ..fixes import Fix
from .base import Rule, Site

if TYPE_CHECKING:  # pragma: no cover
    from ..cst_pass import FileContext


class CoroutineAnnotatedAsAsyncIterator(Rule):
    """The annotation says async iterator, the missing ``yield`` makes it a coroutine.

    Stubs (abstract methods, Protocol members, ``@overload`` and bodies that only
    document the signature) get their own code, AGN103, because the fix differs:
    declare them ``def`` so type checkers read them as returning an async iterator.
    """

    code = "AGN102"
    codes = ("AGN102", "AGN103")
    contexts = ("def",)
    triggers = frozenset({"asynciter"})
    INVALID = [
        "from typing import AsyncIterator\n"
        "async def rows() -> AsyncIterator[int]:\n    return await fetch()\n",
        "from typing import AsyncIterator, Protocol\n"
        "class Source(Protocol):\n    async def rows(self) -> AsyncIterator[int]: ...\n",
    ]
    VALID = [
        "from typing import AsyncIterator\n"
        "async def rows() -> AsyncIterator[int]:\n    yield 1\n",
        "from typing import AsyncIterator, Protocol\n"
        "class Source(Protocol):\n    def rows(self) -> AsyncIterator[int]: ...\n",
    ]

    def check(self, site: Site, ctx: "FileContext") -> None:
        node: Any = site.node  # a libcst FunctionDef with a return annotation
        evaluator, mod, sid = ctx.evaluator, ctx.module_name, ctx.current_function()
        annotation = evaluator.is_async_iterator_annotation(mod, sid) or "AsyncIterator"
        stub = (
            ctx.scope(sid)["st"]
            or evaluator.has_decorator(mod, sid, kinds.ABSTRACT_DECORATORS)
            or evaluator.has_decorator(mod, sid, kinds.OVERLOAD_DECORATORS)
            or evaluator.in_protocol(mod, sid)
        )
        fix = None
        if stub:
            # Unsafe: ``inspect.iscoroutinefunction`` (and so mocks with ``spec``) changes.
            fix = Fix(node, node.with_changes(asynchronous=None), False, "declare the stub `def`")
        fields = {"func": node.name.value, "callee": annotation}
        ctx.report("AGN103" if stub else "AGN102", node.returns.annotation, fields, fix)
