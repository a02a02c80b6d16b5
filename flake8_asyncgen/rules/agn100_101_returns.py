"""AGN100 / AGN101: a coroutine returns an async generator object."""

from __future__ import annotations

from typing import Any, Optional

from .api import (
    CallResult, Fix, JudgedSite, Located, Rule, RuleContext, async_for_delegation, find_returns,
)


class CoroutineReturnsAsyncGenerator(Rule):
    """``async def`` without ``yield`` whose ``return`` hands back an async generator object.

    AGN100 when the generator function is defined inside the coroutine (the incident's
    root cause), AGN101 otherwise.  ``return await coro()`` is left to the callee's own
    definition: it only passes on what that coroutine returns.
    """

    code = "AGN100"
    codes = ("AGN100", "AGN101")
    contexts = ("return",)
    triggers = frozenset({"agen"})
    INVALID = [
        "async def stream():\n    async def gen():\n        yield 1\n    return gen()\n",
        "async def gen():\n    yield 1\nasync def stream():\n    return gen()\n",
    ]
    VALID = [
        "async def stream():\n    async def gen():\n        yield 1\n"
        "    async for x in gen():\n        yield x\n",
        "class Client:\n    async def _stream(self):\n        async def gen():\n"
        "            yield 1\n        return gen()\n    async def create(self):\n"
        "        return await self._stream()\n",
        "async def gen():\n    yield 1\ndef stream():\n    return gen()\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        value = judged.value
        queries = ctx.queries
        function = judged.site.scope
        facts = queries.info.scopes[function].function
        if facts is not None and facts.declares_awaited_stream:
            # Its declaration says callers await it for a stream (``Awaitable[AsyncIterator]``,
            # a union with another result, ``@overload``s returning a stream): deliberate.
            return
        name = queries.info.scopes[function].name
        if (
            name in queries.info.summary.awaited_only
            and queries.async_iterator_annotation(function) is None
        ):
            # A private helper its module only ever awaits (``await self._stream(...)``), not
            # annotated as an async iterator: an await-then-iterate step the module uses as
            # such. (The incident's ``_stream_completion`` was annotated ``AsyncGenerator``.)
            return
        nested = (
            isinstance(value, CallResult)
            and value.module == queries.module_name
            and queries.encloses(function, value.scope)
        )
        fields = queries.callee_fields(value)
        fields["func"] = queries.qualname(function)
        # The fix needs every ``return`` to hand back an async generator (an async generator
        # cannot return a value).
        every_return = queries.returned(queries.module_name, function, ("agen",)) is not None
        # When some path returns something else, changing the function's kind would break it:
        # the advice is to split the API, and no fix is offered.
        fields["advice"] = "delegate" if every_return else "split"
        ctx.report(
            "AGN100" if nested else "AGN101", judged.site.span, fields,
            _delegate if every_return else None,
        )


def _delegate(located: Located) -> Optional[Fix]:
    """Make the coroutine an async generator that delegates: ``async for x in g: yield x``.

    Only when each ``return`` stands alone on its line.  Unsafe: callers that wrote
    ``async for x in await f()`` must drop the ``await``.
    """
    import libcst as cst

    function = located.enclosing(cst.FunctionDef)
    line = located.enclosing(cst.SimpleStatementLine)
    if not isinstance(function, cst.FunctionDef) or not isinstance(line, cst.SimpleStatementLine):
        return None
    lines = find_returns(function)
    if lines is None or not any(candidate is line for candidate in lines):
        return None
    body: Any = getattr(function.body, "body", ())
    last = bool(body) and body[-1] is line
    replacement = async_for_delegation(line, keep_return=not last)
    return Fix(line, replacement, False, "make it an async generator that delegates")
