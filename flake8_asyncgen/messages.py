"""Every AGN code, its kebab-case name and its one-line message, as data.

Messages are ``str.format`` templates.  Placeholders used:
``callee`` (the callee's qualified name), ``short`` (its last part), ``call``
(the callee as written at the call site, default ``short``),
``where`` (``defined at path:line``), ``func`` / ``func_short`` (the function
being defined), ``api`` (what uses the value), ``reason`` (AGN900).
"""

from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    code: str
    name: str
    message: str


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
        ),
        Code(
            "AGN101",
            "coroutine-returns-async-generator",
            "coroutine `{func}` returns async generator object `{callee}()` ({where}), so "
            "callers must `await` it before `async for`: make `{func_short}` a plain `def` or "
            "delegate with `async for x in ...: yield x`",
        ),
        Code(
            "AGN102",
            "coroutine-annotated-as-async-iterator",
            "`async def {func}` has no `yield` but is annotated `{callee}`: calling it gives a "
            "coroutine, not an async iterator; add the `yield` or fix the annotation",
        ),
        Code(
            "AGN103",
            "async-iterator-stub-declared-async",
            "stub `async def {func}` is annotated `{callee}` but, with no `yield`, type checkers "
            "read it as a coroutine: declare it `def {func}(...) -> {callee}` without `async`",
        ),
        # Call site.
        Code(
            "AGN200",
            "await-async-generator",
            "`await` on async generator `{callee}()` ({where}) raises TypeError: iterate it "
            "with `async for`, or `await anext(...)` for one item",
        ),
        Code(
            "AGN201",
            "async-for-over-coroutine",
            "`async for` over coroutine `{callee}()` ({where}) raises TypeError: make "
            "`{short}` an async generator, or write `async for ... in await {call}(...)` "
            "if it returns one",
        ),
        Code(
            "AGN202",
            "async-generator-passed-as-coroutine",
            "`{api}` needs {needs} but gets {what} ({where}), which fails at run time: "
            "pass a coroutine{function} that consumes it with `async for`",
        ),
        Code(
            "AGN203",
            "sync-iteration-of-async-generator",
            "async generator `{callee}()` ({where}) is iterated synchronously by {api}, "
            "which raises TypeError: use `async for` or an async comprehension",
        ),
        Code(
            "AGN204",
            "async-with-async-generator",
            "`async with` on async generator `{callee}()` ({where}) raises TypeError: decorate "
            "`{short}` with `@contextlib.asynccontextmanager`, or iterate it with `async for`",
        ),
        Code(
            "AGN205",
            "async-with-coroutine",
            "`async with` on coroutine `{callee}()` ({where}) raises TypeError: write "
            "`async with await {call}(...)` if it returns a context manager, or make it an "
            "`@asynccontextmanager` async generator",
        ),
        Code(
            "AGN206",
            "misused-async-context-manager",
            "`{api}` on `@asynccontextmanager` function `{callee}()` ({where}) raises "
            "TypeError: use `async with {call}(...) as x`",
        ),
        Code(
            "AGN207",
            "async-generator-call-discarded",
            "async generator `{callee}()` ({where}) is called and discarded, so its body "
            "never runs: iterate it with `async for`, or make it a coroutine and `await` it",
        ),
        # Internal.
        Code(
            "AGN900",
            "analysis-failed",
            "flake8-asyncgen could not analyse this file ({reason}); no AGN check ran on it",
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
