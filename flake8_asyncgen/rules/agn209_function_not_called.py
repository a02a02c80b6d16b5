"""AGN209: a statement used on a function object: the call was forgotten."""

from __future__ import annotations

from .api import DeclaredCallable, FunctionRef, JudgedSite, Outside, Rule, RuleContext, messages


class FunctionUsedWithoutCall(Rule):
    code = "AGN209"
    contexts = ("await", "aiter", "iter", "awith", "with", "arg")
    triggers = frozenset({"agen_fn", "function"})
    INVALID = [
        "class Response:\n    async def aiter_lines(self):\n        yield ''\n"
        "async def main(response: Response):\n"
        "    async for line in response.aiter_lines:\n        print(line)\n",
        "async def fetch():\n    return 1\nasync def main():\n    x = await fetch\n",
        "import asyncio\nasync def main():\n    pass\nasyncio.run(main)\n",
    ]
    VALID = [
        "class Response:\n    async def aiter_lines(self):\n        yield ''\n"
        "async def main(response: Response):\n"
        "    async for line in response.aiter_lines():\n        print(line)\n",
        "import functools\ndef cached(fn):\n    return functools.lru_cache()(fn)\n"
        "@cached\ndef lines():\n    return ['a']\ndef main():\n"
        "    for line in lines:\n        print(line)\n",
        "import asyncio\nasync def main():\n    pass\nasyncio.run(main())\n",
        "import anyio\nasync def main():\n    pass\nanyio.run(main)\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        value = judged.value
        if isinstance(value, (Outside, DeclaredCallable)):
            # ``asyncio.sleep``: a standard-library coroutine function, known by name;
            # ``job.work`` declared ``Callable[[str], Awaitable[str]]``: a callable, whatever
            # a subclass or a caller binds to it.
            pass
        elif not isinstance(value, FunctionRef):
            return
        elif not ctx.queries.surely_function(site.expr, site.scope):
            return  # ``self.m``: a subclass may bind ``m`` to something else
        if site.context == "arg":
            # ``asyncio.run(main)``: an API that needs the coroutine calling it makes.
            api = ctx.queries.awaitable_api(site)
            if api is None:
                return
            fields = ctx.queries.callee_fields(value)
            fields.update(messages.function_passed_fields(api))
            ctx.report(self.code, site.span, fields)
            return
        fields = ctx.queries.callee_fields(value)
        fields.update(messages.function_used_fields(site.context, site.how))
        ctx.report(self.code, site.outer or site.span, fields)
