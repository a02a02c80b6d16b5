"""AGN208: a statement used on an object whose class lacks the special method it needs."""

from __future__ import annotations

from .api import AttrExpr, CallExpr, FunctionRef, JudgedSite, PlainResult, Rule, RuleContext

_ASYNC_PROTOCOLS = frozenset({"await", "aiter", "awith"})


class ObjectLacksProtocol(Rule):
    code = "AGN208"
    contexts = ("await", "aiter", "iter", "awith", "with")
    triggers = frozenset({"instance", "plain"})
    INVALID = [
        "class Session:\n    async def __aenter__(self):\n        return self\n"
        "    async def __aexit__(self, *exc):\n        return None\n"
        "async def main():\n    session = await Session()\n",
        "class Lines:\n    def __aiter__(self):\n        return self\n"
        "    async def __anext__(self):\n        raise StopAsyncIteration\n"
        "def main():\n    for line in Lines():\n        print(line)\n",
    ]
    VALID = [
        "class Session:\n    async def __aenter__(self):\n        return self\n"
        "    async def __aexit__(self, *exc):\n        return None\n"
        "async def main():\n    async with Session() as session:\n        print(session)\n",
        "import asyncio\nclass Job(asyncio.Future):\n    pass\n"
        "async def main():\n    await Job()\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        value = judged.value
        if isinstance(value, PlainResult):
            # ``await notifier.notify(msg)`` with ``def notify``: no builtin object is
            # awaitable, async-iterable or an async context manager.  Only the call itself:
            # a name holding the result may be narrowed (``if stream is None: return``).  A
            # property read calls its getter each time (``await card.tiers``): a call too.
            if site.context in _ASYNC_PROTOCOLS and (isinstance(site.expr, CallExpr) or (
                isinstance(site.expr, AttrExpr)
                and ctx.queries.evaluator.functions.is_property(
                    FunctionRef(value.module, value.scope)
                )
            )):
                plain = ctx.queries.plain_fields(value, site)
                ctx.report(self.code, site.outer or site.span, plain)
            return
        fields = ctx.queries.missing_protocol(value, site)
        if fields is not None:
            ctx.report(self.code, site.outer or site.span, fields)
