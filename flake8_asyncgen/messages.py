"""Every AGN code as data: its kebab-case name, its one-line message, whether it has an
automatic fix, and a one-sentence summary.  The rule pages (``docs/rules``) and the rule
tables of the READMEs state the same facts; ``tests/test_rule_registry.py`` checks that they do.

Messages are ``str.format`` templates.  Placeholders used:
``callee`` (the callee's qualified name), ``short`` (its last part), ``call``
(the callee as written at the call site, default ``short``),
``where`` (``defined at path:line``), ``func`` / ``func_short`` (the function
being defined), ``api`` (what uses the value), ``reason`` (AGN900).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

FixAvailability = Literal["safe", "unsafe", "none"]
"""Whether ``flake8-asyncgen --fix`` can repair a finding: ``"safe"`` (applied by ``--fix``),
``"unsafe"`` (only with ``--unsafe-fixes``: callers may have to change) or ``"none"``."""


class Code(NamedTuple):
    code: str
    name: str
    message: str
    fix: FixAvailability
    summary: str  # one sentence, for the rule index and tools that list the rules


# How a rule page (docs/rules/AGNnnn.md) states its fix availability: the line after
# "Reported at ...", under the title.
FIX_HEADER: dict[FixAvailability, str] = {
    "safe": "Automatic fix: safe (`flake8-asyncgen --fix`), where the conditions under Fix "
            "safety hold.",
    "unsafe": "Automatic fix: unsafe (`flake8-asyncgen --fix --unsafe-fixes`), where the "
              "conditions under Fix safety hold.",
    "none": "Automatic fix: none.",
}


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        # Definition site.
        Code(
            "AGN100",
            "coroutine-returns-nested-async-generator",
            "coroutine `{func}` returns async generator `{callee}()` defined inside it "
            "({where}), so callers get a coroutine and `async for` fails: make `{func_short}` "
            "itself an async generator (`async for x in {short}(): yield x`)",
            fix="unsafe",
            summary="A coroutine returns an async generator it defines inside itself, so `async "
                    "for` over its call fails.",
        ),
        Code(
            "AGN101",
            "coroutine-returns-async-generator",
            "coroutine `{func}` returns async generator object `{callee}()` ({where}), so "
            "callers must `await` it before `async for`: make `{func_short}` a plain `def` or "
            "delegate with `async for x in ...: yield x`",
            fix="unsafe",
            summary="A coroutine returns an async generator object made elsewhere, so callers "
                    "must `await` before `async for`.",
        ),
        Code(
            "AGN102",
            "coroutine-annotated-as-async-iterator",
            "`async def {func}` has no `yield` but is annotated `{callee}`: calling it gives a "
            "coroutine, not an async iterator; add the `yield` or fix the annotation",
            fix="none",
            summary="An `async def` without `yield` is annotated "
                    "`AsyncIterator`/`AsyncGenerator`/`AsyncIterable`; calling it gives a "
                    "coroutine.",
        ),
        Code(
            "AGN103",
            "async-iterator-stub-declared-async",
            "stub `async def {func}` is annotated `{callee}` but, with no `yield`, type checkers "
            "read it as a coroutine: declare it `def {func}(...) -> {callee}` without `async`",
            fix="unsafe",
            summary="An abstract, `Protocol`, `@overload` or stub method returning an async "
                    "iterator is declared `async def`; declare it `def`.",
        ),
        # Call site.
        Code(
            "AGN200",
            "await-async-generator",
            "`await` on async generator `{callee}()` ({where}) raises TypeError: iterate it "
            "with `async for`, or `await anext(...)` for one item",
            fix="none",
            summary="`await` on an async generator call raises `TypeError`.",
        ),
        Code(
            "AGN201",
            "async-for-over-coroutine",
            "`async for` over coroutine `{callee}()` ({where}) raises TypeError: make "
            "`{short}` an async generator, or write `async for ... in await {call}(...)` "
            "if it returns one",
            fix="safe",
            summary="`async for` over an un-awaited coroutine call raises `TypeError`.",
        ),
        Code(
            "AGN202",
            "async-generator-passed-as-coroutine",
            "`{api}` needs {needs} but gets {what} ({where}), which fails at run time: "
            "pass a coroutine{function} that consumes it with `async for`",
            fix="none",
            summary="An async generator is handed to `asyncio.run`, `create_task`, `gather`, "
                    "`start_soon`, ..., which need a coroutine.",
        ),
        Code(
            "AGN203",
            "sync-iteration-of-async-generator",
            "async generator `{callee}()` ({where}) is iterated synchronously by {api}, "
            "which raises TypeError: use `async for` or an async comprehension",
            fix="none",
            summary="An async generator is iterated with `for`, `list()`, `sum()`, `yield from`, "
                    "..., which raises `TypeError`.",
        ),
        Code(
            "AGN204",
            "async-with-async-generator",
            "`async with` on async generator `{callee}()` ({where}) raises TypeError: decorate "
            "`{short}` with `@contextlib.asynccontextmanager`, or iterate it with `async for`",
            fix="none",
            summary="`async with` on an async generator lacking `@asynccontextmanager` raises "
                    "`TypeError`.",
        ),
        Code(
            "AGN205",
            "async-with-coroutine",
            "`async with` on coroutine `{callee}()` ({where}) raises TypeError: write "
            "`async with await {call}(...)` if it returns a context manager, or make it an "
            "`@asynccontextmanager` async generator",
            fix="none",
            summary="`async with` on an un-awaited coroutine call raises `TypeError`.",
        ),
        Code(
            "AGN206",
            "misused-async-context-manager",
            "`{api}` on `@asynccontextmanager` function `{callee}()` ({where}) raises "
            "TypeError: use `async with {call}(...) as x`",
            fix="none",
            summary="`await` or `async for` on an `@asynccontextmanager` function call raises "
                    "`TypeError`.",
        ),
        Code(
            "AGN207",
            "async-generator-call-discarded",
            "async generator `{callee}()` ({where}) is called and discarded, so its body "
            "never runs: iterate it with `async for`, or make it a coroutine and `await` it",
            fix="none",
            summary="An async generator call used as a statement does nothing: its body never "
                    "runs.",
        ),
        # Internal.
        Code(
            "AGN900",
            "analysis-failed",
            "flake8-asyncgen could not analyse this file ({reason}); no AGN check ran on it",
            fix="none",
            summary="The file could not be analysed (reported once, at line 1); no AGN check ran "
                    "on it.",
        ),
    )
}


def format_message(code: str, **fields: str) -> str:
    """Return ``"AGNnnn message"``, the form flake8 expects."""
    for name in ("callee", "func"):
        if name in fields:
            fields.setdefault("short" if name == "callee" else "func_short",
                              fields[name].rsplit(".", 1)[-1])
    if "short" in fields:
        fields.setdefault("call", fields["short"])
    return f"{code} " + CODES[code].message.format(**fields)
