"""AGN202: an async generator handed to an API that needs a coroutine."""

from __future__ import annotations

from typing import Optional

from .api import AttrExpr, JudgedSite, Outside, Rule, RuleContext, kinds, messages


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
        site = judged.site
        call = site.call
        assert call is not None
        index, tag = call.position, judged.tag
        func = ctx.queries.eval(call.func, site.scope)
        if isinstance(func, Outside):
            qualified = func.qualified
            if tag == "agen" and qualified in kinds.COROUTINE_APIS:
                if isinstance(index, str):
                    return qualified if index in kinds.COROUTINE_API_KEYWORDS else None
                wanted = kinds.COROUTINE_APIS[qualified]
                return qualified if wanted is None or wanted == index else None
            if tag == "agen_fn" and kinds.ASYNC_FUNCTION_APIS.get(qualified) == index:
                return qualified
        first = index == 0 or (isinstance(index, str) and index in kinds.COROUTINE_API_KEYWORDS)
        return _method_api(judged, ctx, first)


def _method_api(judged: JudgedSite, ctx: RuleContext, first: bool) -> Optional[str]:
    """``loop.run_until_complete(agen())``, ``tg.start_soon(agen_fn)``: only on receivers known
    to come from asyncio, anyio or trio (any other receiver may be anything)."""
    site = judged.site
    call = site.call
    assert call is not None
    if not isinstance(call.func, AttrExpr) or not first:
        return None
    receiver_expr, method = call.func.base, call.func.attr
    receiver = ctx.queries.eval(receiver_expr, site.scope)
    if not isinstance(receiver, Outside):
        return None
    if receiver.qualified.split(".", 1)[0] not in kinds.ASYNC_LIBRARIES:
        return None
    if judged.tag == "agen" and method in kinds.COROUTINE_METHODS:
        return messages.method_api(method)
    if judged.tag == "agen_fn" and method in kinds.ASYNC_FUNCTION_METHODS:
        return messages.method_api(method)
    return None
