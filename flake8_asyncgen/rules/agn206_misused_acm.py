"""AGN206: an ``@asynccontextmanager`` function awaited or iterated."""

from __future__ import annotations

from .api import JudgedSite, Rule, RuleContext


class MisusedAsyncContextManager(Rule):
    code = "AGN206"
    contexts = ("await", "aiter")
    triggers = frozenset({"acm"})
    INVALID = [
        "from contextlib import asynccontextmanager\n@asynccontextmanager\n"
        "async def session():\n    yield 1\nasync def main():\n    s = await session()\n"
    ]
    VALID = [
        "from contextlib import asynccontextmanager\n@asynccontextmanager\n"
        "async def session():\n    yield 1\nasync def main():\n"
        "    async with session() as s:\n        print(s)\n"
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        if site.context == "await":
            at, api = site.outer or site.span, "await"
        else:
            at, api = site.span, "async for"
        ctx.report(self.code, at, {"api": api, **ctx.queries.callee_fields(judged.value)})
