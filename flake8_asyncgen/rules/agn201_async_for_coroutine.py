"""AGN201: ``async for`` over a coroutine that was never awaited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..fixes import Fix
from .base import Rule, Site

if TYPE_CHECKING:  # pragma: no cover
    from ..cst_pass import FileContext


class AsyncForOverCoroutine(Rule):
    code = "AGN201"
    contexts = ("aiter",)
    triggers = frozenset({"coro"})
    INVALID = [
        "async def rows():\n    return [1]\nasync def main():\n    async for r in rows():\n"
        "        print(r)\n"
    ]
    VALID = [
        "import client\nasync def pages():\n    return await client.open_stream()\n"
        "async def main():\n    async for r in await pages():\n        print(r)\n"
    ]

    def check(self, site: Site, ctx: "FileContext") -> None:
        fix = None
        if ctx.evaluator.awaited(site.value) is not None:
            # The coroutine is known to return an async generator: awaiting it is the fix.
            import libcst as cst

            node: Any = site.node
            fix = Fix(node, cst.Await(expression=node), True, "await the coroutine")
        ctx.report(self.code, site.node, self.fields(site, ctx), fix)
