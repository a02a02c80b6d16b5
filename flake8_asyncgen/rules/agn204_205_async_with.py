"""AGN204 / AGN205: ``async with`` on something that is not an async context manager."""

from __future__ import annotations

from .api import AsyncGenExpression, JudgedSite, Rule, RuleContext, messages


class AsyncWithAsyncGenerator(Rule):
    code = "AGN204"
    contexts = ("awith",)
    triggers = frozenset({"agen"})
    INVALID = [
        "async def session():\n    yield 1\nasync def main():\n"
        "    async with session() as s:\n        print(s)\n"
    ]
    VALID = [
        "from contextlib import asynccontextmanager\n@asynccontextmanager\n"
        "async def session():\n    yield 1\nasync def main():\n"
        "    async with session() as s:\n        print(s)\n"
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        if isinstance(judged.value, AsyncGenExpression):
            return  # written as an expression, not called: the advice would not fit
        site = judged.site
        fields = ctx.queries.advised_fields(judged.value)
        fields["stmt"] = messages.protocol_use(site.context, site.how)
        ctx.report(self.code, site.span, fields)


class AsyncWithCoroutine(Rule):
    code = "AGN205"
    contexts = ("awith",)
    triggers = frozenset({"coro"})
    INVALID = [
        "async def connect():\n    return object()\nasync def main():\n"
        "    async with connect() as c:\n        print(c)\n"
    ]
    VALID = [
        "async def connect():\n    return object()\nasync def main():\n"
        "    async with await connect() as c:\n        print(c)\n"
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        fields = ctx.queries.advised_fields(judged.value)
        fields["stmt"] = messages.protocol_use(site.context, site.how)
        ctx.report(self.code, site.span, fields)
