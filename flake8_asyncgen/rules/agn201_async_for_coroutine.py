"""AGN201: ``async for`` over a coroutine that was never awaited."""

from __future__ import annotations

from typing import Optional

from .api import CallResult, Fix, JudgedSite, Located, Rule, RuleContext


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

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        # When the coroutine is known to return an async generator, awaiting it is the fix.
        known = ctx.queries.awaited(judged.value) is not None
        value = judged.value
        fields = ctx.queries.advised_fields(value)
        if isinstance(value, CallResult) and value.called is not None and (
            ctx.queries.defines_async_generator(*value.called)
        ):
            fields["advice"] = "decorated"  # an async generator its decorator made a coroutine
        ctx.report(self.code, judged.site.span, fields, _insert_await if known else None)


def _insert_await(located: Located) -> Optional[Fix]:
    import libcst as cst

    node = located.node
    if not isinstance(node, cst.BaseExpression):
        return None
    return Fix(node, cst.Await(expression=node), True, "await the coroutine")
