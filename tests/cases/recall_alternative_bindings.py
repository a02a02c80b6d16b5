"""Issue 9, shape 7: alternative bindings and inspect guards.

* A name bound in `try:` and rebound in `except ImportError:` (or in the two arms of an `if` on
  the version or the platform) is several alternatives, not "unknown": when a known alternative
  fails at the use site, report it and name that binding: the program fails whenever that path is
  taken. (Every positive below fails on the path this interpreter takes: the optional packages are
  not installed, the version is not 3.99, the platform is not "plan9".)
* Inside a branch guarded by `inspect.isasyncgenfunction(f)` / `inspect.iscoroutinefunction(f)` /
  `inspect.isasyncgen(x)` / `inspect.iscoroutine(x)` (or `asyncio.iscoroutinefunction`), the
  guarded kind is known: `await f(...)` (resp. `async for ... in f(...)`) there is wrong.
"""
import asyncio
import inspect
import sys
from typing import Any, Awaitable, Callable, List

# --- alternatives ----------------------------------------------------------

try:
    from fast_tokenizers_not_installed import tokenize
except ImportError:

    async def tokenize(text: str):
        for word in text.split():
            yield word


try:
    from _llm_speedups_not_installed import Parser
except ImportError:

    class Parser:
        async def feed(self, chunk: str):
            yield chunk

        async def close(self) -> None:
            pass


if sys.version_info >= (3, 99):

    async def read_chunks(path: str) -> List[bytes]:
        return [b"chunk"]

else:

    async def read_chunks(path: str):
        yield b"chunk"


if sys.platform == "plan9":

    async def watch_files(path: str):
        yield path

else:

    async def watch_files(path: str) -> List[str]:
        return [path]


async def _complete_v2(prompt: str):
    yield prompt


async def _complete_v1(prompt: str) -> str:
    return prompt


if sys.version_info >= (3, 99):
    complete = _complete_v1
else:
    complete = _complete_v2


class Transport:
    if sys.version_info >= (3, 99):

        async def receive(self) -> bytes:
            return b""

    else:

        async def receive(self):
            yield b""


try:
    import uvloop_not_installed as event_stream  # noqa: F401
except ImportError:
    event_stream = None

    async def poll_events():
        yield "tick"
else:

    async def poll_events() -> List[str]:
        return ["tick"]


# ---------------------------------------------------------------------------
# Positives: alternatives
# ---------------------------------------------------------------------------


async def scenario_except_import_error_fallback_awaited():
    return await tokenize("a b")  # error: AGN200


async def scenario_except_import_error_class_fallback():
    parser = Parser()
    # Not followed: the alternatives of `Parser` reach `parser` through a local variable, and
    # only names bound at module level are judged alternative by alternative.
    return await parser.feed("data")


async def scenario_version_branch_awaited():
    return await read_chunks("/tmp/x")  # error: AGN200


async def scenario_platform_branch_iterated():
    async for path in watch_files("/tmp"):  # error: AGN201
        print(path)


async def scenario_version_branch_alias():
    return await complete("hi")  # error: AGN200


async def scenario_version_branch_method():
    return list(Transport().receive())  # error: AGN203


async def scenario_try_else_alternative():
    return asyncio.create_task(poll_events())  # error: AGN202


async def scenario_fallback_class_in_sync_for():
    for item in Parser().feed("x"):  # error: AGN203
        print(item)


# ---------------------------------------------------------------------------
# Positives: inspect guards
# ---------------------------------------------------------------------------


async def agen_handler(event: str):
    yield event


async def coroutine_handler(event: str) -> str:
    return event


async def dispatch_inverted(handler: Callable[..., Any], event: str):
    if inspect.isasyncgenfunction(handler):
        return await handler(event)  # error: AGN200
    return [x async for x in handler(event)]


async def scenario_isasyncgenfunction_guard_awaited():
    await dispatch_inverted(agen_handler, "e")


async def dispatch_coroutine_iterated(handler: Callable[..., Any], event: str):
    if inspect.iscoroutinefunction(handler):
        async for x in handler(event):  # error: AGN201
            print(x)


async def scenario_iscoroutinefunction_guard_iterated():
    await dispatch_coroutine_iterated(coroutine_handler, "e")


