"""AGN202: an async generator handed to an API that needs a coroutine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import kinds
from .base import Rule, Site

if TYPE_CHECKING:  # pragma: no cover
    import libcst as cst

    from ..cst_pass import FileContext


class AsyncGeneratorPassedAsCoroutine(Rule):
    """``asyncio.run(agen())`` and friends; ``anyio.run(agen_fn)`` / ``start_soon(agen_fn)``.

    Methods such as ``loop.run_until_complete`` or ``task_group.create_task`` are
    matched by name only when the receiver is known to come from outside the project
    (a call of an outside API, or what ``async with`` on one gives).
    """

    code = "AGN202"
    contexts = ("arg",)
    triggers = frozenset({"agen", "agen_fn"})
    INVALID = [
        "import asyncio\nasync def gen():\n    yield 1\nasyncio.run(gen())\n",
        "import anyio\nasync def gen():\n    yield 1\nanyio.run(gen)\n",
    ]
    VALID = [
        "import asyncio\nasync def main():\n    pass\nasyncio.run(main())\n",
        "import anyio\nasync def main():\n    pass\nanyio.run(main)\n",
    ]

    def check(self, site: Site, ctx: "FileContext") -> None:
        call, index = site.extra
        func = call.func
        api = self._api(func, index, site.tag, ctx)
        if api is None:
            return
        fields = self.fields(site, ctx)
        if site.tag == "agen":
            fields.update(needs="a coroutine", what=f"async generator `{fields['callee']}()`",
                          function="")
        else:
            fields.update(needs="an async function",
                          what=f"async generator function `{fields['callee']}`",
                          function=" function")
        ctx.report(self.code, site.node, {"api": api, **fields})

    @staticmethod
    def _api(
        func: "cst.BaseExpression", index: "int | str", tag: str, ctx: "FileContext"
    ) -> "str | None":
        value = ctx.eval_node(func)
        if value is not None and value[0] == "X":
            qualified = str(value[1])
            if tag == "agen" and qualified in kinds.COROUTINE_APIS:
                if isinstance(index, str):
                    return qualified if index in kinds.COROUTINE_API_KEYWORDS else None
                wanted = kinds.COROUTINE_APIS[qualified]
                return qualified if wanted is None or wanted == index else None
            if tag == "agen_fn" and kinds.ASYNC_FUNCTION_APIS.get(qualified) == index:
                return qualified
        import libcst as cst

        first = index == 0 or (isinstance(index, str) and index in kinds.COROUTINE_API_KEYWORDS)
        if not isinstance(func, cst.Attribute) or not first:
            return None
        receiver = ctx.eval_node(func.value)
        if receiver is None or receiver[0] != "X" or not _from_async_library(receiver[1]):
            # Only objects known to come from asyncio, anyio or trio
            # (``asyncio.get_running_loop()``, ``async with asyncio.TaskGroup() as tg``):
            # any other receiver may be anything.
            return None
        method = func.attr.value
        if tag == "agen" and method in kinds.COROUTINE_METHODS:
            return f".{method}()"
        if tag == "agen_fn" and method in kinds.ASYNC_FUNCTION_METHODS:
            return f".{method}()"
        return None


def _from_async_library(qualified: str) -> bool:
    return qualified.split(".", 1)[0] in kinds.ASYNC_LIBRARIES
