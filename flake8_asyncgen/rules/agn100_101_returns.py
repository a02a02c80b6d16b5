"""AGN100 / AGN101: a coroutine returns an async generator object."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
        ctx.report("AGN100" if nested else "AGN101", site.node, **fields)