async def dispatch_asyncio_guard(handler: Callable[..., Any], event: str):
    if asyncio.iscoroutinefunction(handler):
        return [x async for x in handler(event)]  # error: AGN201
    return None


async def scenario_asyncio_iscoroutinefunction_guard():
    await dispatch_asyncio_guard(coroutine_handler, "e")


async def finish(result: Any):
    if inspect.isasyncgen(result):
        return await result  # error: AGN200
    return result


async def scenario_isasyncgen_value_guard():
    await finish(agen_handler("e"))


async def consume(result: Any):
    if inspect.iscoroutine(result):
        async for x in result:  # error: AGN201
            print(x)
    return result


async def scenario_iscoroutine_value_guard():
    await consume(coroutine_handler("e"))


async def run_else_branch(handler: Callable[..., Any]):
    if not inspect.isasyncgenfunction(handler):
        return await handler("e")
    else:
        return await handler("e")  # error: AGN200


async def scenario_negated_guard_else_branch():
    await run_else_branch(agen_handler)


async def run_after_early_return(handler: Callable[..., Any]):
    if not inspect.isasyncgenfunction(handler):
        return await handler("e")
    return await handler("e")  # error: AGN200


async def scenario_guard_with_early_return():
    await run_after_early_return(agen_handler)


async def collect_sync(handler: Callable[..., Any]):
    if inspect.isasyncgenfunction(handler):
        return list(handler("e"))  # error: AGN203
    return [await handler("e")]


async def scenario_guard_sync_collect():
    await collect_sync(agen_handler)


async def schedule(handler: Callable[..., Any]):
    if inspect.isasyncgenfunction(handler):
        return asyncio.create_task(handler("e"))  # error: AGN202
    return asyncio.create_task(handler("e"))


async def scenario_guard_create_task():
    await schedule(agen_handler)


async def scoped(handler: Callable[..., Any]):
    if inspect.iscoroutinefunction(handler):
        async with handler("e") as value:  # error: AGN205
            return value


async def scenario_guard_async_with():
    await scoped(coroutine_handler)


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------


async def dispatch(handler: Callable[..., Any], event: str):
    # The correct dispatcher.
    if inspect.isasyncgenfunction(handler):
        return [x async for x in handler(event)]
    if inspect.iscoroutinefunction(handler):
        return await handler(event)
    return handler(event)


async def scenario_ok_correct_dispatch():
    await dispatch(agen_handler, "e")
    await dispatch(coroutine_handler, "e")
    await dispatch(str.upper, "e")


async def guard_other_name(handler: Callable[..., Any], fallback: Callable[..., Awaitable[Any]]):
    # The guard is about `handler`; `fallback` is awaited.
    if inspect.isasyncgenfunction(handler):
        return await fallback("e")
    return None


async def scenario_ok_guard_on_other_name():
    await guard_other_name(agen_handler, coroutine_handler)


def drain_to_coroutine(fn: Callable[..., Any]) -> Callable[..., Awaitable[List[Any]]]:
    async def run(*args: Any) -> List[Any]:
        return [x async for x in fn(*args)]

    return run


async def guard_then_rebound(handler: Callable[..., Any]):
    if inspect.isasyncgenfunction(handler):
        # Rebound inside the guarded branch: now a coroutine function.
        handler = drain_to_coroutine(handler)
        return await handler("e")
    return await handler("e")


async def scenario_ok_guard_then_rebound():
    await guard_then_rebound(agen_handler)


async def guard_with_or(handler: Callable[..., Any]):
    # `or` does not narrow: handler may be a coroutine function here.
    if inspect.isasyncgenfunction(handler) or inspect.iscoroutinefunction(handler):
        if inspect.iscoroutinefunction(handler):
            return await handler("e")
    return None


async def scenario_ok_guard_with_or():
    await guard_with_or(coroutine_handler)


async def normalize(result: Any):
    if inspect.isasyncgen(result):
        return [x async for x in result]
    elif inspect.isawaitable(result):
        return await result
    return result


async def scenario_ok_value_guards():
    await normalize(agen_handler("e"))
    await normalize(coroutine_handler("e"))


async def scenario_ok_guard_returns_function():
    # No call in the guarded branch.
    if inspect.isasyncgenfunction(agen_handler):
        return agen_handler
    return None


PY_NEW = sys.version_info >= (3, 99)

if PY_NEW:

    async def fetch_page(n: int) -> List[int]:
        return [n]

