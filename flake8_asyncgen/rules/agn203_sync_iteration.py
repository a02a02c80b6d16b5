"""AGN203: an async generator iterated synchronously."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import kinds
from .base import Rule, Site

if TYPE_CHECKING:  # pragma: no cover
    from ..cst_pass import FileContext


class SyncIterationOfAsyncGenerator(Rule):
    code = "AGN203"
    contexts = ("iter", "arg")
    triggers = frozenset({"agen"})
    INVALID = [
        "async def gen():\n    yield 1\ndef main():\n    for x in gen():\n        print(x)\n",
        "async def gen():\n    yield 1\ndef main():\n    return list(gen())\n",
    ]
    VALID = [
        "async def gen():\n    yield 1\nasync def main():\n    return [x async for x in gen()]\n",
        "async def gen():\n    yield 1\ndef list(x):\n    return x\ndef main():\n"
        "    return list(gen())\n",
    ]

    def check(self, site: Site, ctx: "FileContext") -> None:
        if site.context == "iter":
            api = str(site.extra)
        else:
            call, index = site.extra
            if isinstance(index, str):
                return  # keyword arguments (``key=``, ``default=``) are not iterated
            func = ctx.eval_node(call.func)
            if func is None or func[0] != "B" or func[1] not in kinds.SYNC_ITERATING_BUILTINS:
                return
            positional = sum(1 for arg in call.args if arg.keyword is None and not arg.star)
            if not kinds.iterates_argument(func[1], index, positional):
                return
            api = f"`{func[1]}()`"
        ctx.report(self.code, site.node, {"api": api, **self.fields(site, ctx)})
