"""AGN212 argument-against-annotation.

A coroutine object (a call of an `async def` without `yield`) or an async generator object (a
call of an `async def` with `yield`, or an async generator expression) passed as an argument to a
parameter whose annotation rules it out.  A coroutine is awaitable and nothing else: it is not
iterable, not async-iterable and not callable.  An async generator is async-iterable and nothing
else.  So `content: Union[AsyncIterable[str], Iterable[str]]` cannot take a coroutine, and
`func: Callable[..., Any]` can take neither; nor can a builtin value type (`msg: str`,
`data: bytes`, `count: int`, `Optional[str]`, ...).  Reported at the argument expression (the call, the
async generator expression, or the name bound to the call).  Nothing here runs at import time.

Every `# error:` line fails when its function runs and the callee uses the argument as its
annotation says (a TypeError or an AttributeError where the object is iterated, indexed, called or
awaited; the coroutine is then never awaited); every trap runs cleanly.
"""

from __future__ import annotations

import abc
import anyio
import asyncio
import collections.abc
import functools
import inspect
import types
from dataclasses import dataclass
from typing import (
    Annotated,
    Any,
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Dict,
    Iterable,
    List,
    Optional,
    Type,
    Protocol,
    Sequence,
    Text,
    TypeVar,
    Union,
)

import pytest

T = TypeVar("T")

SENT: List[str] = []

# --------------------------------------------------------------------------
# Definitions: a small streaming / background-task framework
# --------------------------------------------------------------------------

# starlette's shape: `ContentStream = Union[AsyncContentStream, SyncContentStream]`.
Content = Union[str, bytes]
SyncContentStream = Iterable[Content]
AsyncContentStream = AsyncIterable[Content]
ContentStream = Union[AsyncContentStream, SyncContentStream]


class StreamingResponse:
    def __init__(self, content: ContentStream, status_code: int = 200) -> None:
        self.content = content
        self.status_code = status_code

    async def body(self) -> bytes:
        chunks: List[bytes] = []
        if isinstance(self.content, collections.abc.AsyncIterable):
            async for chunk in self.content:
                chunks.append(chunk.encode() if isinstance(chunk, str) else chunk)
        else:
            for chunk in self.content:  # TypeError: 'coroutine' object is not iterable
                chunks.append(chunk.encode() if isinstance(chunk, str) else chunk)
        return b"".join(chunks)

    @classmethod
    def of_job(cls, job: Awaitable[str]) -> StreamingResponse:
        # `cls(...)`: a subclass's `__init__` may declare something else, and this program
        # only calls it through `AwaitingResponse`, whose `__init__` takes an Awaitable.
        return cls(job)

    @classmethod
    def of_numbers(cls) -> StreamingResponse:
        return cls(numbers())


class AwaitingResponse(StreamingResponse):
    """Awaits its coroutine, then streams what it returned."""

    def __init__(self, content: Awaitable[str], status_code: int = 200) -> None:
        super().__init__(self._stream(content), status_code)

    @staticmethod
    async def _stream(content: Awaitable[str]) -> AsyncIterator[str]:
        yield await content


