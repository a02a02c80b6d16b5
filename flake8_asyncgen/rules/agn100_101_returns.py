"""AGN100 / AGN101: a coroutine returns an async generator object."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..fixes import Fix, async_for_delegation, find_returns
from .base import Rule, Site, callee_fields

if TYPE_CHECKING:  # pragma: no cover
    from ..cst_pass import FileContext


class CoroutineReturnsAsyncGenerator(Rule):
    """``async def`` without ``yield`` whose ``return`` hands back an async generator object.

    AGN100 when the generator function is defined inside the coroutine (the incident's
    root cause), AGN101 otherwise.  ``return await coro()`` is left to the callee's own
    definition: it only passes on what that coroutine returns.
    """

    code = "AGN100"
    codes = ("AGN100", "AGN101")
    contexts = ("return",)
    triggers = frozenset({"agen"})
    INVALID = [
        "async def stream():\n    async def gen():\n        yield 1\n    return gen()\n",
        "async def gen():\n    yield 1\nasync def stream():\n    return gen()\n",
    ]
    VALID = [
        "async def stream():\n    async def gen():\n        yield 1\n"
        "    async for x in gen():\n        yield x\n",
        "async def gen():\n    yield 1\ndef stream():\n    return gen()\n",
    ]

    def check(self, site: Site, ctx: "FileContext") -> None:
        value = site.value
        assert value is not None
        nested = ctx.module_name == value[2] and ctx.encloses(ctx.current_function(), value[3])
        fields = callee_fields(ctx.evaluator, value)
        fields["func"] = ctx.function_name()
        ctx.report("AGN100" if nested else "AGN101", site.node, fields, self._fix(ctx))

    @staticmethod
    def _fix(ctx: "FileContext") -> "Fix | None":
        """Make the coroutine an async generator that delegates: ``async for x in g: yield x``.

        Only when every ``return`` of the function hands back an async generator (so none is
        left with a value, which an async generator cannot have) and each stands alone on
        its line.  Unsafe: callers that wrote ``async for x in await f()`` must drop the
        ``await``.
        """
        function, line = ctx.function_node(), ctx.statement_line()
        sid = ctx.current_function()
        if function is None or line is None:
            return None
        if ctx.evaluator.returned(ctx.module_name, sid, ("agen",)) is None:
            return None
        lines = find_returns(function)
        if lines is None or not any(candidate is line for candidate in lines):
            return None
        body: Any = getattr(function.body, "body", ())
        last = bool(body) and body[-1] is line
        replacement = async_for_delegation(line, keep_return=not last)
        return Fix(line, replacement, False, "make it an async generator that delegates")
