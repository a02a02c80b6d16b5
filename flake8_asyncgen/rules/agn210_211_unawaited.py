"""AGN210 / AGN211: a coroutine (or async generator, async context manager) used as if it
were the value awaiting it gives, or not used at all."""

from __future__ import annotations

from typing import Dict, Union

from .api import (
    AsyncGenExpression, CALL_RESULTS, CallResult, DeclaredCall, JudgedSite, Rule, RuleContext,
    StdlibCall, kinds, messages,
)


class AttributeOfUnawaitedObject(Rule):
    """Also an argument whose parameter the callee's body reads an attribute or item of
    before anything can stop it (``Event.from_json(response.json)`` with a coroutine
    property, whose first statement reads ``data.items()``): the read fails in the callee."""

    code = "AGN210"
    contexts = ("attr", "arg")
    triggers = frozenset({"coro", "agen", "acm", "instance", "awaitable"})
    INVALID = [
        "async def fetch():\n    return {}\nasync def main():\n"
        "    response = fetch()\n    print(response.status)\n",
        "async def fetch():\n    return {}\nasync def main():\n"
        "    print(fetch()['status'])\n",
    ]
    VALID = [
        "async def fetch():\n    return {}\nasync def main():\n"
        "    response = await fetch()\n    print(response.status)\n",
        "async def fetch():\n    return {}\nasync def main():\n"
        "    job = fetch()\n    job.close()\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        value = judged.value
        attr = judged.site.how
        if judged.site.context == "arg":
            self._read_by_callee(judged, ctx)
            return
        if judged.tag == "instance":
            if attr.startswith(kinds.SET_ATTRIBUTE) or attr == kinds.CALL_ACCESS:
                return  # an instance of a class may take a new attribute, or be callable
            found = ctx.queries.unawaited_instance(value, attr)
            if found is not None:
                ctx.report(self.code, judged.site.span, found)
            return
        if not isinstance(value, CALL_RESULTS) or isinstance(
            value, AsyncGenExpression
        ):
            return
        if attr == kinds.SEND_CALL and value.kind != "coro":
            return  # no ``send`` at all: the read of ``.send`` itself is the finding
        name = attr[len(kinds.SET_ATTRIBUTE):] if attr.startswith(kinds.SET_ATTRIBUTE) else attr
        if name in messages.OBJECT_ATTRIBUTES[value.kind] or name.startswith("_"):
            return  # private names: implementation details an object may have
        ctx.report(self.code, judged.site.span, _fields(value, attr, ctx))

    def _read_by_callee(self, judged: JudgedSite, ctx: RuleContext) -> None:
        value = judged.value
        site = judged.site
        if site.call is None or not isinstance(value, CALL_RESULTS) or isinstance(
            value, AsyncGenExpression
        ) or value.kind not in ("coro", "agen"):
            return
        landing = ctx.queries.landing(site)
        if landing is None or not landing.param.read:
            return
        attr = landing.param.read
        if attr in messages.OBJECT_ATTRIBUTES[value.kind]:
            return
        fields = _fields(value, attr, ctx)
        fields["access"] = messages.read_by_callee(
            fields["access"], landing.callee, landing.param.name, landing.where,
            landing.param.line,
        )
        ctx.report(self.code, site.span, fields)


def _fields(
    value: Union[CallResult, DeclaredCall, StdlibCall], attr: str, ctx: RuleContext
) -> Dict[str, str]:
    """AGN210's message fields for reading (or setting) ``attr`` on the object ``value``."""
    fields = ctx.queries.callee_fields(value)
    fields.update(messages.access_fields(attr, value.kind))
    fields["object"] = messages.unawaited_call(value.kind, fields["callee"])
    return fields


class CoroutineCallDiscarded(Rule):
    code = "AGN211"
    contexts = ("discard",)
    triggers = frozenset({"coro"})
    INVALID = [
        "async def flush():\n    return 1\nasync def main():\n    flush()\n",
        "async def flush():\n    return 1\nasync def main():\n    done = flush()\n",
    ]
    VALID = [
        "async def flush():\n    return 1\nasync def main():\n    await flush()\n",
        "import asyncio\nasync def flush():\n    return 1\nasync def main():\n"
        "    asyncio.ensure_future(flush())\n",
        "async def flush():\n    return 1\nasync def main():\n    done = flush()\n"
        "    return done\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        how = judged.site.how
        if not (how in ("call", "format") or how.startswith("unused:")) or not isinstance(
            judged.value, CALL_RESULTS
        ):
            return  # a name holding a coroutine: made (and maybe awaited) elsewhere
        if ctx.queries.may_return_none(judged.value):
            return  # a wrapper that sometimes returns nothing: discarding that is fine
        fields = ctx.queries.callee_fields(judged.value)
        fields["fate"] = messages.discarded_fate(how)
        fields["scheduler"] = ctx.queries.scheduler(judged.value)
        ctx.report(self.code, judged.site.span, fields)
