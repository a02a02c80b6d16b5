"""AGN200: ``await`` on an async generator object."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Rule, Site

if TYPE_CHECKING:  # pragma: no cover
    from ..cst_pass import FileContext


class AwaitAsyncGenerator(Rule):
    code = "AGN200"
    contexts = ("await",)
    triggers = frozenset({"agen"})
    INVALID = ["async def gen():\n    yield 1\nasync def main():\n    x = await gen()\n"]
    VALID = [
        "async def gen():\n    yield 1\nasync def main():\n    x = await anext(gen())\n",
        "async def gen():\n    yield 1\nasync def main():\n    await gen().aclose()\n",
    ]

    def check(self, site: Site, ctx: "FileContext") -> None:
        ctx.report(self.code, site.extra, self.fields(site, ctx))
