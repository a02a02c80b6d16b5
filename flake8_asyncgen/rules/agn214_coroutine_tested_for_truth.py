"""AGN214: an un-awaited coroutine call tested for truth or compared with ``None``."""

from __future__ import annotations

from .api import CALL_RESULTS, CallExpr, JudgedSite, Rule, RuleContext, messages


class CoroutineTestedForTruth(Rule):
    """``if self.is_burnt(key):``, ``if not ctx.confirm(...)``, ``api.get_room_info(key) is
    None`` with a coroutine function: a coroutine object is always true and never ``None``, so
    the test never depends on the result, and the coroutine never runs.

    A name holding a coroutine is judged only where the function reads it no other way
    (``allow = self.check(url)`` then ``if allow:``): tested on purpose, it is also awaited
    or handed on (``if pending: await pending``)."""

    code = "AGN214"
    contexts = ("truth",)
    triggers = frozenset({"coro", "awaitable"})
    INVALID = [
        "async def is_admin(user):\n    return user == 'root'\n"
        "async def delete(user):\n    if not is_admin(user):\n        raise PermissionError\n",
        "async def find(key):\n    return None\n"
        "async def main():\n    if find('k') is None:\n        return 0\n",
        "async def allowed(url):\n    return False\n"
        "async def main(url):\n    ok = True\n    if url:\n        ok = allowed(url)\n"
        "    if ok:\n        return 1\n",
    ]
    VALID = [
        "async def is_admin(user):\n    return user == 'root'\n"
        "async def delete(user):\n    if not await is_admin(user):\n"
        "        raise PermissionError\n",
        "async def find(key):\n    return None\n"
        "async def main():\n    pending = find('k')\n    if pending:\n        await pending\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        if not (isinstance(site.expr, CallExpr) or site.getter) or not isinstance(
            judged.value, CALL_RESULTS
        ):
            return
        held = site.how.startswith("held:")
        if held and (judged.tag != "coro" or site.outer is None):
            return  # a task or future held and tested: it runs anyway
        fields = ctx.queries.callee_fields(judged.value)
        fields.update(messages.TRUTH_WORDING[judged.tag])
        if held:
            assert site.outer is not None
            fields["test"], fields["always"] = messages.held_truth_test(site.how, site.outer.line)
        else:
            fields["test"], fields["always"] = messages.TRUTH_TESTS.get(
                site.how, messages.TRUTH_TESTS["truth"]
            )
        ctx.report(self.code, site.span, fields)
