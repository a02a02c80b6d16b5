"""AGN209 function-used-without-call.

`await f`, `async for ... in f`, `for ... in f` (also comprehensions, `yield from`, `*f`),
`async with f` and `with f`, where `f` is a function or method object itself: the call was
forgotten (`async for line in response.aiter_lines:`).  A function object has none of the special
methods these statements need, whatever calling it would give.  Reported at the `await`
expression, at the iterable, or at the context expression of the `async with` / `with` item.
Nothing here runs at import time.

Every `# error:` line raises TypeError when its function runs; every trap runs cleanly.
"""

import abc
import asyncio
import contextlib
import functools
from enum import Enum
from typing import Any, AsyncIterator, Awaitable, Callable, Dict, Iterator, List, TypeVar

from typing_extensions import override

F = TypeVar("F", bound=Callable[..., Any])

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


async def fetch_config() -> Dict[str, Any]:
    """A coroutine function."""
    await asyncio.sleep(0)
    return {"timeout": 30}


async def stream_tokens():
    """An async generator function."""
    for token in ("a", "b"):
        await asyncio.sleep(0)
        yield token


def read_rows():
    """A sync generator function."""
    yield (1, "a")
    yield (2, "b")


def list_users() -> List[str]:
    """A plain function returning a list."""
    return ["ada", "grace"]


@contextlib.contextmanager
def transaction() -> Iterator[None]:
    yield None


@contextlib.asynccontextmanager
async def open_session() -> AsyncIterator[str]:
    yield "session"


def logged(fn: F) -> F:
    """A signature-preserving decorator: its annotation says it returns what it gets."""
    return fn


@logged
async def fetch_profile(user: str) -> Dict[str, str]:
    await asyncio.sleep(0)
    return {"user": user}


@functools.wraps(fetch_config)
async def fetch_config_logged() -> Dict[str, Any]:
    """`functools.wraps` copies the name and docstring: still a coroutine function."""
    print("fetching the configuration")
    return await fetch_config()


class Response:
    """An httpx-like streamed response."""

    def __init__(self) -> None:
        self._lines = ["data: 1", "data: 2"]

    async def aiter_lines(self):
        for line in self._lines:
            yield line

    def iter_lines(self):
        yield from self._lines

    async def aread(self) -> str:
        return "\n".join(self._lines)

    @staticmethod
    async def parse_events(text: str):
        for line in text.splitlines():
            yield line

    @classmethod
    def default_headers(cls) -> List[str]:
        return ["accept"]

    @contextlib.asynccontextmanager
    async def opened(self) -> AsyncIterator["Response"]:
        yield self

    async def relay(self) -> None:
        # Through `self`: no subclass overrides `aiter_lines`.
        async for line in self.aiter_lines:  # error: AGN209 @27
            print(line)


class RunResult(abc.ABC):
    """An openai-agents-like run result: the stream is a method."""

    @abc.abstractmethod
    def stream_events(self) -> AsyncIterator[str]:
        ...


class StreamedRun(RunResult):
    @override
    async def stream_events(self):
        yield "delta"


# --------------------------------------------------------------------------
# Positives: `await`
# --------------------------------------------------------------------------


async def bug_await_coroutine_function() -> None:
    config = await fetch_config  # error: AGN209 @14
    print(config)


async def bug_await_method_of_constructed_instance() -> None:
    body = await Response().aread  # error: AGN209
    print(body)


async def bug_await_annotated_parameter(response: Response) -> None:
    body = await response.aread  # error: AGN209
    print(body)


async def bug_await_signature_preserving_decorator() -> None:
    print(await fetch_profile)  # error: AGN209 @11


async def bug_await_wraps_decorator() -> None:
    print(await fetch_config_logged)  # error: AGN209


async def bug_await_async_generator_function() -> None:
    await stream_tokens  # error: AGN209


# --------------------------------------------------------------------------
# Positives: `async for`
# --------------------------------------------------------------------------


async def bug_async_for_module_function() -> None:
    async for token in stream_tokens:  # error: AGN209 @24
        print(token)


async def bug_async_for_constructed_instance() -> None:
    response = Response()
    async for line in response.aiter_lines:  # error: AGN209
        print(line)


async def bug_async_for_annotated_parameter(response: Response) -> None:
    async for line in response.aiter_lines:  # error: AGN209 @23
        print(line)


async def bug_async_for_staticmethod_via_class() -> None:
    async for event in Response.parse_events:  # error: AGN209
        print(event)


