"""AGN202: an async generator handed to an API that needs a coroutine."""

from __future__ import annotations

from typing import Optional

from .api import JudgedSite, Rule, RuleContext, kinds, messages


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
    triggers = frozenset({"agen", "agen_fn"})
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
        api = self._api(judged, ctx)
        if api is None:
            return
        fields = ctx.queries.callee_fields(judged.value)
        obj = fields.get("obj", f"`{fields['callee']}()`")
        fields.update(messages.agn202_fields(judged.tag, fields["callee"], obj))
        ctx.report(self.code, site.span, {"api": api, **fields})

    @staticmethod
    def _api(judged: JudgedSite, ctx: RuleContext) -> Optional[str]:
        if judged.tag == "agen":
            return ctx.queries.awaitable_api(judged.site)
        return ctx.queries.function_api(judged.site)
