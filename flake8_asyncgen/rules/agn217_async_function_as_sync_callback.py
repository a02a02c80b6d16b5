"""AGN217: an async function given to an API that calls it as a plain function."""

from __future__ import annotations

from typing import Optional

from .api import (
    CALL_RESULTS, FunctionRef, JudgedSite, Outside, Rule, RuleContext, kinds, messages,
)


def _last(name: str) -> str:
    return name.rsplit(".", 1)[-1]


class AsyncFunctionAsSyncCallback(Rule):
    """``loop.add_signal_handler(SIGTERM, shutdown)``, ``atexit.register(close)``,
    ``threading.Thread(target=poll)``, ``await asyncio.to_thread(fetch)`` with ``async def``
    functions: the API calls the function like a plain one, so the call only makes a
    coroutine, which the API drops (or hands back as its result); the body never runs.

    Judged only when the function is known to be a coroutine (or async generator) function
    for every object it may be bound to (a method and every override agree; a coroutine
    function of the standard library, such as an ``asyncio.Queue``'s ``get``, by name), and, for a
    method API, when the receiver is known to be asyncio's loop or future or an executor.
    A lambda given there whose body is a call of such a function (``loop.call_soon(lambda:
    self.flush())``) is the same mistake: the API gets the coroutine the call makes.
    """

    code = "AGN217"
    contexts = ("arg", "callback")
    triggers = frozenset({"function", "agen_fn", "coro", "agen"})
    call_names = frozenset(
        {_last(name) for name in kinds.SYNC_CALLBACK_APIS} | set(kinds.SYNC_CALLBACK_METHODS)
        | {_last(name) for name in kinds.SYNC_CALLBACK_BUILTINS}
    )
    INVALID = [
        "import asyncio\nimport signal\nasync def shutdown():\n    pass\n"
        "async def main():\n    loop = asyncio.get_running_loop()\n"
        "    loop.add_signal_handler(signal.SIGTERM, shutdown)\n",
        "import threading\nasync def poll():\n    pass\n"
        "threading.Thread(target=poll).start()\n",
        "import atexit\nasync def close():\n    pass\natexit.register(lambda: close())\n",
    ]
    VALID = [
        "import asyncio\nimport signal\nasync def shutdown():\n    pass\n"
        "async def main():\n    loop = asyncio.get_running_loop()\n"
        "    loop.add_signal_handler(signal.SIGTERM, lambda: asyncio.create_task(shutdown()))\n",
        "import asyncio\nimport threading\nasync def poll():\n    pass\n"
        "def run():\n    asyncio.run(poll())\nthreading.Thread(target=run).start()\n",
        "import asyncio\nimport threading\nasync def poll():\n    pass\n"
        "threading.Thread(target=lambda: asyncio.run(poll())).start()\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        site = judged.site
        value = judged.value
        if site.context == "callback":
            self._lambda_result(judged, ctx)
            return
        if not isinstance(value, (FunctionRef, Outside)):
            return
        api = ctx.queries.callback_api(site)
        if api is None:
            return
        if isinstance(value, Outside):
            # A coroutine function of the standard library, known by name (``queue.get``
            # of an ``asyncio.Queue``): its tag says it is one.
            kind: Optional[str] = "coro"
        else:
            kind = ctx.queries.called_kind(site.expr, site.scope)
        if kind is None:
            return
        fields = ctx.queries.callee_fields(judged.value)
        short = fields["callee"].rsplit(".", 1)[-1]
        fields.update(messages.callback_fields(api, kind, short))
        ctx.report(self.code, site.span, fields)

    def _lambda_result(self, judged: JudgedSite, ctx: RuleContext) -> None:
        """A lambda whose body calls a coroutine (or async generator) function: the API
        calling the lambda gets the object that call makes."""
        value = judged.value
        if not isinstance(value, CALL_RESULTS) or value.kind not in ("coro", "agen"):
            return
        if ctx.queries.may_return_none(value):
            return  # a wrapper that sometimes returns nothing
        api = ctx.queries.callback_api(judged.site)
        if api is None:
            return
        fields = ctx.queries.callee_fields(value)
        short = fields["callee"].rsplit(".", 1)[-1]
        fields.update(messages.callback_fields(api, value.kind, short, through_lambda=True))
        ctx.report(self.code, judged.site.span, fields)
