"""AGN203: an async generator iterated synchronously."""

from __future__ import annotations

from .api import Builtin, JudgedSite, Outside, Rule, RuleContext, kinds, messages


class SyncIterationOfAsyncGenerator(Rule):
    code = "AGN203"
    contexts = ("iter", "arg")
    triggers = frozenset({"agen", "astream"})
    call_names = frozenset(
        name.rsplit(".", 1)[-1]
        for name in (*kinds.SYNC_ITERATING_BUILTINS, *kinds.SYNC_ITERATING_FUNCTIONS)
    )
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
        site = judged.site
        if site.call is None:
            api = messages.ITERATION_WORDING.get(site.how, site.how)
        else:
            if isinstance(site.call.position, str):
                return  # keyword arguments (``key=``, ``default=``) are not iterated
            func = ctx.queries.eval(site.call.func, site.scope)
            if isinstance(func, Builtin) and func.name in kinds.SYNC_ITERATING_BUILTINS:
                name = func.name
            elif isinstance(func, Outside) and func.qualified in kinds.SYNC_ITERATING_FUNCTIONS:
                name = func.qualified
            else:
                container = ctx.queries.container_class(func)
                if container is None:
                    return
                name = container  # a project subclass of ``list`` builds itself like ``list``
            if not kinds.iterates_argument(name, site.call.position, site.call.positional):
                return
            api = messages.builtin_api(name)
        ctx.report(self.code, site.span, {"api": api, **ctx.queries.callee_fields(judged.value)})
