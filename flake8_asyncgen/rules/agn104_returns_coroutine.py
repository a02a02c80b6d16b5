"""AGN104: a coroutine returns another coroutine without awaiting it."""

from __future__ import annotations

from .api import CALL_RESULTS, CallExpr, JudgedSite, NameExpr, Rule, RuleContext, messages


class CoroutineReturnsCoroutine(Rule):
    """``async def`` without ``yield`` whose ``return`` hands back a coroutine call it did not
    await (``return self.find()``), while another ``return`` gives a plain result.

    Awaiting the outer coroutine then gives the inner coroutine object on that path: the
    caller's result is a coroutine (``'coroutine' object is not iterable`` / ``has no
    attribute``), and the inner body never runs.  A coroutine whose returns all hand out
    coroutine calls (or things not known) is a design some libraries use on purpose (the
    caller awaits twice: litellm's router, redis' cluster transactions): not judged.  Only a
    call written in the ``return`` is judged: a name holding a coroutine may have been made
    for a task.
    """

    code = "AGN104"
    contexts = ("return",)
    triggers = frozenset({"coro"})
    INVALID = [
        "async def fetch():\n    return 1\nasync def cached(hit):\n    if hit:\n"
        "        return [1]\n    return fetch()\n",
        "class Crawler:\n    async def find(self):\n        return []\n"
        "    async def next_round(self, done):\n        if done:\n            return []\n"
        "        return self.find()\n",
    ]
    VALID = [
        "async def fetch():\n    return 1\nasync def fetch_twice():\n    return await fetch()\n",
        "async def fetch():\n    return 1\nasync def route():\n    return fetch()\n",
        "async def fetch():\n    return 1\ndef schedule():\n    return fetch()\n",
        "import asyncio\nasync def fetch():\n    return 1\nasync def start():\n"
        "    return asyncio.create_task(fetch())\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        if isinstance(site.expr, NameExpr):
            # Bound by branches, one un-awaited and one awaited: the awaited one is the
            # result (a name bound once to a coroutine may have been made for a task).
            if ctx.queries.unawaited_alternative(site.scope, site.expr) is None:
                return
        elif not isinstance(site.expr, CallExpr) or not isinstance(judged.value, CALL_RESULTS):
            return
        witness = messages.ANOTHER_PATH
        if isinstance(site.expr, CallExpr) and not ctx.queries.returns_a_result(site.scope):
            # Every path may hand out coroutines on purpose, unless the annotation says the
            # result is something no coroutine is (``-> str``, ``-> Completion``).
            declared = ctx.queries.declared_not_awaitable(site.scope, site)
            if declared is None:
                return
            witness = messages.annotated_witness(declared)
        fields = ctx.queries.callee_fields(judged.value)
        fields["func"] = ctx.queries.qualname(site.scope)
        fields["witness"] = witness
        ctx.report(self.code, site.span, fields)