async def bug_async_for_staticmethod_via_instance(response: Response) -> None:
    async for event in response.parse_events:  # error: AGN209
        print(event)


async def bug_async_for_overriding_method() -> None:
    # Abstract in the base, an async generator (`@override`) in the class.
    async for event in StreamedRun().stream_events:  # error: AGN209
        print(event)


async def bug_async_comprehension() -> List[str]:
    return [token async for token in stream_tokens]  # error: AGN209 @38


# --------------------------------------------------------------------------
# Positives: `for` (also comprehensions, `yield from`, `*`)
# --------------------------------------------------------------------------


def bug_for_generator_function() -> None:
    for row in read_rows:  # error: AGN209 @16
        print(row)


def bug_for_plain_function() -> None:
    for user in list_users:  # error: AGN209
        print(user)


def bug_for_method(response: Response) -> None:
    for line in response.iter_lines:  # error: AGN209
        print(line)


def bug_for_classmethod_via_class() -> None:
    for header in Response.default_headers:  # error: AGN209
        print(header)


def bug_list_comprehension() -> List[str]:
    return [user.title() for user in list_users]  # error: AGN209 @38


def bug_set_comprehension() -> set:
    return {row for row in read_rows}  # error: AGN209


def bug_dict_comprehension() -> Dict[str, int]:
    return {user: len(user) for user in list_users}  # error: AGN209


def bug_generator_expression() -> int:
    # The first iterable of a generator expression is iterated when it is created.
    return sum(len(user) for user in list_users)  # error: AGN209 @38


def bug_yield_from() -> Iterator[Any]:
    yield from read_rows  # error: AGN209 @16


def bug_star() -> None:
    print(*list_users)  # error: AGN209 @12


# --------------------------------------------------------------------------
# Positives: `async with` and `with`
# --------------------------------------------------------------------------


async def bug_async_with_context_manager_function() -> None:
    async with open_session as session:  # error: AGN209 @16
        print(session)


async def bug_async_with_method(response: Response) -> None:
    async with response.opened as opened:  # error: AGN209
        print(opened)


async def bug_async_with_coroutine_function() -> None:
    async with fetch_config:  # error: AGN209
        pass


async def bug_async_with_second_item() -> None:
    async with open_session() as session, open_session as other:  # error: AGN209 @43
        print(session, other)


def bug_with_plain_function() -> None:
    with list_users as users:  # error: AGN209 @10
        print(users)


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic
# --------------------------------------------------------------------------


async def ok_called_forms(response: Response) -> None:
    # Every function above, called.
    print(await fetch_config(), await fetch_profile("ada"), await fetch_config_logged())
    print(await response.aread())
    async for token in stream_tokens():
        print(token)
    async for line in response.aiter_lines():
        print(line)
    async for event in Response.parse_events("x\ny"):
        print(event)
    async for event in StreamedRun().stream_events():
        print(event)
    for row in read_rows():
        print(row)
    for header in Response.default_headers():
        print(header)
    print([user async for user in stream_tokens()], [user for user in list_users()])
    print(*list_users(), sum(len(user) for user in list_users()))
    async with open_session() as session, response.opened() as opened:
        print(session, opened)
    with transaction():
        pass


def collect(fn: Callable[[], Iterator[str]]) -> List[str]:
    """An unknown decorator: it replaces the function with a list."""
    return list(fn())


@collect
def default_scopes() -> Iterator[str]:
    yield "read"
    yield "write"


def ok_unknown_decorator() -> None:
    # `default_scopes` is the list `collect` returned, not a function.
    for scope in default_scopes:
        print(scope)


class Account:
    def __init__(self) -> None:
        self._roles = ["admin"]

    @property
    def roles(self) -> List[str]:
        return list(self._roles)

    @functools.cached_property
    def permissions(self) -> List[str]:
        return ["read"]


def ok_property_getter() -> None:
    # The getter runs on attribute access: `roles` is a list.
    account = Account()
    for role in account.roles:
        print(role)
    for permission in account.permissions:
        print(permission)


class Color(Enum):
    RED = 1
    GREEN = 2


def ok_class_iterated() -> None:
    # A class, not a function: `EnumMeta` makes the class itself iterable.
    for color in Color:
        print(color)


def ok_lambda_called() -> None:
    # A lambda called: the list it returns is iterated.
    get_users = lambda: ["ada"]  # noqa: E731
    for user in get_users():
        print(user)


async def ok_partial_called() -> None:
    # A `functools.partial` object is not the function; calling it gives the coroutine.
    fetch_ada = functools.partial(fetch_profile, "ada")
    print(await fetch_ada())


