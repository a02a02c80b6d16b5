"""AGN212: a coroutine or async generator object passed where the callee's annotation
rules it out."""

from __future__ import annotations

from .api import AsyncGenExpression, CallResult, JudgedSite, Rule, RuleContext, messages


class ArgumentAgainstAnnotation(Rule):
    code = "AGN212"
    contexts = ("arg",)
    triggers = frozenset({"coro", "agen"})
    INVALID = [
        "from typing import AsyncIterable, Iterable, Union\n"
        "class StreamingResponse:\n"
        "    def __init__(self, content: Union[AsyncIterable[str], Iterable[str]]):\n"
        "        self.content = content\n"
        "async def numbers():\n    return '1 2 3'\n"
        "def endpoint():\n    return StreamingResponse(numbers())\n",
        "from typing import Any, Callable\n"
        "def schedule(func: Callable[[], Any]) -> None:\n    func()\n"
        "async def send_email():\n    pass\n"
        "schedule(send_email())\n",
    ]
    VALID = [
        "from typing import AsyncIterable, Iterable, Union\n"
        "class StreamingResponse:\n"
        "    def __init__(self, content: Union[AsyncIterable[str], Iterable[str]]):\n"
        "        self.content = content\n"
        "async def numbers():\n    yield '1'\n"
        "def endpoint():\n    return StreamingResponse(numbers())\n",
        "from typing import Any, Awaitable\n"
        "def schedule(job: Awaitable[Any]) -> None:\n    pass\n"
        "async def send_email():\n    pass\n"
        "schedule(send_email())\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        value = judged.value
        site = judged.site
        if site.call is None or not isinstance(value, (CallResult, AsyncGenExpression)):
            return
        kind = value.kind
        if kind not in ("coro", "agen"):
            return
        landing = ctx.queries.landing(site)
        if landing is None or landing.param.read:
            return  # no annotation: what the body reads of it is AGN210's
        accepts = landing.param.accepts
        if ("await" if kind == "coro" else "aiter") in accepts:
            return
        if "class" in accepts and not ctx.queries.class_rules_out(landing, kind, site):
            return  # an awaitable or async-iterable class, a Protocol, or one not known
        fields = ctx.queries.callee_fields(value)
        short = fields["callee"].rsplit(".", 1)[-1]
        genexp = isinstance(value, AsyncGenExpression)
        obj = messages.ASYNC_GENEXP_WORDING if genexp else messages.unawaited_call(
            kind, fields["callee"]
        )
        ctx.report(self.code, site.span, {
            "object": obj,
            "where": fields["where"],
            "param": landing.param.name,
            "func": landing.callee,
            "func_where": messages.where_defined(landing.where),
            "declared": landing.param.declared,
            "what": messages.ARGUMENT_WHAT[kind],
            "advice": messages.argument_advice(
                "genexp" if genexp else kind, accepts
            ).format(short=short),
        })