else:

    async def fetch_page(n: int):
        yield n


async def scenario_ok_use_guarded_by_same_condition():
    # The use is guarded by the same condition as the definition: correct on both paths.
    if PY_NEW:
        return await fetch_page(1)
    return [p async for p in fetch_page(1)]


async def scenario_ok_fallback_used_correctly():
    # Every known alternative of `tokenize` is an async generator.
    async for word in tokenize("a b"):
        print(word)
    async for chunk in read_chunks("/tmp/x"):
        print(chunk)


try:
    from markdown_stream_not_installed import render
except ImportError:
    # The fallback raises: the only alternative is outside the project: unknown.
    def render(text: str):
        raise RuntimeError("install markdown-stream")


async def scenario_ok_fallback_raises():
    try:
        await render("x")
    except RuntimeError:
        pass


try:
    from json_stream_not_installed import load_stream
except ImportError:
    # Both alternatives agree on the kind (the outside one is documented as an async generator,
    # the fallback is one): used correctly.
    async def load_stream(text: str):
        yield text


async def scenario_ok_both_alternatives_correct():
    async for obj in load_stream("{}"):
        print(obj)


_on_message = None


def set_handler(handler: Callable[..., Any]) -> None:
    # Rebound by a callback registration: unknown.
    global _on_message
    _on_message = handler


async def default_on_message(text: str) -> str:
    return text


_on_message = default_on_message


async def scenario_ok_name_rebound_by_callback():
    set_handler(agen_handler)
    async for item in _on_message("x"):
        print(item)


try:
    from rich_progress_not_installed import report_progress
except ImportError:
    # The fallback is None: calls are guarded.
    report_progress = None


async def scenario_ok_optional_dependency_none():
    if report_progress is not None:
        await report_progress("50%")


def sync_factory(event: str):
    # A plain def returning an async generator: not a coroutine function, and iterable.
    return agen_handler(event)


async def not_coroutine_guard(handler: Callable[..., Any]):
    # `not iscoroutinefunction` does not mean "async generator function": a plain def may return
    # an async iterator; `async for` over its call is right here.
    if not inspect.iscoroutinefunction(handler):
        async for x in handler("e"):
            print(x)


async def scenario_ok_not_coroutine_guard():
    await not_coroutine_guard(sync_factory)


if sys.version_info >= (3, 99):

    async def shutdown() -> None:
        await asyncio.sleep(0)

else:

    async def shutdown() -> None:
        return None


async def scenario_ok_alternatives_agree():
    # Both alternatives are coroutines.
    await shutdown()


async def fanout(event: str):
    for part in event.split():
        yield part


async def load_profile(user_id: int) -> dict:
    return {"id": user_id}


async def scenario_ok_guard_contradicts_known_kind(event: str) -> List[str]:
    # A guard the known function fails: the branch never runs, so what it does with the
    # function is not judged (written for plugins that may be either kind).
    if inspect.iscoroutinefunction(fanout):
        return await fanout(event)
    if inspect.isasyncgenfunction(load_profile):
        async for row in load_profile(1):
            print(row)
    return [part async for part in fanout(event)]


async def scenario_guard_then_known_kind(event: str) -> List[str]:
    if inspect.iscoroutinefunction(fanout):
        return await fanout(event)
    return list(fanout(event))  # error: AGN203


class Thermostat:
    """A method written twice in a class body's own sequence of statements: the last `def` is
    the class's (Home Assistant's hisense plugin redefined `_async_schedule_update`)."""

    def refresh(self) -> None:
        return None

    async def schedule(self) -> None:
        self.refresh()

    async def schedule(self) -> None:  # noqa: F811
        # `self` here is the instance, as in any method (it was unknown in a redefined one).
        await self.refresh()  # error: AGN208


def _unknown_decorator(func: Any) -> Any:
    """Replaces what it decorates with something the linter cannot read."""
    return getattr(func, "__wrapped_by_plugin__", func)


class Sensor:
    # Traps: a property and its setter; a redefinition under a decorator not known.
    @property
    def value(self) -> int:
        return 1

    @value.setter
    def value(self, new: int) -> None:
        pass

    def poll(self) -> int:
        return 1

    @_unknown_decorator
    async def poll(self) -> int:  # noqa: F811
        return 1

    async def read(self) -> int:
        return self.value + await self.poll()
