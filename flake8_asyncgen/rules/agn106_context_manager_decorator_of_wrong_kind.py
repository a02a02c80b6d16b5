"""AGN106: a context-manager decorator on a function of the kind it cannot use."""

from __future__ import annotations

from .api import JudgedSite, Rule, RuleContext


class ContextManagerDecoratorOfWrongKind(Rule):
    """``@contextlib.contextmanager`` drives a plain generator with ``next()``;
    ``@contextlib.asynccontextmanager`` drives an async generator with ``anext()``.  On an
    ``async def`` the first gets a coroutine or an async generator, on a plain generator
    function (or an ``async def`` without ``yield``) the second gets a generator (or a
    coroutine): entering what the decorated function makes raises ``TypeError``, wherever it
    is used.  Reported at the ``def``; a plain ``def`` without ``yield`` under either (it may
    return a generator made elsewhere) and stubs are not judged."""

    code = "AGN106"
    contexts = ("special",)
    triggers = frozenset({"function"})
    INVALID = [
        "import contextlib\n@contextlib.contextmanager\nasync def session():\n    yield 1\n",
        "import contextlib\n@contextlib.asynccontextmanager\ndef session():\n    yield 1\n",
    ]
    VALID = [
        "import contextlib\n@contextlib.asynccontextmanager\nasync def session():\n"
        "    yield 1\n",
        "import contextlib\n@contextlib.contextmanager\ndef session():\n    yield 1\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        fields = ctx.queries.wrong_manager_decorator(judged.site.scope)
        if fields is not None:
            ctx.report(self.code, judged.site.span, fields)
