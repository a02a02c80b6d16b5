"""AGN220: a statement on an instance whose class defines the special method it needs with
the wrong kind (``async def __aiter__``, a plain ``def __aenter__``)."""

from __future__ import annotations

from .api import Instance, JudgedSite, Rule, RuleContext


class SpecialMethodOfWrongKind(Rule):
    """The statement finds its special method, calls it, and fails on what the call gives:
    ``async for`` awaits nothing from an ``async def __aiter__`` (its coroutine has no
    ``__anext__``), ``async with`` awaits what ``__aenter__`` / ``__aexit__`` return, ``await``
    iterates what ``__await__`` returns.  Judged on an instance of a project class whose
    method order is known (every subclass too, for one known from an annotation), where the
    method's kind (or, for a plain ``def``, every value it returns) says the statement fails."""

    code = "AGN220"
    contexts = ("await", "aiter", "iter", "awith")
    triggers = frozenset({"instance"})
    INVALID = [
        "class Feed:\n    def __aiter__(self):\n        return [1, 2]\n"
        "async def main():\n    async for item in Feed():\n        print(item)\n",
        "class Session:\n    def __aenter__(self):\n        return self\n"
        "    async def __aexit__(self, *exc):\n        return None\n"
        "async def main():\n    async with Session() as session:\n        print(session)\n",
    ]
    VALID = [
        "class Feed:\n    def __aiter__(self):\n        return self\n"
        "    async def __anext__(self):\n        raise StopAsyncIteration\n"
        "async def main():\n    async for item in Feed():\n        print(item)\n",
        "class Feed:\n    async def __aiter__(self):\n        yield 1\n"
        "async def main():\n    async for item in Feed():\n        print(item)\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        value = judged.value
        if not isinstance(value, Instance) or (not value.exact and not value.declared):
            return  # ``self``: a subclass may define it otherwise
        site = judged.site
        if site.how == "membership":
            return  # ``in`` asks ``__contains__`` first
        fields = ctx.queries.wrong_special_method(value, site)
        if fields is not None:
            ctx.report(self.code, site.outer or site.span, fields)
