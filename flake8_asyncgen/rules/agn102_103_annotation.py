"""AGN102 / AGN103: an ``async def`` without ``yield`` annotated as an async iterator."""

from __future__ import annotations

from typing import Optional

from .api import Fix, JudgedSite, Located, Outside, Rule, RuleContext, awaits_in_own_body


class CoroutineAnnotatedAsAsyncIterator(Rule):
    """The annotation says async iterator, the missing ``yield`` makes it a coroutine.

    Stubs (abstract methods, Protocol members, ``@overload`` and bodies that only
    document the signature) get their own code, AGN103, because the fix differs:
    declare them ``def`` so type checkers read them as returning an async iterator.
    """

    code = "AGN102"
    codes = ("AGN102", "AGN103")
    contexts = ("def",)
    triggers = frozenset({"asynciter"})
    INVALID = [
        "from typing import AsyncIterator\n"
        "async def rows() -> AsyncIterator[int]:\n    return await fetch()\n",
        "from typing import AsyncIterator, Protocol\n"
        "class Source(Protocol):\n    async def rows(self) -> AsyncIterator[int]: ...\n",
    ]
    VALID = [
        "from typing import AsyncIterator\n"
        "async def rows() -> AsyncIterator[int]:\n    yield 1\n",
        "from typing import AsyncIterator, Protocol\n"
        "class Source(Protocol):\n    def rows(self) -> AsyncIterator[int]: ...\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        queries = ctx.queries
        annotation = judged.value
        assert isinstance(annotation, Outside)
        fields = {
            "func": queries.info.scopes[site.scope].name,
            "callee": annotation.qualified.rsplit(".", 1)[-1],
        }
        if not queries.is_stub(site.scope):
            if fields["callee"] in _PROTOCOL_ANNOTATIONS and (
                fields["func"] in queries.info.summary.awaited_only
            ):
                # A private helper its module only ever awaits, declared to give an async
                # iterable or iterator (``stream = await _normalize(response)``): the
                # annotation is what awaiting it gives, as type checkers read it.  (The
                # incident's ``_stream_completion`` says ``AsyncGenerator``: a generator type
                # only ``yield`` makes, still reported.)
                return
            ctx.report("AGN102", site.span, fields)
            return
        # A stub is judged by what implements it: the ``@overload`` implementation, or the
        # overrides in the project's subclasses.
        verdict = queries.stub_verdict(site.scope)
        if verdict.consistent:
            return
        fields["detail"] = verdict.detail
        ctx.report("AGN103", site.span, fields, _declare_def)


_PROTOCOL_ANNOTATIONS = frozenset({"AsyncIterable", "AsyncIterator"})


def _declare_def(located: Located) -> Optional[Fix]:
    """Drop ``async`` from the stub.  Unsafe: ``inspect.iscoroutinefunction`` (and so mocks
    with ``spec``) changes.  Refused when the body awaits: without ``async`` that would be a
    SyntaxError."""
    import libcst as cst

    function = located.enclosing(cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef) or awaits_in_own_body(function):
        return None
    return Fix(function, function.with_changes(asynchronous=None), False,
               "declare the stub `def`")
