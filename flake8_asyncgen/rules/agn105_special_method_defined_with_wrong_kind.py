"""AGN105: a special method Python calls itself, defined with a kind that breaks the call."""

from __future__ import annotations

from .api import JudgedSite, Rule, RuleContext


class SpecialMethodDefinedWithWrongKind(Rule):
    """The interpreter calls ``__aiter__``, ``__anext__``, ``__aenter__``, ``__aexit__``,
    ``__await__``, ``__iter__``, ``__enter__``, ``__init__``, ``__len__``, ... as plain methods
    and uses what the call gives: ``async for`` needs an async iterator from ``__aiter__`` (an
    ``async def`` gives a coroutine, which has none of ``__anext__``) and awaits what
    ``__anext__`` gives (an async generator is not awaitable); ``await``, ``for``, ``with`` and
    the builtins need a plain value.  So the definition itself is wrong, whoever uses the
    class, and is reported at its ``def`` (AGN220 reports the statements that use such a
    class where it is known).  Judged when the method's kind after its decorators is known, in
    a class nothing unseen may rewrite; not for stubs (abstract methods, Protocol members) nor
    under a version test (Python 3.5.0 wanted an awaitable ``__aiter__``)."""

    code = "AGN105"
    contexts = ("special",)
    triggers = frozenset({"function"})
    INVALID = [
        "class Feed:\n    async def __aiter__(self):\n        return self\n"
        "    async def __anext__(self):\n        raise StopAsyncIteration\n",
        "class Client:\n    async def __init__(self, url):\n        self.url = url\n",
    ]
    VALID = [
        "class Feed:\n    def __aiter__(self):\n        return self\n"
        "    async def __anext__(self):\n        raise StopAsyncIteration\n",
        "class Feed:\n    async def __aiter__(self):\n        yield 1\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        fields = ctx.queries.wrong_special_definition(judged.site.scope)
        if fields is not None:
            ctx.report(self.code, judged.site.span, fields)