def load_plugins() -> List[str]:
    return ["auth", "cache"]


# Rebound to its own result: from here on `load_plugins` is a list.
load_plugins = load_plugins()  # type: ignore[assignment]


def ok_rebound_to_result() -> None:
    for plugin in load_plugins:  # type: ignore[attr-defined]
        print(plugin)


class Feed:
    """Callable and an async iterator: the instance itself is iterated."""

    def __init__(self) -> None:
        self._items = ["x", "y"]

    def __call__(self) -> "Feed":
        return self

    def __aiter__(self) -> "Feed":
        return self

    async def __anext__(self) -> str:
        if not self._items:
            raise StopAsyncIteration
        return self._items.pop(0)


async def ok_callable_instance() -> None:
    feed = Feed()
    async for item in feed:
        print(item)


class Cursor:
    """An instance attribute shadows the method of the same name (functions are non-data
    descriptors): `self.rows` is the list."""

    def __init__(self) -> None:
        self.rows = [(1, "a")]

    def rows(self) -> List[Any]:  # type: ignore[no-redef]
        return []


def ok_instance_attribute_shadows_method() -> None:
    for row in Cursor().rows:  # type: ignore[attr-defined]
        print(row)


class BaseSource:
    def items(self) -> List[int]:
        return []

    def dump(self) -> None:
        # `self` may be a `ListSource`, whose `items` is a tuple.
        for item in self.items:  # type: ignore[attr-defined]
            print(item)


class ListSource(BaseSource):
    items = (1, 2)  # type: ignore[assignment]


def ok_subclass_class_attribute() -> None:
    ListSource().dump()


class Settings:
    def keys(self) -> List[str]:
        return []

    # The class body rebinds the name: `Settings.keys` is the tuple.
    keys = ("timeout", "retries")  # type: ignore[assignment]


def ok_class_body_rebinding() -> None:
    for key in Settings().keys:
        print(key)


def ok_local_shadows_function() -> None:
    list_users = ["ada"]
    for user in list_users:
        print(user)


def ok_function_passed_not_used() -> None:
    # Storing or passing a function is not a statement on it.
    callbacks = [list_users, read_rows]
    for callback in callbacks:
        print(callback())


# --------------------------------------------------------------------------
# A function given to an asyncio API that needs the coroutine its call makes
# --------------------------------------------------------------------------


async def heartbeat() -> None:
    await asyncio.sleep(0)


async def ticks():
    yield 1


def scheduler_mistakes() -> None:
    asyncio.run(heartbeat)  # error: AGN209
    loop = asyncio.new_event_loop()
    loop.run_until_complete(heartbeat)  # error: AGN209


async def task_mistakes() -> None:
    task = asyncio.create_task(heartbeat)  # error: AGN209
    await asyncio.gather(heartbeat(), heartbeat)  # error: AGN209
    await asyncio.wait_for(ticks, 1)  # error: AGN209
    await task


async def task_correct(loop: asyncio.AbstractEventLoop) -> None:
    await asyncio.gather(heartbeat(), asyncio.create_task(heartbeat()))
    # APIs that take the function and call it themselves.
    loop.call_soon(print)
    await loop.run_in_executor(None, list_users)
    await asyncio.to_thread(list_users)
    handle = functools.partial(heartbeat)
    await asyncio.wait_for(handle(), 1)


class Job:
    """A job whose work is declared, by an annotation, a callable returning an awaitable."""

    def __init__(self, work: Callable[[str], Awaitable[str]], name: str) -> None:
        self.work = work
        self.name = name

    stream: Callable[[], AsyncIterator[int]]


async def declared_callables(job: Job, jobs: List[Job]) -> None:
    # What the annotation declares is a callable: an API that needs what calling it gives
    # (or a statement on the callable itself) fails, whatever function is bound to it.
    task = asyncio.create_task(job.work)  # error: AGN209
    await asyncio.gather(*(j.work for j in jobs))  # error: AGN209
    await job.work  # error: AGN209
    async for item in job.stream:  # error: AGN209
        print(item)
    # Traps: called first; handed to an API that calls it.
    await asyncio.gather(*(j.work(j.name) for j in jobs))
    await asyncio.wait_for(job.work(job.name), 1)
    done = await asyncio.create_task(asyncio.wait_for(job.work("x"), 1))
    later = functools.partial(job.work, job.name)
    print(await later(), await task, done)
    async for item in job.stream():
        print(item)
