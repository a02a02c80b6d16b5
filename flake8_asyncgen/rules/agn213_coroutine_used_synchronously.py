"""AGN213: a coroutine object iterated synchronously or entered with ``with``, unawaited."""

from __future__ import annotations

from .api import JudgedSite, Rule, RuleContext, StdlibCall, kinds, messages, sync_iteration_api


class CoroutineUsedSynchronously(Rule):
    code = "AGN213"
    contexts = ("iter", "with", "arg")
    triggers = frozenset({"coro", "awaitable"})
    call_names = kinds.SYNC_ITERATING_CALL_NAMES
    INVALID = [
        "async def rows():\n    return [1]\nasync def main():\n    for r in rows():\n"
        "        print(r)\n",
        "async def rows():\n    return [1]\nasync def main():\n    return sorted(rows())\n",
        "async def connect():\n    return open('f')\ndef main():\n    with connect() as f:\n"
        "        print(f)\n",
    ]
    VALID = [
        "async def rows():\n    return [1]\nasync def main():\n    for r in await rows():\n"
        "        print(r)\n",
        # A generator-based coroutine may ``yield from`` a coroutine.
        "import types\nasync def rows():\n    return [1]\n@types.coroutine\ndef legacy():\n"
        "    return (yield from rows())\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        if judged.tag == "awaitable" and (
            not isinstance(judged.value, StdlibCall) or site.context == "with"
        ):
            # Only the future ``asyncio.gather(...)`` gives, iterated: pending when made, so
            # iterating it fails.  A declared awaitable may be a future already done, whose
            # iteration ends at once.
            return
        if site.context == "with":
            use, how = messages.entered_by(site.how), "entered"
        else:
            if site.how == "yield_from":
                return  # allowed in a generator-based coroutine (``@types.coroutine``)
            api = sync_iteration_api(site, ctx.queries)
            if api is None:
                return
            use, how = messages.iterated_by(api), "iterated"
        advice = f"{how}-{ctx.queries.origin(judged.value)}"  # a key of messages.ADVICE
        fields = {
            "use": use, "advice": advice, **messages.SYNC_USE_WORDING[judged.tag],
            **ctx.queries.callee_fields(judged.value),
        }
        ctx.report(self.code, site.span, fields)
