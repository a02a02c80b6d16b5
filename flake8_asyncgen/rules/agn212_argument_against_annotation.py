"""AGN212: a coroutine or async generator object passed where the callee's annotation
rules it out."""

from __future__ import annotations

from .api import (
    AsyncGenExpression, CallResult, Instance, JudgedSite, Outside, Rule, RuleContext, kinds,
    messages,
)


class ArgumentAgainstAnnotation(Rule):
    """Also a file-like object whose ``read`` / ``write`` is a coroutine function (aiofiles'
    handles) given to a standard-library function that calls that method and uses what it
    returns at once (``json.dump(data, f)``, ``json.load(f)``: :data:`kinds.STDLIB_FILE_
    PARAMETERS`), whose typeshed annotation (``SupportsWrite[str]``) rules it out."""

    code = "AGN212"
    contexts = ("arg",)
    triggers = frozenset({"coro", "agen", "instance"})
    call_names = kinds.FILE_PARAMETER_CALL_NAMES
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
        if isinstance(value, Instance):
            self._async_file(value, judged, ctx)
            return
        if site.call is None or not isinstance(value, (CallResult, AsyncGenExpression)):
            return
        kind = value.kind
        if kind not in ("coro", "agen"):
            return
        landing = ctx.queries.landing(site)
        if landing is None:
            self._call_made_for_function_api(judged, ctx)
            return
        if landing.param.read:
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

    def _async_file(self, value: Instance, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        call = site.call
        if call is None or call.after_star or not isinstance(call.position, int):
            return
        func = ctx.queries.eval(call.func, site.scope)
        if not isinstance(func, Outside):
            return
        known = kinds.STDLIB_FILE_PARAMETERS.get(func.qualified)
        if known is None or known[0] != call.position:
            return
        _, param, method, declared = known
        evaluator = ctx.queries.evaluator
        result = evaluator.call(evaluator.attr(value, method))
        if not isinstance(result, CallResult) or result.kind != "coro":
            return
        fields = ctx.queries.callee_fields(result)
        ctx.report(self.code, site.span, {
            "object": messages.async_file_object(fields["callee"], method),
            "where": fields["where"],
            "param": param,
            "func": f"{func.qualified}()",
            "func_where": messages.IN_STANDARD_LIBRARY,
            "declared": declared,
            "what": messages.ASYNC_FILE_WHAT.format(method=method),
            "advice": messages.async_file_advice(func.qualified, method),
        })

    def _call_made_for_function_api(self, judged: JudgedSite, ctx: RuleContext) -> None:
        """``tg.start_soon(self.amounts())``, ``anyio.run(main())``: the API takes the async
        function and calls it (known by name: anyio and trio are not read), so the coroutine
        object given instead is not callable, and never runs."""
        value, site = judged.value, judged.site
        if not isinstance(value, CallResult) or value.kind != "coro":
            return
        api = ctx.queries.function_api(site)
        if api is None:
            return
        fields = ctx.queries.callee_fields(value)
        short = fields["callee"].rsplit(".", 1)[-1]
        ctx.report(self.code, site.span, {
            "object": messages.unawaited_call("coro", fields["callee"]),
            "where": fields["where"],
            **messages.function_api_fields(api),
            "what": messages.ARGUMENT_WHAT["coro"],
            "advice": messages.argument_advice("coro", frozenset({"call"})).format(short=short),
        })
