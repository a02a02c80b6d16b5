"""AGN208: a statement used on an object whose class lacks the special method it needs."""

from __future__ import annotations

from .api import JudgedSite, Rule, RuleContext


class ObjectLacksProtocol(Rule):
    code = "AGN208"
    contexts = ("await", "aiter", "iter", "awith", "with")
    triggers = frozenset({"instance"})
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
        fields = ctx.queries.missing_protocol(judged.value, site)
        if fields is not None:
            ctx.report(self.code, site.outer or site.span, fields)
