"""AGN206: an ``@asynccontextmanager`` function's call awaited, iterated or entered with
``with``."""

from __future__ import annotations

from .api import JudgedSite, Rule, RuleContext, kinds, messages, sync_iteration_api


class MisusedAsyncContextManager(Rule):
    """The object an ``@asynccontextmanager`` function's call gives supports ``async with``
    only: it has no ``__await__``, ``__aiter__``, ``__iter__``, nor ``__enter__``, whatever
    the Python version, so ``await``, ``async for``, ``for`` (``list()``, ...) and ``with``
    on it raise TypeError before its body runs."""

    code = "AGN206"
    contexts = ("await", "aiter", "with", "iter", "arg")
    triggers = frozenset({"acm"})
    call_names = kinds.SYNC_ITERATING_CALL_NAMES
    INVALID = [
        "from contextlib import asynccontextmanager\n@asynccontextmanager\n"
        "async def session():\n    yield 1\nasync def main():\n    s = await session()\n",
        "from contextlib import asynccontextmanager\n@asynccontextmanager\n"
        "async def session():\n    yield 1\ndef main():\n    with session() as s:\n"
        "        print(s)\n",
    ]
    VALID = [
        "from contextlib import asynccontextmanager\n@asynccontextmanager\n"
        "async def session():\n    yield 1\nasync def main():\n"
        "    async with session() as s:\n        print(s)\n"
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        at = site.span
        if site.context == "await":
            at, api = site.outer or site.span, messages.PROTOCOL_NEEDS["await"][0]
        elif site.context in ("aiter", "with"):
            api = messages.protocol_use(site.context, site.how)
        else:
            found = sync_iteration_api(site, ctx.queries)
            if found is None:
                return
            api = found
        ctx.report(self.code, at, {"api": api, **ctx.queries.callee_fields(judged.value)})
