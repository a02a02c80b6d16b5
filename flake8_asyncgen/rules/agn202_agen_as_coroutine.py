"""AGN202: an async generator handed to an API that needs a coroutine."""

from __future__ import annotations

from typing import Optional

from .api import CallExpr, JudgedSite, Outside, PlainResult, Rule, RuleContext, kinds, messages


def _last(name: str) -> str:
    return name.rsplit(".", 1)[-1]


class AsyncGeneratorPassedAsCoroutine(Rule):
    """``asyncio.run(agen())`` and friends; ``anyio.run(agen_fn)`` / ``start_soon(agen_fn)``.

    Methods such as ``loop.run_until_complete`` or ``task_group.create_task`` are
    matched by name only when the receiver is known to come from outside the project
    (a call of an outside API, or what ``async with`` on one gives).
    """

    code = "AGN202"
    contexts = ("arg",)
    triggers = frozenset({"agen", "agen_fn", "plain", "instance"})
    call_names = frozenset(
        {_last(name) for name in kinds.COROUTINE_APIS}
        | {_last(name) for name in kinds.ASYNC_FUNCTION_APIS}
        | kinds.COROUTINE_METHODS
        | kinds.ASYNC_FUNCTION_METHODS
    )
    INVALID = [
        "import asyncio\nasync def gen():\n    yield 1\nasyncio.run(gen())\n",
        "import anyio\nasync def gen():\n    yield 1\nanyio.run(gen)\n",
    ]
    VALID = [
        "import asyncio\nasync def main():\n    pass\nasyncio.run(main())\n",
        "import anyio\nasync def main():\n    pass\nanyio.run(main)\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        if site.call is None:
            return
        if judged.tag in ("plain", "instance"):
            self._plain(judged, ctx)
            return
        api = self._api(judged, ctx)
        if api is None:
            return
        fields = ctx.queries.callee_fields(judged.value)
        obj = fields.get("obj", f"`{fields['callee']}()`")
        fields.update(messages.agn202_fields(judged.tag, fields["callee"], obj))
        ctx.report(self.code, site.span, {"api": api, **fields})

    def _plain(self, judged: JudgedSite, ctx: RuleContext) -> None:
        """``asyncio.create_task(refresh())`` with a plain ``def refresh``, or
        ``asyncio.gather(time.sleep(1))``: what the call gives is no coroutine nor awaitable.
        Only the call written as the argument (a name may hold something else by then), and
        not a generator: asyncio before 3.12 takes one as a generator-based coroutine."""
        value, site = judged.value, judged.site
        if not isinstance(site.expr, CallExpr):
            return
        if isinstance(value, PlainResult):
            if value.type_name == "generator":
                return
            type_name = value.type_name
            where, func = ctx.queries.plain_origin(value)
        elif isinstance(value, Outside) and value.qualified in kinds.STDLIB_SYNC_RESULTS:
            type_name = kinds.STDLIB_SYNC_RESULTS[value.qualified][0]
            where = messages.stdlib_result(value.qualified)
            func = messages.stdlib_callee(value.qualified)
        else:
            return
        api = ctx.queries.awaitable_api(site)
        if api is None:
            return
        ctx.report(self.code, site.span, {
            "api": api, **messages.agn202_plain_fields(type_name, where, func),
        })

    @staticmethod
    def _api(judged: JudgedSite, ctx: RuleContext) -> Optional[str]:
        if judged.tag == "agen":
            return ctx.queries.awaitable_api(judged.site)
        return ctx.queries.function_api(judged.site)
