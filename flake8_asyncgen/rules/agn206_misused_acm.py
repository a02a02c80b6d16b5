"""AGN206: an ``@asynccontextmanager`` function awaited or iterated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Rule, Site

if TYPE_CHECKING:  # pragma: no cover
    from ..cst_pass import FileContext


class MisusedAsyncContextManager(Rule):
    code = "AGN206"
    contexts = ("await", "aiter")
    triggers = frozenset({"acm"})
    INVALID = [
        "from contextlib import asynccontextmanager\n@asynccontextmanager\n"
        "async def session():\n    yield 1\nasync def main():\n    s = await session()\n"
    ]
    VALID = [
        "from contextlib import asynccontextmanager\n@asynccontextmanager\n"
        "async def session():\n    yield 1\nasync def main():\n"
        "    async with session() as s:\n        print(s)\n"
    ]

    def check(self, site: Site, ctx: "FileContext") -> None:
        if site.context == "await":
            node, api = site.extra, "await"
        else:
            node, api = site.node, "async for"
        ctx.report(self.code, node, {"api": api, **self.fields(site, ctx)})
