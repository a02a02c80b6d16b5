"""AGN203: an async generator iterated synchronously."""

from __future__ import annotations

from .api import JudgedSite, Rule, RuleContext, kinds, sync_iteration_api


class SyncIterationOfAsyncGenerator(Rule):
    code = "AGN203"
    contexts = ("iter", "arg")
    triggers = frozenset({"agen", "astream"})
    call_names = kinds.SYNC_ITERATING_CALL_NAMES
    INVALID = [
        "async def gen():\n    yield 1\ndef main():\n    for x in gen():\n        print(x)\n",
        "async def gen():\n    yield 1\ndef main():\n    return list(gen())\n",
    ]
    VALID = [
        "async def gen():\n    yield 1\nasync def main():\n    return [x async for x in gen()]\n",
        "async def gen():\n    yield 1\ndef list(x):\n    return x\ndef main():\n"
        "    return list(gen())\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        api = sync_iteration_api(judged.site, ctx.queries)
        if api is not None:
            fields = {"api": api, **ctx.queries.callee_fields(judged.value)}
            ctx.report(self.code, judged.site.span, fields)
