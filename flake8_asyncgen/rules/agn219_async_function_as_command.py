"""AGN219: an ``async def`` function declared as the project's console script."""

from __future__ import annotations

from .api import FunctionRef, JudgedSite, Rule, RuleContext, messages


class AsyncFunctionAsCommand(Rule):
    """``[project.scripts] scan = "app.process:main"`` with ``async def main()``: the wrapper
    the installer writes runs ``sys.exit(main())``, which makes a coroutine and exits with it
    (status 1, a "never awaited" warning), so the command does nothing.  The only call is in
    code generated at install time: no call site in the repository shows it.

    The commands come from ``pyproject.toml`` (``[project.scripts]``, ``[project.gui-scripts]``,
    ``[tool.poetry.scripts]``), ``setup.cfg`` (``[options.entry_points]``) and literal
    ``entry_points`` in ``setup.py``, of the project the file belongs to.
    """

    code = "AGN219"
    contexts = ("entry",)
    triggers = frozenset({"function", "agen_fn"})
    EXAMPLE_FILES = {
        "pyproject.toml": '[project]\nname = "tool"\n[project.scripts]\ntool = "example:main"\n',
    }
    INVALID = [
        "import asyncio\nasync def main():\n    await asyncio.sleep(0)\n",
    ]
    VALID = [
        "import asyncio\nasync def serve():\n    await asyncio.sleep(0)\n"
        "def main():\n    asyncio.run(serve())\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        value = judged.value
        if not isinstance(value, FunctionRef):
            return
        kind = ctx.queries.evaluator.functions.call_kind(value.module, value.scope)[0]
        if kind not in ("coro", "agen"):
            return
        script = ctx.queries.scripts.get(judged.site.how)
        if script is None:
            return
        fields = ctx.queries.callee_fields(value)
        fields["short"] = fields["callee"].rsplit(".", 1)[-1]
        fields.update(messages.command_fields(kind, script.name, script.declared_in))
        ctx.report(self.code, judged.site.span, fields)
