"""AGN207: an async generator called as a statement, so its body never runs."""

from __future__ import annotations

from .api import AsyncGenExpression, JudgedSite, Rule, RuleContext


class AsyncGeneratorCallDiscarded(Rule):
    code = "AGN207"
    contexts = ("discard",)
    triggers = frozenset({"agen"})
    INVALID = ["async def flush():\n    yield 1\nasync def main():\n    flush()\n"]
    VALID = ["async def flush():\n    yield 1\nasync def main():\n    await flush().aclose()\n"]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        if isinstance(judged.value, AsyncGenExpression):
            return  # written as an expression, not called: the advice would not fit
        if ctx.queries.may_return_none(judged.value):
            return  # a wrapper that sometimes returns nothing: discarding that is fine
        ctx.report(self.code, judged.site.span, ctx.queries.advised_fields(judged.value))
