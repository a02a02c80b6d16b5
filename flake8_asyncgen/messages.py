"""Every AGN code as data: its kebab-case name, its one-line message, whether it has an
automatic fix, and a one-sentence summary.  The rule pages (``docs/rules``) and the rule
tables of the READMEs state the same facts; ``tests/test_rule_registry.py`` checks that they do.

Messages are ``str.format`` templates.  Placeholders used:
``callee`` (the callee's qualified name), ``short`` (its last part), ``call``
(the callee as written at the call site, default ``short``),
``expr`` (the site's expression as written, default ``short``),
``where`` (``defined at path:line``), ``func`` / ``func_short`` (the function
being defined), ``api`` (what uses the value), ``reason`` (AGN900).
"""

from __future__ import annotations

from typing import Callable, Literal, NamedTuple, Optional, Tuple

from .kinds import (
    CALL_ACCESS, FORMAT_SPEC, ITEM_ACCESS, MAPPING_UNPACK, SEND_CALL, SET_ATTRIBUTE,
)

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
            "({where}), so callers get a coroutine and `async for` fails: {advice}",
            fix="unsafe",
            summary="A coroutine returns an async generator it defines inside itself, so `async "
                    "for` over its call fails.",
        ),
        Code(
            "AGN101",
            "coroutine-returns-async-generator",
            "coroutine `{func}` returns async generator object {obj} ({where}), so "
            "callers must `await` it before `async for`: {advice}",
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
            "read it as a coroutine{detail}: declare it `def {func}(...) -> {callee}` without "
            "`async`",
            fix="unsafe",
            summary="An abstract, `Protocol`, `@overload` or stub method returning an async "
                    "iterator is declared `async def`; declare it `def`.",
        ),
        Code(
            "AGN104",
            "coroutine-returns-coroutine",
            "coroutine `{func}` returns the coroutine `{callee}()` ({where}) without awaiting "
            "it, {witness}, so on this path `await {func_short}(...)` gives a coroutine object "
            "whose body never runs: `await` the call",
            fix="none",
            summary="A coroutine returns an un-awaited coroutine call on one path and a result "
                    "on another, so awaiting it can give a coroutine object.",
        ),
        Code(
            "AGN105",
            "special-method-defined-with-wrong-kind",
            "`{func}` {problem}, but Python calls `{dunder}` as a plain method: {consequence}; "
            "{advice}",
            fix="none",
            summary="A special method Python calls itself is defined with a kind that breaks "
                    "that call (`async def __aiter__`, `async def __init__`, an async "
                    "generator `__aenter__`), wherever the class is used.",
        ),
        Code(
            "AGN106",
            "context-manager-decorator-of-wrong-kind",
            "`{func}` is {shape} under `@{decorator}`, which needs {needs}: {consequence}; "
            "{advice}",
            fix="none",
            summary="`@contextmanager` on an `async def`, or `@asynccontextmanager` on a plain "
                    "generator function or an `async def` without `yield`: entering what it "
                    "makes raises `TypeError`.",
        ),
        # Call site.
        Code(
            "AGN200",
            "await-async-generator",
            "`await` on async generator {obj} ({where}) raises TypeError: iterate it "
            "with `async for`, or `await anext(...)` for one item",
            fix="none",
            summary="`await` on an async generator call raises `TypeError`.",
        ),
        Code(
            "AGN201",
            "async-for-over-coroutine",
            "`async for` over coroutine `{callee}()` ({where}) raises TypeError: {advice}",
            fix="safe",
            summary="`async for` over an un-awaited coroutine call raises `TypeError`.",
        ),
        Code(
            "AGN202",
            "async-generator-passed-as-coroutine",
            "`{api}` needs {needs} but gets {what} ({where}), which fails at run time: "
            "{advice}",
            fix="none",
            summary="An async generator (or what a plain function returns) is handed to "
                    "`asyncio.run`, `create_task`, `gather`, `start_soon`, ..., which need a "
                    "coroutine.",
        ),
        Code(
            "AGN203",
            "sync-iteration-of-async-generator",
            "async generator {obj} ({where}) is iterated synchronously by {api}, "
            "which raises TypeError: use `async for` or an async comprehension",
            fix="none",
            summary="An async generator is iterated with `for`, `list()`, `sum()`, `yield from`, "
                    "..., which raises `TypeError`.",
        ),
        Code(
            "AGN204",
            "async-with-async-generator",
            "{stmt} on async generator `{callee}()` ({where}) raises TypeError: {advice}",
            fix="none",
            summary="`async with` on an async generator lacking `@asynccontextmanager` raises "
                    "`TypeError`.",
        ),
        Code(
            "AGN205",
            "async-with-coroutine",
            "{stmt} on coroutine `{callee}()` ({where}) raises TypeError: {advice}",
            fix="none",
            summary="`async with` on an un-awaited coroutine call raises `TypeError`.",
        ),
        Code(
            "AGN206",
            "misused-async-context-manager",
            "{api} on `@asynccontextmanager` function `{callee}()` ({where}) raises "
            "TypeError: use `async with {call}(...) as x`",
            fix="none",
            summary="`await`, `async for`, `with` or a `for` loop on an `@asynccontextmanager` "
                    "function call raises `TypeError`.",
        ),
        Code(
            "AGN207",
            "async-generator-call-discarded",
            "async generator `{callee}()` ({where}) is called and discarded, so its body "
            "never runs: {advice}",
            fix="none",
            summary="An async generator call used as a statement does nothing: its body never "
                    "runs.",
        ),
        Code(
            "AGN208",
            "object-lacks-protocol",
            "{how} on an instance of `{callee}` ({where}), whose class defines no "
            "`{dunder}`, raises TypeError: {advice}",
            fix="none",
            summary="`await`, `async for`, `async with` or `for` on an instance whose class "
                    "(fully known) lacks the special method that statement needs.",
        ),
        Code(
            "AGN209",
            "function-used-without-call",
            "{how} function `{callee}` itself ({where}), not {on}what calling it gives, "
            "raises {error}: call it, `{expr}(...)`",
            fix="none",
            summary="`await`, `async for`, `for`, `async with` or `with` on a function or method "
                    "that was not called, or such a function given to an API that needs the "
                    "coroutine its call makes (`asyncio.run(main)`).",
        ),
        Code(
            "AGN210",
            "attribute-of-unawaited-object",
            "{access} on {object} ({where}), which {lacks}, raises {error}: {advice}",
            fix="none",
            summary="An attribute or item read on the coroutine, async generator or async "
                    "context manager a call gave, instead of on what awaiting, iterating or "
                    "entering it gives.",
        ),
        Code(
            "AGN211",
            "coroutine-call-discarded",
            "coroutine `{callee}()` ({where}) is {fate}, so the coroutine never runs: `await` it, "
            "or hand it to `{scheduler}(...)`",
            fix="none",
            summary="A coroutine call used as a statement, or bound to a local name the function "
                    "never reads, is never awaited: its body never runs.",
        ),
        Code(
            "AGN212",
            "argument-against-annotation",
            "{object} ({where}) is passed as `{param}` of `{func}` ({func_where}), annotated "
            "`{declared}`, which {what} is not: {advice}",
            fix="none",
            summary="A coroutine or async generator object passed to a parameter whose "
                    "annotation rules it out (an iterable, an async iterable, a callable).",
        ),
        Code(
            "AGN213",
            "coroutine-used-synchronously",
            "{kind} {obj} ({where}) is {use} without `await`, which raises {error}: "
            "{advice}",
            fix="none",
            summary="A coroutine object is iterated with `for`, `list()`, `sum()`, ..., or "
                    "entered with `with`, without `await`; that raises `TypeError` (an "
                    "un-awaited `asyncio.gather(...)` iterated: `RuntimeError`).",
        ),
        Code(
            "AGN214",
            "coroutine-tested-for-truth",
            "{kind} `{callee}()` ({where}) is {test} without `await`: {an_object} is "
            "{always}, so the condition never depends on its result{never_runs}: `await` the "
            "call",
            fix="none",
            summary="An un-awaited coroutine call is tested for truth or compared with `None` "
                    "or a constant: "
                    "the condition is constant and the coroutine never runs.",
        ),
        Code(
            "AGN215",
            "coroutine-used-as-value",
            "{use} {object} ({where}) raises TypeError: {what} {lacks}; {advice}",
            fix="none",
            summary="An un-awaited coroutine (or an async generator) used as a number, string "
                    "or sized value: an operator, an ordering comparison, `len()`, `int()`, "
                    "`json.loads()`, ..., or as each element given to `str.join()`, `sum()`, "
                    "`sorted()`, `json.dumps()`, ... raise `TypeError`.",
        ),
        Code(
            "AGN216",
            "context-manager-used-asynchronously",
            "{api} on `@contextmanager` function `{callee}()` ({where}) raises TypeError: "
            "{advice}",
            fix="none",
            summary="`async with`, `await` or `async for` on a `@contextlib.contextmanager` "
                    "function call raises `TypeError`.",
        ),
        Code(
            "AGN217",
            "async-function-as-sync-callback",
            "{api} calls {kind} `{callee}` ({where}) from plain code and {drops} the {obj} "
            "it returns, so its body never runs{warning}: {advice}",
            fix="none",
            summary="An async function given to an API that calls it as a plain function (a "
                    "loop callback, a signal or exit handler, a thread's target, an "
                    "executor, a sort key): the coroutine it makes is never awaited.",
        ),
        Code(
            "AGN218",
            "coroutine-passed-to-asyncio-wait",
            "`asyncio.wait()` given {kind} {obj} ({where}) among its awaitables raises "
            "TypeError{error}: {advice}",
            fix="none",
            summary="`asyncio.wait()` given coroutine objects (or async generators) rather "
                    "than tasks: `TypeError` from Python 3.11.",
        ),
        Code(
            "AGN219",
            "async-function-as-command",
            "{kind} `{callee}` is the command `{script}` ({declared_in}), whose generated "
            "wrapper calls it as a plain function (`sys.exit({short}())`): {effect}; declare a "
            "plain function that runs it, such as `def cli(): asyncio.run({short}())`",
            fix="none",
            summary="An `async def` function declared as a console script: the installed "
                    "command makes a coroutine, never runs it, and exits with status 1.",
        ),
        Code(
            "AGN220",
            "special-method-of-wrong-kind",
            "{how} on an instance of `{callee}` ({where}) raises TypeError: its `{dunder}` "
            "(defined at {dunder_where}) {problem}; {advice}",
            fix="none",
            summary="`async for`, `async with`, `await` or `for` on an instance whose class "
                    "defines the special method with the wrong kind (`async def __aiter__`, a "
                    "plain `def __aenter__` returning `self`).",
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


# AGN100 / AGN101 advice: ``delegate`` when every ``return`` gives an async generator (the
# function can become one), ``split`` when some ``return`` gives something else (changing its
# kind would break those paths).
_SPLIT = (
    "some `return` of `{func_short}` may give something other than an async generator, so "
    "rather than changing its kind, split it into a coroutine and an async generator (say "
    "`complete()` and `stream()`)"
)
ADVICE = {
    ("AGN100", "delegate"): "make `{func_short}` itself an async generator "
    "(`async for x in {short}(): yield x`)",
    ("AGN101", "delegate"): "make `{func_short}` a plain `def` or delegate with "
    "`async for x in ...: yield x`",
    ("AGN100", "split"): _SPLIT,
    ("AGN101", "split"): _SPLIT,
    # AGN201, by where the coroutine function is: in the project, in an installed package (the
    # caller cannot change it), or a decorator's wrapper replacing an async generator function.
    ("AGN201", "project"): "make `{short}` an async generator, or write `async for ... in "
    "await {call}(...)` if it returns one",
    ("AGN201", "installed"): "`await` it first: `async for ... in await {call}(...)` if it "
    "gives an async iterator, `for ... in await {call}(...)` if it gives a list",
    ("AGN201", "decorated"): "its decorator's wrapper must be an async generator for async "
    "generator functions (`async for x in func(...): yield x`)",
    ("AGN204", "project"): "decorate `{short}` with `@contextlib.asynccontextmanager`, or "
    "iterate it with `async for`",
    ("AGN204", "installed"): "iterate it with `async for`",
    ("AGN205", "project"): "write `async with await {call}(...)` if it returns a context "
    "manager, or make it an `@asynccontextmanager` async generator",
    ("AGN205", "installed"): "write `async with await {call}(...)` if it returns a context "
    "manager, else `await` it",
    ("AGN207", "project"): "iterate it with `async for`, or make it a coroutine and `await` it",
    ("AGN207", "installed"): "iterate it with `async for`",
    ("AGN216", "project"): "use `with {call}(...) as x`, or make `{short}` an "
    "`@asynccontextmanager` `async def` if its body must await",
    ("AGN216", "installed"): "use `with {call}(...) as x`",
    # AGN213, by how the coroutine is used (``iterated`` / ``entered``) and where its function is.
    ("AGN213", "iterated-project"): "`await` it first (`for ... in await {call}(...)`, "
    "`list(await {call}(...))`), or make `{short}` a plain function",
    ("AGN213", "iterated-installed"): "`await` it first (`for ... in await {call}(...)`, "
    "`list(await {call}(...))`)",
    ("AGN213", "entered-project"): "`await` it first if it returns a context manager (`with "
    "await {call}(...)`), or make `{short}` a plain `@contextmanager` function",
    ("AGN213", "entered-installed"): "`await` it first if it returns a context manager (`with "
    "await {call}(...)`), else use `async with`",
}


def override_detail(kind: str, name: str, where: str) -> str:
    """AGN103's note naming the override or implementation that disagrees with the stub."""
    return f" (`{name}`, {where}, is {OBJECT_WORDING.get(kind, 'a plain function')})"


def format_message(code: str, **fields: str) -> str:
    """Return ``"AGNnnn message"``, the form flake8 expects."""
    for name in ("callee", "func"):
        if name in fields:
            fields.setdefault("short" if name == "callee" else "func_short",
                              fields[name].rsplit(".", 1)[-1])
    if "short" in fields:
        fields.setdefault("call", fields["short"])
        fields.setdefault("expr", fields["short"])
    fields.setdefault("detail", "")
    if "callee" in fields:
        fields.setdefault("obj", f"`{fields['callee']}()`")
    if "{" in fields.get("advice", ""):
        fields["advice"] = fields["advice"].format(**fields)
    default = "project" if (code, "project") in ADVICE else "delegate"
    if (code, fields.get("advice", default)) in ADVICE:
        fields["advice"] = ADVICE[(code, fields.get("advice", default))].format(**fields)
    return f"{code} " + CODES[code].message.format(**fields)


# -- pieces of wording the rules fill in (every user-facing word lives in this module) -------

# What iterates synchronously (AGN203's ``api``), by the site's ``how``.
ITERATION_WORDING = {
    "for": "a `for` loop",
    "comprehension": "a comprehension",
    "yield_from": "`yield from`",
    "unpacking": "`*` unpacking",
    "target_unpacking": "unpacking into names (`a, b = ...`)",
    "membership": "`in`",
}


def iterated_by(api: str) -> str:
    """AGN213's ``use`` for a coroutine iterated by ``api``."""
    return f"iterated synchronously by {api}"


# AGN213: how the coroutine object is used (its advice is in ADVICE).
# AGN213's wording by what is used: a coroutine, or the future ``asyncio.gather`` returns
# (iterating a pending future yields the future itself, then raises).
SYNC_USE_WORDING = {
    "coro": {"kind": "coroutine", "error": "TypeError"},
    "awaitable": {"kind": "future", "error": "RuntimeError (\"await wasn't used with future\")"},
}


def entered_by(how: str) -> str:
    """AGN213's ``use`` for a coroutine entered by ``with`` (or ``ExitStack.enter_context``)."""
    return f"entered by {protocol_use('with', how)}"


# What a call gives, by kind.
OBJECT_WORDING = {
    "agen": "an async generator",
    "coro": "a coroutine",
    "acm": "an async context manager",
    "cm": "a context manager",
    "awaitable": "an awaitable",
}
# AGN214's wording, by what the tested call gives.
TRUTH_WORDING = {
    "coro": {"kind": "coroutine", "an_object": "a coroutine object",
             "never_runs": ", and the coroutine never runs"},
    "awaitable": {"kind": "awaitable", "an_object": "an awaitable object (a coroutine, task or "
                  "future)", "never_runs": ""},
}
# AGN214: how the object is tested, and what it always is, by the site's ``how``.
TRUTH_TESTS = {
    "truth": ("tested for truth", "always true"),
    "none": ("compared with `None`", "never `None`"),
    "constant": ("compared with a constant", "never equal to a constant"),
    "all": ("tested for truth by `all()`", "always true"),
    "any": ("tested for truth by `any()`", "always true"),
}
# AGN211: what happens to the coroutine, by the site's ``how`` (``call`` / ``unused:NAME``).
DISCARDED = "called and never awaited"


def discarded_fate(how: str) -> str:
    """``resp = client.send(msg)``, ``resp`` never read: the object goes nowhere."""
    if how.startswith("unused:"):
        return f"bound to `{how[len('unused:'):]}`, which the function never reads"
    if how == "format":
        return "formatted into a string (as `<coroutine object ...>`) and never awaited"
    return DISCARDED


def held_truth_test(how: str, line: int) -> Tuple[str, str]:
    """``allow = self.check(url)`` then only ``if allow:``: (how it is tested, what it always
    is), for AGN214's ``test`` and ``always``."""
    name = how[len("held:"):]
    return (
        f"bound to `{name}`, which is only ever tested (line {line}),",
        "always true, never `None` and never equal to a constant",
    )


UNKNOWN_CALLEE = "?"
# How messages name an async generator expression (``(x async for x in rows())``).
GENERATOR_EXPRESSION = "expression"
UNKNOWN_DEFINITION = "definition unknown"


# Where a standard-library coroutine function or class is (the standard library is not read).
STANDARD_LIBRARY = "an `async def` of the standard library"
STANDARD_LIBRARY_FUTURE = "a function of the standard library returning a future to await"
STANDARD_LIBRARY_CLASS = "a class of the standard library"
ASYNC_GENERATOR_METHOD = "a method of every async generator, whose call gives an awaitable"
# AGN211: what runs a coroutine in the background; ``create_task`` takes coroutines only, so an
# async generator's ``aclose()`` goes to ``ensure_future``.
SCHEDULER = "asyncio.create_task"
AWAITABLE_SCHEDULER = "asyncio.ensure_future"
BUILTIN_TYPE = "a builtin type"


def stdlib_result(qualified: str) -> str:
    """AGN208's ``where`` for what a plain standard-library function or method gives:
    ``what `time.sleep()` returns, in the standard library``."""
    return f"what `{stdlib_callee(qualified)}()` returns, in the standard library"


def stdlib_sync_advice(
    context: str, qualified: str, twin: "str | None", type_name: str,
    defines: "Callable[[str], object]",
) -> str:
    """AGN208's advice for an async statement on what a plain standard-library function
    gives: its async twin when there is one (``asyncio.sleep`` for ``time.sleep``), that the
    function is not a coroutine function when it gives a builtin value (``None``), else what
    the object supports (``await event`` for ``await event.wait()``)."""
    if twin is not None:
        return f"`{stdlib_callee(qualified)}` is not async: use `{twin}` instead"
    if context == "await" and type_name in ("NoneType", "bool", "int", "bytes"):
        return f"`{stdlib_callee(qualified)}` is not a coroutine function: drop the `await`"
    return protocol_advice(context, defines)


def stdlib_callee(qualified: str) -> str:
    """How messages name a standard-library coroutine function: ``asyncio.sleep``,
    ``asyncio.Event.wait`` (for the ``wait`` method of an ``asyncio.Event()``)."""
    return qualified.replace("()", "")


# After ``defined at ...`` when the object came from reading a property (``account.balance``).
GETTER_NOTE = ", a property getter: reading the attribute calls it"


def where_defined(location: str, wrapper_gives: "str | None" = None) -> str:
    """``defined at path:line`` (``, a plain `def` returning a coroutine`` for wrappers)."""
    text = f"defined at {location}"
    if wrapper_gives is not None:
        text += f", a plain `def` returning {OBJECT_WORDING.get(wrapper_gives, wrapper_gives)}"
    return text


def _declared_returns(kind: str) -> str:
    """What a callable an annotation declares returns, by its kind (``coro``, ``awaitable``,
    ``agen``)."""
    return {"coro": "a coroutine", "awaitable": "an awaitable"}.get(kind, "an async iterator")


# The name of a callable a container's annotation declares (``handlers: dict[str,
# Callable[..., Awaitable[str]]]``): it has none of its own (``handlers["echo"]``).
CONTAINER_ITEM = "item"


def declared_item(kind: str, owner: Optional[str], location: str) -> str:
    """``where`` for a call of a container's item its annotation declares a callable returning
    a coroutine, an awaitable or an async iterator; ``owner``: the class or function whose
    annotation it is (None: the module's)."""
    returns = _declared_returns(kind)
    place = f"`{owner}` (defined at {location})" if owner else location
    return (f"an item of a container whose annotation in {place} declares callables "
            f"returning {returns}")


def declared_returned_callable(kind: str, location: str) -> str:
    """``where`` for a call of what a function is annotated to return, a callable returning a
    coroutine, an awaitable or an async iterator (``def get(self, name) -> Handler``)."""
    returns = _declared_returns(kind)
    return f"defined at {location}, annotated to return a callable returning {returns}"


def declared_callable(kind: str, name: str, owner: str, location: str) -> str:
    """``where`` for a call of a parameter or field annotated ``Callable[..., Coroutine[...]]``
    (or ``Callable[..., AsyncIterator[...]]``); ``owner`` is its function or class."""
    returns = _declared_returns(kind)
    return (
        f"`{name}` of `{owner}` (defined at {location}) is annotated as a callable returning "
        f"{returns}"
    )


def replaced_by_decorator(kind: str, wrapper: str, location: str) -> str:
    """Appended to ``where`` when a decorator replaced the function by its wrapper."""
    what = {"coro": "coroutine", "agen": "async generator", "acm": "async context manager"}
    return (
        f", which its decorator replaces with {what.get(kind, kind)} function `{wrapper}` "
        f"(defined at {location})"
    )


# Appended to ``where`` when the object is what awaiting an overload declared to give an
# async iterator gives (``stream = await client.generate(stream=True)``).
AWAITED_STREAM_NOTE = (
    ", the `@overload` this call matches, whose awaited result is declared an async iterator"
)
# Appended to ``where`` when a plain ``def``'s return annotation declares the async iterator
# its call gives (``def stream(self) -> AsyncIterator[str]``).
DECLARED_STREAM_NOTE = ", a plain `def` annotated to return an async iterator"
# Appended to ``where`` when the definition is one alternative (``try``/``except ImportError``,
# a version or platform branch): the program fails whenever that alternative is the one bound.
ALTERNATIVE_NOTE = (
    ", one of the definitions an ImportError fallback or a version or platform branch chooses "
    "between"
)
# Appended to ``where`` when the object is one of two values the code's own flow gives a name
# (``x = cached or fetch()``, ``f() if c else x``, ``if not x: x = f()``).
CONDITIONAL_NOTE = (
    ", on the path where a fallback gives it: `or`, a conditional expression, or an `if` "
    "rebinding the name"
)


def plain_result(name: str, location: str, some_path: bool = False) -> str:
    """AGN208's ``where`` for what a plain ``def`` returns."""
    if some_path:
        return f"what the plain `def {name}()`, defined at {location}, returns on some path"
    return f"what the plain `def {name}()`, defined at {location}, returns"


# AGN208's advice for awaiting (iterating, entering) what a plain ``def`` returns, by context.
PLAIN_ADVICE = {
    "await": "`{func}` is not a coroutine function: drop the `await`, or make it `async def`",
    "aiter": "`{func}` is not an async generator function: iterate it with `for`, or make it "
             "`async def` with `yield`",
    "awith": "`{func}` does not give an async context manager: make it one "
             "(`@contextlib.asynccontextmanager`), or enter what it gives with `with`",
}


def narrowed_by(test: str, name: str, line: int) -> str:
    """``where`` for a value known from an ``inspect`` guard."""
    return f"narrowed by `{test}({name})` at line {line}"


def builtin_api(name: str) -> str:
    """How AGN203 names a builtin that iterates its argument (``collections.deque().extend``,
    a method of a standard library object: ```deque.extend()```)."""
    if "()." in name:
        owner, _, method = name.partition("().")
        return f"`{owner.rsplit('.', 1)[-1]}.{method}()`"
    return f"`{name}()`"


def method_api(name: str) -> str:
    """How AGN202 names a method of an event loop or task group."""
    return f".{name}()"


# What the asyncio APIs raise for a function given instead of a coroutine (TypeError when
# not listed): ``asyncio.run`` checks with ``coroutines.iscoroutine`` and raises ValueError.
API_ERRORS = {"asyncio.run": "ValueError"}


# AGN217: what to do instead, by the API given the async function.  Loop callbacks run on the
# loop's thread, which may schedule the coroutine; threads, executors and handlers outside the
# loop may run it to completion on their own loop.
_LOOP_CALLBACKS = frozenset({
    ".call_soon()", ".call_later()", ".call_at()", ".add_signal_handler()", ".add_reader()",
    ".add_writer()", ".add_done_callback()",
})
# These hand what the function returns back to the caller (an executor's future holds it).
_HANDED_BACK = frozenset({
    ".run_in_executor()", ".submit()", "asyncio.to_thread", "anyio.to_thread.run_sync",
    "trio.to_thread.run_sync",
})
_IN_A_THREAD = _HANDED_BACK | {"threading.Thread", "threading.Timer"}
# Builtins calling it per item: what they do with the object instead of awaiting it.
_PER_ITEM = {
    "sorted": "compares", "min": "compares", "max": "compares", "list.sort": "compares",
    "filter": "tests the truth of",
}


def callback_fields(
    api: str, kind: str, short: str, through_lambda: bool = False
) -> "dict[str, str]":
    """AGN217's wording for an async function given to ``api``, which calls it as a plain
    function: ``kind`` is ``coro`` or ``agen``; ``through_lambda``: given as the call a lambda
    returns (``lambda: flush()``)."""
    coroutine = kind == "coro"
    if api in _PER_ITEM:
        advice = (f"await `{short}` for each item first (`[x for x in items if await "
                  f"{short}(x)]`)" if api == "filter" else
                  f"await `{short}` for each item first (`keys = await asyncio.gather(*map("
                  f"{short}, items))`), then sort by those values")
    elif not coroutine:
        advice = (f"give a plain function that runs a coroutine consuming `{short}()` with "
                  "`async for`")
    elif api in _LOOP_CALLBACKS:
        advice = (f"give a plain function that schedules it, such as `lambda: "
                  f"asyncio.create_task({short}())`")
    elif api == ".call_soon_threadsafe()":
        advice = f"from another thread use `asyncio.run_coroutine_threadsafe({short}(), loop)`"
    elif api in _IN_A_THREAD:
        advice = (f"it is already async: `await {short}(...)` where you are, or give the "
                  f"thread a plain function that runs `asyncio.run({short}(...))`")
    elif api == "anyio.from_thread.run_sync":
        advice = f"use `anyio.from_thread.run({short}, ...)`, which awaits it"
    else:  # a signal or exit handler: no event loop runs it
        advice = (f"give a plain function; from a running loop use "
                  f"`loop.add_signal_handler` with one that calls "
                  f"`asyncio.create_task({short}())`" if api == "signal.signal" else
                  f"give a plain function (one that runs `asyncio.run({short}())` if no "
                  "loop runs then)")
    return {
        "api": f"`{api}(...)`" if not api.startswith(".") else f"`{api}`",
        "kind": ("a lambda returning the call of " if through_lambda else "")
        + ("coroutine function" if coroutine else "async generator function"),
        "obj": "coroutine" if coroutine else "async generator",
        "drops": _PER_ITEM.get(api) or ("hands back" if api in _HANDED_BACK else "drops"),
        "warning": f" (RuntimeWarning: coroutine '{short}' was never awaited)" if coroutine
        else "",
        "advice": advice,
    }


def wait_fields(tag: str, call: str) -> "dict[str, str]":
    """AGN218's wording: the element's kind, and wrapping it in a task."""
    if tag == "agen":
        return {
            "kind": "async generator", "error": " (an asyncio.Future, a coroutine or an "
            "awaitable is required)",
            "advice": "give it a task of a coroutine that consumes the generator with `async "
                      "for`",
        }
    return {
        "kind": "coroutine", "error": " on Python 3.11 and later (Passing coroutines is "
        "forbidden, use tasks explicitly)",
        "advice": f"wrap it in a task: `asyncio.create_task({call}(...))`, or use "
                  "`asyncio.gather(...)` to await coroutines together",
    }


def command_fields(kind: str, script: str, declared_in: str) -> "dict[str, str]":
    """AGN219's wording for a coroutine (``coro``) or async generator function declared as
    the command ``script`` in ``declared_in``."""
    coroutine = kind == "coro"
    return {
        "kind": "coroutine function" if coroutine else "async generator function",
        "script": script, "declared_in": declared_in,
        "effect": "the command does nothing, warns that the coroutine was never awaited and "
                  "exits with status 1" if coroutine else
                  "the command does nothing and exits with status 1",
    }


# AGN220: what a special method of the wrong kind gives, by its kind.
WRONG_KIND_GIVES: dict[str, str] = {
    "coro": "is an `async def`, so its call gives a coroutine, not an iterator",
    "agen": "is an async generator function, so its call gives an async generator, "
            "which is not awaitable",
    "agen iterator": "is an async generator function, so its call gives an async generator, "
                     "not an iterator",
    "aiter coro": "is an `async def` without `yield`, so its call gives a coroutine, which "
                  "has no `__anext__`",
    "acm": "is an `@asynccontextmanager` function, so its call gives an async context "
           "manager, which is not awaitable",
    "cm": "is a `@contextmanager` function, so its call gives a context manager, which is "
          "not awaitable",
}
# AGN220: how to define each special method instead.
WRONG_KIND_ADVICE: dict[str, str] = {
    "__aiter__": "make `__aiter__` a plain `def` returning the async iterator (often `self`, "
                 "with an `async def __anext__`), or an async generator method",
    "__anext__": "declare `__anext__` `async def`, returning the next item and raising "
                 "`StopAsyncIteration` at the end",
    "__aenter__": "declare `__aenter__` `async def`",
    "__aexit__": "declare `__aexit__` `async def`",
    "__await__": "make `__await__` a plain `def` returning an iterator, such as "
                 "`return self._run().__await__()`",
    "__iter__": "make `__iter__` a plain `def` or a generator; for an async source define "
                "`__aiter__` and iterate with `async for`",
}


# AGN105: what a special method of each kind is, what Python's own call then meets, and the fix.
DEFINED_KIND: dict[str, str] = {
    "coro": "is an `async def` without `yield`, so calling it gives a coroutine",
    "agen": "is an async generator function (`async def` with `yield`), so calling it gives "
            "an async generator",
    "acm": "is an `@asynccontextmanager` function, so calling it gives an async context "
           "manager",
    "cm": "is a `@contextmanager` function, so calling it gives a context manager",
}
_OBJECT = {"coro": "coroutine", "agen": "async generator", "acm": "async context manager",
           "cm": "context manager"}
_AWAITED = ("`{statement}` awaits what `{dunder}` returns, and an {obj} is not awaitable "
            "(TypeError)")
_DEFINED_FAILS: dict[str, str] = {
    "__aiter__": "`async for` needs an async iterator from it and gets an {obj} without "
                 "`__anext__` (TypeError: 'async for' received an object from __aiter__ that "
                 "does not implement __anext__)",
    "__anext__": _AWAITED.replace("{statement}", "async for"),
    "__aenter__": _AWAITED.replace("{statement}", "async with"),
    "__aexit__": _AWAITED.replace("{statement}", "async with"),
    "__await__": "`await` needs an iterator from it and gets an {obj} (TypeError)",
    "__iter__": "`for`, `list()` and unpacking need an iterator from it and get an {obj} "
                "(TypeError: iter() returned non-iterator)",
    "__next__": "`for` takes the {obj} each call gives as the next item and never stops",
    "__enter__": "`with` makes the {obj} its target and its body never runs",
    "__exit__": "`with` never runs its body, and the {obj} it returns is true, so every "
                "exception raised in the block is silently suppressed",
    "__init__": "creating an instance raises TypeError (__init__() should return None)",
    "__del__": "its body never runs",
    "__contains__": "`in` tests the {obj} for truth, always true, and its body never runs",
}
_BUILTIN_USE = {
    "__len__": "`len()`", "__bool__": "`bool()` and every condition on an instance",
    "__str__": "`str()`, `print()` and f-strings", "__repr__": "`repr()`",
    "__hash__": "`hash()`, dict keys and set members", "__index__": "`operator.index()` and "
    "slicing", "__int__": "`int()`", "__float__": "`float()`",
}
_DEFINED_ADVICE: dict[str, str] = {
    "__aiter__": "make it a plain `def` returning an object with `async def __anext__` (often "
                 "`self`), or an async generator (`yield` inside)",
    "__enter__": "define `async def __aenter__` / `__aexit__` and use `async with`, or make it "
                 "a plain `def`",
    "__init__": "keep `__init__` a plain `def` and await in an async factory "
                "(`@classmethod async def create(cls, ...)`, then `await Cls.create(...)`)",
    "__iter__": "make it a plain `def` (or a generator); for an async source define "
                "`__aiter__` / `__anext__` and iterate with `async for`",
    "__await__": "make it a plain `def` returning an iterator, such as `return "
                 "self._run().__await__()`",
}
for _name in ("__anext__", "__aenter__", "__aexit__"):
    _DEFINED_ADVICE[_name] = "make it an `async def` without `yield` that returns the value"
_DEFINED_ADVICE["__exit__"] = _DEFINED_ADVICE["__enter__"]
_DEFINED_ADVICE["__next__"] = _DEFINED_ADVICE["__iter__"]


def defined_special_fields(dunder: str, kind: str, wrapped: bool = False) -> "dict[str, str]":
    """AGN105's wording for special method ``dunder`` defined as a function of ``kind``
    (``wrapped``: its decorator replaces it with a wrapper of that kind)."""
    if dunder in _BUILTIN_USE:
        consequence = f"{_BUILTIN_USE[dunder]} raise TypeError on the {{obj}} it gets"
    else:
        consequence = _DEFINED_FAILS[dunder]
    obj = _OBJECT[kind]
    return {
        "dunder": dunder,
        "problem": (f"is replaced by its decorator's wrapper, so calling it gives an {obj}"
                    .replace("an coroutine", "a coroutine") if wrapped else DEFINED_KIND[kind]),
        "consequence": consequence.replace("{dunder}", dunder).replace("{obj}", obj).replace(
            "an coroutine", "a coroutine").replace("an context", "a context"),
        "advice": _DEFINED_ADVICE.get(dunder, "make it a plain `def` that returns the value"),
    }


# AGN106: what the decorated function is, and what entering what the decorator makes meets.
_MANAGER_SHAPES = {
    "coro": "an `async def` without `yield`",
    "agen": "an async generator function",
    "generator": "a plain generator function",
}


def manager_decorator_fields(decorator: str, shape: str, name: str) -> "dict[str, str]":
    """AGN106's wording for ``@decorator`` on a function of ``shape`` named ``name``."""
    if decorator == "contextmanager":
        made = "coroutine" if shape == "coro" else "async_generator"
        return {
            "decorator": "contextmanager", "shape": _MANAGER_SHAPES[shape],
            "needs": "a plain generator function",
            "consequence": f"`with {name}()` raises TypeError ('{made}' object is not an "
                           "iterator)",
            "advice": "use `@contextlib.asynccontextmanager` and `async with`" + (
                "" if shape == "agen" else ", with `yield` where the value is given"
            ),
        }
    made = "coroutine" if shape == "coro" else "generator"
    return {
        "decorator": "asynccontextmanager", "shape": _MANAGER_SHAPES[shape],
        "needs": "an async generator function",
        "consequence": f"`async with {name}()` raises TypeError ('{made}' object is not an "
                       "async iterator)",
        "advice": ("`yield` the value instead of returning it" if shape == "coro" else
                   "make it `async def`, or use `@contextlib.contextmanager` and `with`"),
    }


def wrong_kind_plain(type_name: str, needed: str = "an awaitable") -> str:
    """AGN220's wording for a plain special method every path of which returns ``type_name``."""
    shown = "`None`" if type_name == "NoneType" else f"a `{type_name}`"
    return f"is a plain `def` returning {shown}, not {needed}"


def wrong_kind_instance(qualname: str) -> str:
    """AGN220's wording for a plain special method returning an instance of a project class
    without ``__await__``."""
    return f"is a plain `def` returning an instance of `{qualname}`, which is not awaitable"


def function_used_fields(context: str, how: str) -> "dict[str, str]":
    """AGN209's wording for a statement on a function object: ``await`` on function ..."""
    return {"how": f"{protocol_use(context, how)} on", "on": "on ", "error": "TypeError"}


def function_passed_fields(api: str) -> "dict[str, str]":
    """AGN209's wording for a function given to an API that needs a coroutine."""
    shown = f"`{api}(...)`" if not api.startswith(".") else f"`{api}`"
    return {"how": f"{shown} given", "on": "", "error": API_ERRORS.get(api, "TypeError")}


def agn202_fields(tag: str, callee: str, obj: str) -> "dict[str, str]":
    """AGN202's wording for an async generator object or an async generator function."""
    if tag == "agen":
        return {
            "needs": "a coroutine", "what": f"async generator {obj}",
            "advice": "pass a coroutine that consumes it with `async for`",
        }
    return {
        "needs": "an async function",
        "what": f"async generator function `{callee}`",
        "advice": "pass a coroutine function that consumes it with `async for`",
    }


def agn202_plain_fields(type_name: str, where: str, func: str) -> "dict[str, str]":
    """AGN202's wording for what a plain function returns (``None``, a ``list``) handed to an
    API that needs a coroutine: ``where`` says which function (:func:`plain_result`,
    :func:`stdlib_result`), ``func`` names it for the advice."""
    shown = "None" if type_name == "NoneType" else f"an instance of `{type_name}`"
    return {
        "needs": "a coroutine",
        "what": f"`{shown}`" if shown == "None" else shown,
        "where": where,
        "advice": f"`{func}` is not a coroutine function: call it without the API, or make it "
                  "`async def`",
    }


def internal_failure_reason(exc: BaseException) -> str:
    """AGN900's reason for an exception, never formatting arbitrary objects (``str()`` of a
    libcst error keyed by a deeply nested node can itself recurse without end)."""
    if isinstance(exc, RecursionError):
        return "the code is nested too deeply"
    if isinstance(exc, MemoryError):
        return "not enough memory to analyse it"
    name = type(exc).__name__
    if name == "ParserSyntaxError":
        return "libcst cannot parse it"
    args = getattr(exc, "args", ())
    text = args[0] if args and isinstance(args[0], str) else ""
    text = text.splitlines()[0][:200] if text else ""
    return f"internal error {name}{': ' + text if text else ''}; please report it"


def too_large_reason(size: int, limit: int) -> str:
    return (
        f"the file has {size} bytes, more than --agn-max-file-size={limit}; raise that option "
        "to analyse it"
    )


# AGN212: what the object is, and what to do, by what the parameter accepts (first match).
ARGUMENT_WHAT = {
    "coro": "a coroutine object", "agen": "an async generator object",
    "awaitable": "an awaitable object (a coroutine, task or future)",
}
ASYNC_GENEXP_WORDING = "an async generator expression"
_PASS_THE_FUNCTION = (
    "pass the function itself, `{short}`, and its arguments as the API takes them, not a call "
    "of it"
)
ARGUMENT_ADVICE: tuple[tuple[str, str, str], ...] = (
    ("coro", "aiter", "make `{short}` an async generator (`yield` each item instead of "
                      "returning them all), or pass an async iterable"),
    ("coro", "call", _PASS_THE_FUNCTION),
    ("agen", "call", _PASS_THE_FUNCTION),
    ("coro", "iter", "`await` it and pass what it returns, or pass an iterable"),
    ("agen", "iter", "collect it first (`[x async for x in ...]`), or pass a plain iterable"),
    ("agen", "await", "pass a coroutine (an `async def` without `yield`), or iterate this one "
                      "with `async for`"),
    ("genexp", "iter", "make it a list comprehension (`[x async for x in ...]`, inside an "
                       "`async def`), or pass a plain iterable"),
    ("genexp", "", "pass what the annotation declares, not an async generator expression"),
    ("coro", "", "`await` it and pass what it returns"),
    ("agen", "", "iterate it with `async for` and pass what you need"),
)


def function_api_fields(api: str) -> "dict[str, str]":
    """AGN212's ``param``, ``func``, ``func_where`` and ``declared`` for an API known by name
    to take an async function and call it (``anyio.run``, a task group's ``start_soon``)."""
    return {
        "param": "func", "func": api.lstrip("."),
        "func_where": "anyio and trio call the async function they are given",
        "declared": "Callable[..., Awaitable[Any]]",
    }


def argument_advice(kind: str, accepts: "frozenset[str]") -> str:
    for advice_kind, wanted, text in ARGUMENT_ADVICE:
        if advice_kind == kind and (not wanted or wanted in accepts):
            return text
    return ""


# AGN208: what each use needs, and what to do instead, by the special methods the class has.
PROTOCOL_NEEDS: dict[str, tuple[str, str]] = {
    # context: (the use, the special method it needs)
    "await": ("`await`", "__await__"),
    "aiter": ("`async for`", "__aiter__"),
    "iter": ("a `for` loop", "__iter__"),
    "awith": ("`async with`", "__aenter__"),
    "with": ("`with`", "__enter__"),
}
# (context, a special method the class has) -> advice, first match wins.
PROTOCOL_ADVICE: tuple[tuple[str, str, str], ...] = (
    ("await", "__aiter__", "it is async-iterable: iterate it with `async for`, without `await`"),
    ("await", "__aenter__", "it is an async context manager: use `async with` instead of `await`"),
    ("await", "", "remove the `await`, or await a coroutine method of it"),
    ("aiter", "__iter__", "it is a plain iterable: use `for`"),
    ("aiter", "__await__", "it is awaitable: write `async for ... in await ...` if awaiting it "
                           "gives an async iterator"),
    ("aiter", "__aenter__", "it is an async context manager, not an async iterator: iterate "
                            "an async iterator it offers"),
    ("aiter", "", "iterate an async iterator it offers, not the object"),
    ("iter", "__aiter__", "it is an async iterator: use `async for` inside an `async def`"),
    ("iter", "", "iterate an iterable it offers, not the object"),
    ("awith", "__enter__", "it is a plain context manager: use `with`"),
    ("awith", "__await__", "it is awaitable: `await` it instead"),
    ("awith", "__aiter__", "it is an async iterator: iterate it with `async for`"),
    ("awith", "", "use an async context manager it offers, or `await` a coroutine method"),
    ("with", "__aenter__", "it is an async context manager: use `async with` inside an "
                           "`async def`"),
    ("with", "__await__", "it is awaitable: `await` it instead"),
    ("with", "", "use a context manager it offers"),
)


def protocol_advice(context: str, defines: "Callable[[str], object]") -> str:
    """AGN208's advice for a statement (``context``) on an object lacking what it needs: the
    first entry of :data:`PROTOCOL_ADVICE` for that statement whose special method the object
    ``defines`` (true for a name it has)."""
    for advice_context, method, text in PROTOCOL_ADVICE:
        if advice_context == context and (not method or defines(method)):
            return text
    return ""


# How AGN208 / AGN209 name the other ways of iterating (``Site.how``).
PROTOCOL_ITERATION = {
    "comprehension": "a comprehension",
    "yield_from": "`yield from`",
    "unpacking": "`*` unpacking",
    "target_unpacking": "unpacking into names (`a, b = ...`)",
    "membership": "`in`",
}


# The exit stacks' methods that enter their argument as ``with`` / ``async with`` do (sites
# of those contexts, ``how`` naming the method).
STACK_ENTRIES = {
    "enter_async_context": "`AsyncExitStack.enter_async_context()`",
    "enter_context": "`ExitStack.enter_context()`",
}


def protocol_use(context: str, how: str) -> str:
    """How the rules name the statement of a site (``await``, a `for` loop, ``*``
    unpacking, ``AsyncExitStack.enter_async_context()``...), from its context and its
    ``how``."""
    if context == "iter" and how in PROTOCOL_ITERATION:
        return PROTOCOL_ITERATION[how]
    if how in STACK_ENTRIES:
        return STACK_ENTRIES[how]
    return PROTOCOL_NEEDS[context][0]


# AGN210: what the objects a call gives do have, and what to do instead.
OBJECT_ATTRIBUTES: dict[str, frozenset[str]] = {
    "coro": frozenset({
        "send", "throw", "close", "cr_await", "cr_frame", "cr_running", "cr_code", "cr_origin",
        "cr_suspended",
    }),
    "agen": frozenset({
        "asend", "athrow", "aclose", "ag_await", "ag_frame", "ag_running", "ag_code",
        "ag_suspended",
    }),
    "acm": frozenset({"gen", "func", "args", "kwds"}),
    # A coroutine, an asyncio task or a future (Python 3.9-3.13): an attribute none of them
    # has fails whichever was given.
    "awaitable": frozenset({
        "send", "throw", "close", "cr_await", "cr_frame", "cr_running", "cr_code", "cr_origin",
        "cr_suspended", "result", "exception", "done", "cancelled", "cancel",
        "add_done_callback", "remove_done_callback", "get_loop", "set_result", "set_exception",
        "get_coro", "get_name", "set_name", "get_stack", "print_stack", "uncancel",
        "cancelling", "get_context",
    }),
}
ATTRIBUTE_ADVICE = {
    "coro": "`await` the call where it is made, and read `.{attr}` from what it returns",
    "agen": "iterate it with `async for` and read `.{attr}` from each item",
    "acm": "enter it with `async with ... as x` where it is made, and read `x.{attr}`",
    "awaitable acm": "`await` it, or enter it with `async with ... as x`, where it is made, and "
                     "read `.{attr}` from what that gives",
    "awaitable": "`await` it where it is made, and read `.{attr}` from what it gives",
}


def access_fields(attr: str, kind: str) -> dict[str, str]:
    """AGN210's wording of the read itself: ``.json`` (AttributeError) or ``[...]``
    (TypeError: not subscriptable), with the advice for an object of ``kind``."""
    if attr == ITEM_ACCESS:
        return {
            "attr": attr, "access": "`[...]`", "lacks": "is not subscriptable",
            "error": "TypeError", "advice": ATTRIBUTE_ADVICE[kind].replace(".{attr}", "[...]"),
        }
    if attr == CALL_ACCESS:
        advice = ATTRIBUTE_ADVICE[kind]
        return {
            "attr": attr, "access": "`(...)`", "lacks": "is not callable", "error": "TypeError",
            "advice": advice.replace("read `x.{attr}`", "call `x`").replace(
                "read `.{attr}` from", "call"
            ),
        }
    if attr == SEND_CALL:
        return {
            "attr": "send", "access": "`.send(...)`",
            "lacks": "takes one value, and only `None` before it has started",
            "error": "TypeError", "advice": ATTRIBUTE_ADVICE[kind].format(attr="send"),
        }
    if attr.startswith(SET_ATTRIBUTE):
        # ``user.name = new`` on the object: setting fails as reading does.
        attr = attr[len(SET_ATTRIBUTE):]
        return {
            "attr": attr, "access": f"setting `.{attr}`", "lacks": "has no such attribute",
            "error": "AttributeError",
            "advice": ATTRIBUTE_ADVICE[kind].format(attr=attr).replace(
                f"read `.{attr}` from", f"set `.{attr}` on"
            ),
        }
    return {
        "attr": attr, "access": f"`.{attr}`", "lacks": "has no such attribute",
        "error": "AttributeError", "advice": ATTRIBUTE_ADVICE[kind].format(attr=attr),
    }


def read_by_callee(access: str, callee: str, param: str, where: str, line: int) -> str:
    """AGN210 at an argument: ``.items`` (read by ``Event.from_json()`` on its parameter
    ``data``, line 12 of models.py)"""
    path = where.rsplit(":", 1)[0]
    return f"{access} (read by `{callee}()` on its parameter `{param}`, at {path}:{line})"


# AGN212 for a file-like object whose method is a coroutine function (``json.dump(data, f)``
# on an aiofiles handle).
ASYNC_FILE_WHAT = "an object with an async `{method}`"
IN_STANDARD_LIBRARY = "the standard library"


def async_file_object(callee: str, method: str) -> str:
    """an object whose ``write`` is the coroutine function ``AsyncTextIOWrapper.write``"""
    return f"an object whose `{method}` is the coroutine function `{callee}`"


def async_file_advice(api: str, method: str) -> str:
    module = api.rsplit(".", 1)[0]
    if method == "read":
        return f"read it first and parse the result: `{module}.loads(await f.read())`"
    return f"serialise first and write the result: `await f.write({module}.dumps(obj))`"


# AGN104: what shows the un-awaited return is a mistake.
ANOTHER_PATH = "while another path gives a result"


def annotated_witness(declared: str) -> str:
    return f"while it is annotated to give `{declared}`"


# AGN215: how the use is named, and what to do, by the object's kind.
def operator_use(operator: str) -> str:
    """``+`` on ..., ``<`` with ..., ``+=`` with ..."""
    if operator in ("<", "<=", ">", ">="):
        return f"`{operator}` comparing"
    if operator == FORMAT_SPEC:
        return "a format spec (`f\"{x:.2f}\"`) applied to"
    if operator == MAPPING_UNPACK:
        return "`**` unpacking of"
    if operator.endswith("=") and operator != "=":
        return f"`{operator}` with"
    return f"`{operator}` on"


def conversion_use(api: str) -> str:
    """``len()`` of ..."""
    return f"`{api}()` of"


def element_use(api: str) -> str:
    """``str.join()`` over elements that are each ... (what it is given)"""
    return f"`{api}()` over elements that are each"


OPERAND_LACKS = "supports no arithmetic, bitwise or ordering operator"
FORMAT_LACKS = "accepts no format spec but an empty one"
MAPPING_LACKS = "is not a mapping"
CONVERSION_LACKS = "is not a number, a string, bytes or a sized object"


VALUE_ADVICE = {
    "coro": "`await` the call where it is made and use what it returns",
    "agen": "iterate it with `async for` (or collect it: `[x async for x in ...]`) and use the "
            "items",
    "acm": "enter it with `async with ... as x` where it is made and use `x`",
    "awaitable": "`await` the call where it is made and use what it returns",
}


def unawaited_call(kind: str, callee: str) -> str:
    """How AGN210 names what a call gave: ``a coroutine `fetch()```."""
    return f"{OBJECT_WORDING[kind]} `{callee}()`"


# AGN210 on an instance of a class, by the statements the class supports.
INSTANCE_WORDING = {
    "awaitable": "an awaitable",
    "awaitable acm": "an awaitable async context manager",
    "acm": "an async context manager",
}


def unawaited_instance(kind: str, class_name: str) -> str:
    """How AGN210 names an instance of a class: ``an awaitable `Request` object``."""
    return f"{INSTANCE_WORDING[kind]} `{class_name}` object"
