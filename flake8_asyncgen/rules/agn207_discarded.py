"""AGN207: an async generator called as a statement, so its body never runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Rule, Site

if TYPE_CHECKING:  # pragma: no cover
    from ..cst_pass import FileContext


class AsyncGeneratorCallDiscarded(Rule):
    code = "AGN207"
    contexts = ("discard",)
    triggers = frozenset({"agen"})
    INVALID = ["async def flush():\n    yield 1\nasync def main():\n    flush()\n"]
    VALID = ["async def flush():\n    yield 1\nasync def main():\n    await flush().aclose()\n"]

    def check(self, site: Site, ctx: "FileContext") -> None:
        ctx.report(self.code, site.node, self.fields(site, ctx))
