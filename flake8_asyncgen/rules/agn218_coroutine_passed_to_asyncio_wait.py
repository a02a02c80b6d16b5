"""AGN218: coroutines among the awaitables given to ``asyncio.wait``."""

from __future__ import annotations

from .api import JudgedSite, Outside, Rule, RuleContext, kinds, messages


class CoroutinePassedToAsyncioWait(Rule):
    """``await asyncio.wait([fetch(u) for u in urls])``: ``asyncio.wait`` takes tasks and
    futures; from Python 3.11 it rejects coroutine objects with ``TypeError: Passing
    coroutines is forbidden, use tasks explicitly.`` (deprecated since 3.8), and an async
    generator is no awaitable at all.  Judged for each element of a display, or the element
    of a comprehension, written as the call's ``fs``."""

    code = "AGN218"
    contexts = ("arg",)
    triggers = frozenset({"coro", "agen"})
    call_names = frozenset({"wait"})
    INVALID = [
        "import asyncio\nasync def fetch(url):\n    return url\n"
        "async def main(urls):\n    await asyncio.wait([fetch(u) for u in urls])\n",
    ]
    VALID = [
        "import asyncio\nasync def fetch(url):\n    return url\n"
        "async def main(urls):\n"
        "    await asyncio.wait([asyncio.create_task(fetch(u)) for u in urls])\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        call = site.call
        if call is None or call.position != kinds.WAIT_ELEMENT:
            return
        func = ctx.queries.eval(call.func, site.scope)
        if not isinstance(func, Outside) or func.qualified not in kinds.WAIT_APIS:
            return
        fields = ctx.queries.callee_fields(judged.value)
        short = fields["callee"].rsplit(".", 1)[-1]
        fields.setdefault("obj", f"`{fields['callee']}()`")
        fields.update(messages.wait_fields(judged.tag, fields.get("call", short)))
        ctx.report(self.code, site.span, fields)
