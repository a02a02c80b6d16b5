"""AGN216: a ``@contextmanager`` function's call entered with ``async with``, awaited or
iterated with ``async for``."""

from __future__ import annotations

from .api import JudgedSite, Rule, RuleContext, messages


class ContextManagerUsedAsynchronously(Rule):
    """The object a ``@contextlib.contextmanager`` function's call gives supports ``with``
    only: it has no ``__aenter__``, ``__await__`` nor ``__aiter__``, so ``async with``,
    ``await`` and ``async for`` on it raise TypeError and the generator's body never runs
    (``async with session_scope():`` with a synchronous session helper, in a handler made
    async)."""

    code = "AGN216"
    contexts = ("awith", "await", "aiter")
    triggers = frozenset({"cm"})
    INVALID = [
        "from contextlib import contextmanager\n@contextmanager\n"
        "def session():\n    yield 1\nasync def main():\n    async with session() as s:\n"
        "        print(s)\n",
    ]
    VALID = [
        "from contextlib import contextmanager\n@contextmanager\n"
        "def session():\n    yield 1\nasync def main():\n    with session() as s:\n"
        "        print(s)\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        at = (site.outer or site.span) if site.context == "await" else site.span
        fields = ctx.queries.advised_fields(judged.value)
        fields["api"] = messages.protocol_use(site.context, site.how)
        ctx.report(self.code, at, fields)
