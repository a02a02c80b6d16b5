"""AGN200: ``await`` on an async generator object."""

from __future__ import annotations

from .api import JudgedSite, Rule, RuleContext


class AwaitAsyncGenerator(Rule):
    code = "AGN200"
    contexts = ("await",)
    triggers = frozenset({"agen", "astream"})
    INVALID = ["async def gen():\n    yield 1\nasync def main():\n    x = await gen()\n"]
    VALID = [
        "async def gen():\n    yield 1\nasync def main():\n    x = await anext(gen())\n",
        "async def gen():\n    yield 1\nasync def main():\n    await gen().aclose()\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        ctx.report(self.code, site.outer or site.span, ctx.queries.callee_fields(judged.value))