class BackgroundTask:
    """starlette's shape: `func: Callable[P, Any]`, then its arguments."""

    def __init__(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.func = func
        self.args = args
        self.kwargs = kwargs

    async def __call__(self) -> None:
        await self.func(*self.args, **self.kwargs)  # TypeError: 'coroutine' object is not callable


class TaskQueue:
    def __init__(self) -> None:
        self.jobs: List[Callable[[], Awaitable[None]]] = []
        self.pending: List[Awaitable[None]] = []

    def submit(self, job: Callable[[], Awaitable[None]]) -> None:
        self.jobs.append(job)

    def enqueue(self, awaitable: Awaitable[None]) -> None:
        self.pending.append(awaitable)

    def on_done(self, callback: Optional[Callable[[], None]] = None) -> None:
        if callback is not None:
            callback()

    async def drain(self) -> None:
        for job in self.jobs:
            await job()
        for awaitable in self.pending:
            await awaitable


class Scheduler:
    def __init__(self) -> None:
        self.tasks: List[asyncio.Future[None]] = []

    def add(self, job: Callable[[], Awaitable[None]]) -> None:
        self.tasks.append(asyncio.ensure_future(job()))

    async def start(self) -> None:
        # Through `self`: `EagerScheduler.add` declares another annotation, which the
        # argument fits, and `start` is only called on an `EagerScheduler` here.
        self.add(send_email("ops@example.com"))
        await asyncio.gather(*self.tasks)


class EagerScheduler(Scheduler):
    def add(self, job: Awaitable[None]) -> None:  # type: ignore[override]
        self.tasks.append(asyncio.ensure_future(job))


class Closable(Protocol):
    async def aclose(self) -> None: ...


class Task:
    def __init__(self, func: Callable[..., Any]) -> None:
        self.func = func


@dataclass
class OneShot(Task):
    # The dataclass writes its own `__init__(self, run)`: `Task.__init__` is not the one called.
    run: Awaitable[None]


def write_lines(lines: Iterable[str]) -> str:
    return "\n".join(lines)  # TypeError: can only join an iterable


def write_lines_later(lines: "Iterable[str]") -> str:
    return "\n".join(lines)


def first_of(items: Sequence[str]) -> str:
    return items[0]


def totals(counts: Dict[str, int]) -> int:
    return sum(counts.values())


def run_soon(job: Awaitable[None]) -> asyncio.Future[None]:
    return asyncio.ensure_future(job)  # TypeError: An asyncio.Future, a coroutine or an awaitable


def run_either(job: Union[Awaitable[None], Callable[[], Awaitable[None]]]) -> Awaitable[None]:
    return job() if callable(job) else job


def run_coroutine(job: Coroutine[Any, Any, None]) -> asyncio.Future[None]:
    return asyncio.ensure_future(job)


def tagged(lines: Annotated[Iterable[str], "utf-8"]) -> int:
    return sum(1 for _ in lines)


def either_way(source: Iterable[str] | Callable[[], Iterable[str]]) -> List[str]:
    return list(source() if callable(source) else source)


async def consume(source: AsyncIterable[str]) -> List[str]:
    return [item async for item in source]


def keep(value: Any) -> Any:
    return value


def keep_object(value: object) -> object:
    return value


def identity(value: T) -> T:
    return value


def hold_coroutine(job: types.CoroutineType) -> types.CoroutineType:
    return job


def close_later(stream: Closable) -> Closable:
    return stream


def log(message: str) -> None:
    print(message.rstrip())


def collected(fn: Callable[[List[str]], T]) -> Callable[[AsyncIterable[str]], Awaitable[T]]:
    """The decorated function takes an async iterable, collected for `fn`."""

    @functools.wraps(fn)
    async def wrapper(lines: AsyncIterable[str]) -> T:
        return fn([line async for line in lines])

    return wrapper


@collected
def write_collected(lines: Iterable[str]) -> str:
    return "\n".join(lines)


def render(lines: Iterable[str] = (), done: Optional[Awaitable[None]] = None) -> str:
    if done is not None:
        asyncio.ensure_future(done)
    return "\n".join(lines)


def spread(*jobs: Any, lines: Iterable[str] = ()) -> int:
    return len(jobs) + len(list(lines))


async def numbers() -> str:
    """A coroutine: returns the whole text at once."""
    await asyncio.sleep(0)
    return "1 2 3"


async def stream_numbers() -> AsyncIterator[str]:
    """An async generator: yields each item."""
    for n in "123":
        yield n


async def send_email(address: str) -> None:
    await asyncio.sleep(0)
    SENT.append(address)


async def fetch_name(key: str) -> str:
    await asyncio.sleep(0)
    return key


queue = TaskQueue()

# --------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------


def endpoint() -> StreamingResponse:
    # A constructor whose parameter is a module-level Union alias, given a coroutine.
    return StreamingResponse(numbers())  # error: AGN212


def endpoint_keyword() -> StreamingResponse:
    # The same, as a keyword argument.
    return StreamingResponse(status_code=200, content=numbers())  # error: AGN212


def endpoint_bound() -> StreamingResponse:
    # A name bound to the call in the same scope, then passed: reported at the name.
    body = numbers()
    return StreamingResponse(body)  # error: AGN212


def signup(address: str) -> BackgroundTask:
    # A Callable parameter given a coroutine call (the FastAPI bug).
    return BackgroundTask(send_email(address))  # error: AGN212


def ticker_task() -> BackgroundTask:
    # A Callable parameter given an async generator call.
    return BackgroundTask(func=stream_numbers())  # error: AGN212


def report() -> str:
    # An Iterable parameter given an async generator.
    return write_lines(stream_numbers())  # error: AGN212


def report_expression(keys: List[str]) -> str:
    # An Iterable parameter given an async generator expression (an `await` inside it).
    return write_lines(await fetch_name(k) for k in keys)  # error: AGN212


def report_async_for() -> str:
    return write_lines((n async for n in stream_numbers()))  # error: AGN212


def report_later() -> str:
    # A string annotation.
    return write_lines_later(numbers())  # error: AGN212


def first() -> str:
    # A Sequence parameter given a coroutine.
    return first_of(numbers())  # error: AGN212


def total() -> int:
    # A Dict parameter given a coroutine (bound to a name first).
    counts = fetch_name("counts")
    return totals(counts)  # error: AGN212


def schedule_ticker() -> asyncio.Future[None]:
    # An Awaitable parameter given an async generator.
    return run_soon(stream_numbers())  # error: AGN212


async def schedule_either() -> None:
    # A union of Awaitable and Callable takes a coroutine, not an async generator.
    await run_either(stream_numbers())  # error: AGN212


def count_tagged() -> int:
    # Annotated[...] is its first argument.
    return tagged(numbers())  # error: AGN212


def either() -> List[str]:
    # `X | Y` of Iterable and Callable.
    return either_way(numbers())  # error: AGN212


def submit_welcome(address: str) -> None:
    # A method through a module-level instance of a known class.
    queue.submit(send_email(address))  # error: AGN212


async def submit_local(address: str) -> None:
    # A method through an instance built in this function.
    local = TaskQueue()
    local.submit(
        job=send_email(address),  # error: AGN212
    )
    await local.drain()


def when_done() -> None:
    # Optional[Callable[...]] given a coroutine.
    queue.on_done(send_email("ops@example.com"))  # error: AGN212


def spread_lines() -> int:
    # A keyword-only parameter, after the callee's own `*jobs`.
    return spread(lines=stream_numbers())  # error: AGN212


def endpoint_from_numbers() -> StreamingResponse:
    # The positive next to the `cls(...)` trap: the class named exactly.
    return StreamingResponse(content=numbers(), status_code=500)  # error: AGN212


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic expected
# --------------------------------------------------------------------------


def endpoint_stream() -> StreamingResponse:
    # An async generator is an AsyncIterable.
    return StreamingResponse(stream_numbers())


def endpoint_stream_bound() -> StreamingResponse:
    body = stream_numbers()
    return StreamingResponse(content=body)


def endpoint_async_expression() -> StreamingResponse:
    return StreamingResponse(n async for n in stream_numbers())


def endpoint_awaiting() -> StreamingResponse:
    # `AwaitingResponse.__init__` takes an Awaitable (not the base class's ContentStream).
    return AwaitingResponse(numbers())


def endpoint_of_job() -> StreamingResponse:
    # `cls(...)` inside `of_job`: `cls` is `AwaitingResponse` here.
    return AwaitingResponse.of_job(numbers())


def endpoint_of_numbers() -> StreamingResponse:
    return AwaitingResponse.of_numbers()


def signup_right(address: str) -> BackgroundTask:
    # The function itself, then its arguments.
    return BackgroundTask(send_email, address)


def submit_right(address: str) -> None:
    queue.submit(functools.partial(send_email, address))
    # A coroutine is an Awaitable.
    queue.enqueue(send_email(address))


def schedule_right() -> asyncio.Future[None]:
    return run_soon(send_email("ops@example.com"))


def schedule_coroutine() -> asyncio.Future[None]:
    # A coroutine is a Coroutine.
    return run_coroutine(send_email("ops@example.com"))


async def schedule_union() -> None:
    # A union with Awaitable takes a coroutine.
    await run_either(send_email("ops@example.com"))


async def consume_right() -> List[str]:
    # An async generator is an AsyncIterable.
    return await consume(stream_numbers())


async def report_right() -> str:
    # Awaited first: the argument is what the coroutine returns.
    return write_lines(await numbers())


async def anything() -> List[str]:
    # Any, object and a type variable take anything; the objects are awaited and iterated.
    await keep(numbers())
    await identity(numbers())
    stream = keep_object(stream_numbers())
    assert isinstance(stream, collections.abc.AsyncIterator)
    return [n async for n in stream]


async def classes() -> None:
    # A class annotation (the coroutine type itself) and a Protocol (an async generator has
    # `aclose`): classes are not looked into.
    await hold_coroutine(numbers())
    await close_later(stream_numbers()).aclose()


async def report_collected() -> str:
    # A decorated callee: the decorator takes an async iterable, whatever `lines` says.
    return await write_collected(stream_numbers())


async def render_with_header(header: List[List[str]]) -> str:
    # A `*args` before the argument: where it lands is not known (here, as `done`).
    return render(*header, send_email("ops@example.com"))


async def one_shot(address: str) -> None:
    # A dataclass's generated `__init__` is not read.
    await OneShot(send_email(address)).run


async def start_scheduler() -> None:
    await EagerScheduler().start()


def test_rejects_coroutine() -> None:
    # The error this rule reports is the test's point.
    with pytest.raises(TypeError):
        write_lines(numbers())


# --------------------------------------------------------------------------
# Not checked (by design, or documented limitations): wrong, but silent
# --------------------------------------------------------------------------


def report_late_alias() -> str:
    # `LateStream` is assigned below the `def`: only aliases assigned before it are read.
    return write_late(numbers())


def write_late(lines: LateStream) -> str:
    return "\n".join(lines)


LateStream = Iterable[str]


# A parameter annotated with one class that is neither awaitable nor async-iterable (its whole
# method order known, also through its subclasses): memobase's
# `unpack_response(self.client.get(...))` with `response: httpx.Response`.
class Page:
    def __init__(self, rows: list) -> None:
        self.rows = rows

    def raise_for_status(self) -> None:
        pass


class Ticket:
    pass


class LazyTicket(Ticket):
    def __await__(self):
        yield


async def load_page(number: int) -> Page:
    return Page([number])


async def page_rows(number: int):
    yield number


def unpack_page(page: Page, strict: bool = True) -> list:
    page.raise_for_status()
    return page.rows


def unpack_optional(page: "Optional[Page]" = None) -> list:
    return page.rows if page else []


def redeem(ticket: Ticket) -> None:
    print(ticket)


def render(page: "Renderable") -> None:
    print(page)


class Renderable(Protocol):
    def render(self) -> str: ...


async def class_annotations() -> None:
    unpack_page(load_page(1))  # error: AGN212
    unpack_optional(page=load_page(2))  # error: AGN212
    unpack_page(page_rows(3))  # error: AGN212
    # The correct version.
    unpack_page(await load_page(1))
    # Traps: a subclass of the annotated class is awaitable (`Ticket` may be a
    # `LazyTicket`); a Protocol; `Any`; a parameter tested with isinstance in the body.
    redeem(load_page(4))
    render(load_page(5))
    anything(load_page(6))
    checked(load_page(7))


def anything(value: Any) -> None:
    print(value)


def checked(page: Page) -> list:
    if isinstance(page, Page):
        return page.rows
    return []


# --------------------------------------------------------------------------
# Builtin value annotations: `str`, `bytes`, `int`, `float`, `typing.Text`, and unions of them
# --------------------------------------------------------------------------
# A coroutine is not a string, bytes or a number: the callee fails where it uses the argument
# as one (a method of `str`, `len()`, `range()`, arithmetic), and the request never runs.


class Svc:
    """A service client whose requests are coroutines."""

    async def fetch(self, key: str) -> str:
        await asyncio.sleep(0)
        return f"  value of {key}  "

    async def read(self) -> bytes:
        await asyncio.sleep(0)
        return b"payload"

    async def count(self) -> int:
        await asyncio.sleep(0)
        return 3

    async def load(self) -> float:
        await asyncio.sleep(0)
        return 0.5


def log_line(msg: str) -> str:
    return msg.strip() + "\n"


def decode(data: bytes) -> str:
    return data.decode()


def page_numbers(count: int) -> List[int]:
    return list(range(count))


def percent(load: float) -> str:
    return f"{load * 100:.0f}%"


def banner(text: Text) -> str:
    return text.center(20, "=")


def title(text: Optional[str] = None) -> str:
    return text.title() if text is not None else ""


def header(value: str | None) -> str:
    return (value or "").upper()


def size_of(content: Union[str, bytes]) -> int:
    return len(content)


class Reporter:
    def __init__(self, svc: Svc) -> None:
        self.svc: Svc = svc

    def write(self, line: str) -> str:
        return line.rstrip()

    def status(self) -> str:
        # Through an attribute declared `self.svc: Svc`, to a module-level function.
        return log_line(self.svc.fetch("status"))  # error: AGN212

    def status_line(self) -> str:
        # To a method through `self` (no subclass overrides `write`).
        return self.write(self.svc.fetch("status"))  # error: AGN212


def log_status(svc: Svc) -> str:
    # `msg: str` given a coroutine.
    return log_line(svc.fetch("status"))  # error: AGN212


def log_status_keyword(svc: Svc) -> str:
    # As a keyword argument.
    return log_line(msg=svc.fetch("status"))  # error: AGN212


def log_it() -> None:
    log(numbers())  # error: AGN212


def body_text(svc: Svc) -> str:
    # `data: bytes`, given a name bound to the call: reported at the name.
    data = svc.read()
    return decode(data)  # error: AGN212


def pages(svc: Svc) -> List[int]:
    return page_numbers(svc.count())  # error: AGN212


def load_percent(svc: Svc) -> str:
    return percent(svc.load())  # error: AGN212


def welcome(svc: Svc) -> str:
    return banner(svc.fetch("greeting"))  # error: AGN212


def titled(svc: Svc) -> str:
    # `Optional[str]`.
    return title(svc.fetch("name"))  # error: AGN212


def headed(svc: Svc) -> str:
    # `str | None`.
    return header(svc.fetch("name"))  # error: AGN212


def body_size(svc: Svc) -> int:
    # `Union[str, bytes]`.
    return size_of(svc.read())  # error: AGN212


def stream_size() -> int:
    # An async generator is not a string either.
    return size_of(stream_numbers())  # error: AGN212


async def show(value: Union[str, Awaitable[str]]) -> str:
    return await value if inspect.isawaitable(value) else value


def debug(value: Any) -> str:
    return f"<{value!r}>"


def kind_of(value: object) -> str:
    return type(value).__name__


def describe(value) -> str:  # type: ignore[no-untyped-def]
    return repr(value)


async def normalize(text: str) -> str:
    if not isinstance(text, str):
        # Callers of the old API passed the request itself: it is awaited here.
        text = await text
    return text.lower()


async def value_traps(svc: Svc) -> List[str]:
    # Traps: an annotation that also takes an awaitable; `Any`, `object` and no annotation
    # take anything (and only print the pending request, awaited below); an awaited
    # argument; a `str` parameter the body tests with `isinstance`.
    shown = await show(svc.fetch("name"))
    pending = svc.fetch("status")
    notes = [debug(pending), kind_of(pending), describe(pending)]
    status = log_line(await pending)
    lowered = await normalize(svc.fetch("NAME"))
    return [shown, status, lowered, log_line(await svc.fetch("x")), *notes]


class PickingResponse:
    """starlette's own `__init__`: it tests its parameter only to pick how to iterate it."""

    def __init__(self, content: ContentStream) -> None:
        if isinstance(content, collections.abc.AsyncIterable):
            self.body_iterator: Any = content
        else:
            self.body_iterator = iter(content)  # TypeError: 'coroutine' object is not iterable


def picked() -> PickingResponse:
    # A type test that never awaits the parameter: the annotation still rules a coroutine out.
    return PickingResponse(numbers())  # error: AGN212


async def current_user_id(token: str) -> Optional[str]:
    await asyncio.sleep(0)
    return token or None


class ConversationStore:
    """A store's factory is a classmethod: the call fills `cls`, the argument lands in
    `user_id`, whichever project store the class given is (every override declares the
    same)."""

    @classmethod
    @abc.abstractmethod
    async def get_instance(cls, config: Dict[str, str], user_id: Optional[str]) -> ConversationStore:
        ...

    @staticmethod
    def key_for(user_id: str) -> str:
        return f"conversations/{user_id}"


class FileConversationStore(ConversationStore):
    @classmethod
    async def get_instance(cls, config: Dict[str, str], user_id: Optional[str]) -> ConversationStore:
        store = cls()
        store.key_for(user_id or "anonymous")
        return store


async def store_for(token: str, store_class: Type[ConversationStore]) -> ConversationStore:
    user_id = current_user_id(token)
    print(ConversationStore.key_for(current_user_id(token)))  # error: AGN212
    print(FileConversationStore().key_for(current_user_id(token)))  # error: AGN212
    return await store_class.get_instance({}, user_id)  # error: AGN212


class LooseStore(ConversationStore):
    pass


class AnyStore:
    @classmethod
    async def get_instance(cls, config: Dict[str, str], user_id: Optional[str]) -> AnyStore:
        return cls()

    @classmethod
    @functools.lru_cache(maxsize=None)
    def cached(cls, user_id: str) -> str:
        return user_id

    def plain(self, user_id: str) -> str:
        return user_id


class LenientStore(AnyStore):
    @classmethod
    async def get_instance(cls, config: Dict[str, str], user_id: Any) -> AnyStore:
        # Awaits whatever it is given.
        if inspect.isawaitable(user_id):
            user_id = await user_id
        return cls()


async def classmethod_traps(token: str, store_class: Type[AnyStore]) -> None:
    # Traps: an override taking anything (the class given may be it); another decorator
    # beside `classmethod`; a plain method called through its class takes `self` by hand,
    # so the arguments shift (not mapped); an awaited argument.
    await store_class.get_instance({}, current_user_id(token))
    print(AnyStore.plain(AnyStore(), await current_user_id(token) or ""))
    print(ConversationStore.key_for(await current_user_id(token) or ""))
    pending = current_user_id(token)
    print(AnyStore.cached(str(pending)))
    await pending


async def ledger_amounts() -> List[int]:
    return [1]


async def task_groups() -> None:
    # anyio's and trio's task groups (and `anyio.run`) take the async function and call it:
    # a coroutine object given instead is not callable.
    async with anyio.create_task_group() as tg:
        tg.start_soon(ledger_amounts())  # error: AGN212
        tg.start_soon(ledger_amounts)
        tg.start_soon(asyncio.sleep, 0)


def run_main() -> None:
    anyio.run(ledger_amounts())  # error: AGN212
    anyio.run(ledger_amounts)
