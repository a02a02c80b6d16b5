"""AGN208 object-lacks-protocol.

`await x`, `async for ... in x`, `for ... in x` (also comprehensions, `yield from`, `*x`) and
`async with x`, where `x` is an instance of a class whose whole method resolution order is known
and which lacks the special method the statement needs: `__await__`; `__aiter__`; `__iter__` (or
`__getitem__`); `__aenter__` and `__aexit__`.  Reported at the `await` expression, at the
iterable, or at the context expression of the `async with` item.  Nothing here runs at import
time.

Every `# error:` line raises TypeError when its function runs; every trap runs cleanly.  Avoid
`obj.__await__ = ...` / `setattr(obj, "__aiter__", ...)` anywhere in this file: a special method
written from outside a class makes that method unknown for the whole module.
"""

import asyncio
import dataclasses
import types
from dataclasses import dataclass
from typing import Any, AsyncIterator, Dict, Generic, Iterator, List, Optional, TypeVar

from sdk_base import BaseSession  # not installed here: a base the linter cannot read

T = TypeVar("T")

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


class ClientSession:
    """An SDK session: an async context manager (`__aenter__` returns `self`), not awaitable."""

    async def __aenter__(self) -> "ClientSession":
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.close()

    async def get(self, url: str) -> str:
        return url

    async def close(self) -> None:
        return None


class EventStream:
    """The server-sent events of one response: an async iterator."""

    def __init__(self) -> None:
        self._events = ["start", "delta", "stop"]

    def __aiter__(self) -> "EventStream":
        return self

    async def __anext__(self) -> str:
        if not self._events:
            raise StopAsyncIteration
        return self._events.pop(0)


class StreamManager:
    """What `client.messages.stream(...)` returns: `async with` opens the stream."""

    async def __aenter__(self) -> EventStream:
        return EventStream()

    async def __aexit__(self, *exc_info: Any) -> None:
        return None


class PendingReply:
    """A reply that arrives later: awaitable, nothing else."""

    def __await__(self) -> Iterator[Any]:
        yield from asyncio.sleep(0).__await__()
        return "reply"


class RowCursor:
    """A synchronous cursor: iterable and a plain context manager."""

    def __init__(self) -> None:
        self.rows = [(1, "a"), (2, "b")]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)

    def __enter__(self) -> "RowCursor":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        return None


class Settings:
    """Plain data: none of the protocols."""

    timeout = 30.0


class HalfManager:
    """`__aenter__` without `__aexit__`: `async with` still fails."""

    async def __aenter__(self) -> "HalfManager":
        return self


class Box(Generic[T]):
    """`Generic[T]` adds no protocol."""

    def __init__(self, item: Optional[T] = None) -> None:
        self.item = item


@dataclass
class RetryPolicy:
    """A dataclass: fields, no `__iter__`."""

    attempts: int = 3
    backoff: float = 0.5


def open_session() -> ClientSession:
    return ClientSession()


async def connect() -> ClientSession:
    await asyncio.sleep(0)
    return ClientSession()


def event_stream() -> EventStream:
    return EventStream()


settings = Settings()


# --------------------------------------------------------------------------
# Positives: `await`
# --------------------------------------------------------------------------


async def bug_await_session() -> None:
    # advice: it is an async context manager
    session = await ClientSession()  # error: AGN208 @15
    print(session)


async def bug_await_stream() -> None:
    # advice: it is an async iterator
    await EventStream()  # error: AGN208 @5


async def bug_await_plain() -> None:
    # advice: remove the `await`
    await Settings()  # error: AGN208


async def bug_await_factory() -> None:
    # A plain function that always returns a ClientSession.
    session = await open_session()  # error: AGN208
    print(session)


async def bug_await_awaited_factory() -> None:
    # `connect()` is a coroutine giving a ClientSession: the second `await` is one too many.
    session = await connect()
    await session  # error: AGN208


async def bug_await_annotated(session: ClientSession) -> None:
    # No project subclass of ClientSession defines `__await__`.
    await session  # error: AGN208


async def bug_await_generic() -> None:
    await Box(1)  # error: AGN208


class Bot:
    session: ClientSession

    def __init__(self) -> None:
        self.session = ClientSession()
        self.events = EventStream()

    async def bug_await_attribute(self) -> None:
        await self.session  # error: AGN208


# --------------------------------------------------------------------------
# Positives: `async for`
# --------------------------------------------------------------------------


async def bug_async_for_sync_iterable() -> None:
    # advice: it is a plain iterable: use `for`
    async for row in RowCursor():  # error: AGN208 @22
        print(row)


async def bug_async_for_awaitable() -> None:
    # advice: it is awaitable
    async for event in PendingReply():  # error: AGN208
        print(event)


async def bug_async_for_manager() -> None:
    # advice: it is an async context manager
    async for event in StreamManager():  # error: AGN208
        print(event)


async def bug_async_for_plain() -> None:
    # advice: iterate an async iterator it offers
    async for value in settings:  # error: AGN208
        print(value)


async def bug_async_for_as_target() -> None:
    # `__aenter__` returns `self`: `session` is the ClientSession itself.
    async with ClientSession() as session:
        async for page in session:  # error: AGN208
            print(page)


async def bug_async_comprehension() -> List[Any]:
    return [row async for row in RowCursor()]  # error: AGN208 @34


async def bug_async_for_awaited_factory() -> None:
    async for page in await connect():  # error: AGN208
        print(page)


# --------------------------------------------------------------------------
# Positives: `for` (also comprehensions, `yield from`, `*`)
# --------------------------------------------------------------------------


def bug_for_async_iterator() -> None:
    # advice: it is an async iterator: use `async for`
    for event in EventStream():  # error: AGN208 @18
        print(event)


def bug_for_plain() -> None:
    # advice: iterate an iterable it offers
    for value in Settings():  # error: AGN208
        print(value)


def bug_for_factory() -> None:
    for event in event_stream():  # error: AGN208
        print(event)


def bug_for_dataclass() -> None:
    for field_value in RetryPolicy():  # error: AGN208
        print(field_value)


def bug_list_comprehension() -> List[Any]:
    return [event for event in EventStream()]  # error: AGN208 @32


def bug_dict_comprehension() -> Dict[Any, int]:
    return {event: 1 for event in EventStream()}  # error: AGN208


def bug_yield_from() -> Iterator[Any]:
    yield from EventStream()  # error: AGN208 @16


def bug_star() -> None:
    print(*EventStream())  # error: AGN208 @12


class Relay:
    def __init__(self) -> None:
        self.events = EventStream()

    def bug_for_attribute(self) -> None:
        for event in self.events:  # error: AGN208
            print(event)


# --------------------------------------------------------------------------
# Positives: `async with`
# --------------------------------------------------------------------------


async def bug_async_with_sync_manager() -> None:
    # advice: it is a plain context manager: use `with`
    async with RowCursor() as cursor:  # error: AGN208 @16
        print(cursor)


async def bug_async_with_awaitable() -> None:
    # advice: it is awaitable: `await` it
    async with PendingReply():  # error: AGN208
        pass


async def bug_async_with_stream() -> None:
    # advice: it is an async iterator
    async with EventStream() as events:  # error: AGN208
        print(events)


async def bug_async_with_plain() -> None:
    # advice: use an async context manager it offers
    async with settings:  # error: AGN208
        pass


async def bug_async_with_half() -> None:
    # `__aexit__` is missing: Python raises before `__aenter__` runs.
    async with HalfManager():  # error: AGN208
        pass


async def bug_async_with_second_item() -> None:
    async with ClientSession() as session, RowCursor() as cursor:  # error: AGN208 @44
        print(session, cursor)


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic
# --------------------------------------------------------------------------


async def ok_correct_usage() -> None:
    # Each object used with the statement its class supports.
    async with ClientSession() as session:
        print(await session.get("/v1/models"))
    async for event in EventStream():
        print(event)
    async with StreamManager() as stream:
        async for event in stream:
            print(event)
    print(await PendingReply())
    for row in RowCursor():
        print(row)
    with RowCursor() as cursor:
        print(cursor)
    async with await connect() as session:
        print(session)
    print([row for row in RowCursor()], [event async for event in event_stream()])


async def ok_await_coroutine_method() -> None:
    # `get()` is a coroutine method: awaiting its call is right.
    print(await open_session().get("/v1/models"))


class TracedSession(BaseSession):
    """`sdk_base.BaseSession` cannot be read: it may define `__await__` (it does, here)."""


async def ok_unknown_base() -> None:
    await TracedSession()


class Job(asyncio.Future):  # type: ignore[type-arg]
    """A standard-library base: `asyncio.Future` defines `__await__`."""


async def ok_future_subclass() -> None:
    job = Job()
    job.set_result(1)
    print(await job)


class SessionProxy:
    """A lazy proxy: attributes come from `__getattr__`, special methods are installed
    below with `setattr` and computed names, which the linter cannot follow."""

    def __init__(self, target: Any) -> None:
        self._target = target

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)


def _forward(name: str) -> Any:
    async def method(self: SessionProxy, *args: Any) -> Any:
        return await getattr(self._target, name)(*args)

    return method


for _name in ("__aenter__", "__aexit__"):
    setattr(SessionProxy, _name, _forward(_name))


async def ok_getattr_proxy() -> None:
    # The class has `__getattr__`: what it supports is not decided from its body.
    async with SessionProxy(ClientSession()) as session:
        print(session)


class ManagedResource:
    """Subclasses get `__aenter__`/`__aexit__` wired to their `open`/`close`."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, method in (("__aenter__", _enter_resource), ("__aexit__", _exit_resource)):
            setattr(cls, name, method)


async def _enter_resource(self: Any) -> Any:
    await self.open()
    return self


async def _exit_resource(self: Any, *exc_info: Any) -> None:
    await self.close()


class Channel(ManagedResource):
    async def open(self) -> None:
        return None

    async def close(self) -> None:
        return None


async def ok_init_subclass() -> None:
    # A base's `__init_subclass__` may add methods to Channel: unknown.
    async with Channel():
        pass


class BaseStream:
    """Subclasses define `__aiter__`; the base drains whatever it is."""

    async def drain(self) -> List[Any]:
        # `self` may be any subclass.
        return [chunk async for chunk in self]

    async def wait(self) -> None:
        async for _ in self:
            pass


class ByteStream(BaseStream):
    def __init__(self) -> None:
        self._chunks = [b"a", b"b"]

    def __aiter__(self) -> "ByteStream":
        return self

    async def __anext__(self) -> bytes:
        if not self._chunks:
            raise StopAsyncIteration
        return self._chunks.pop(0)


async def ok_self() -> None:
    print(await ByteStream().drain())
    await ByteStream().wait()


class Ticket:
    """Awaitable through another class's implementation, bound in the class body."""

    __await__ = PendingReply.__await__


async def ok_await_assigned_in_body() -> None:
    print(await Ticket())


class Transport:
    """What the handlers accept; the implementations below are async-iterable."""

    async def send(self, message: str) -> None:
        return None


class WebSocketTransport(Transport):
    def __init__(self) -> None:
        self._messages = ["ping"]

    def __aiter__(self) -> "WebSocketTransport":
        return self

    async def __anext__(self) -> str:
        if not self._messages:
            raise StopAsyncIteration
        return self._messages.pop(0)


async def pump(transport: Transport) -> None:
    # Annotated with the base: a project subclass defines `__aiter__`.
    async for message in transport:
        await transport.send(message)


async def ok_annotated_subclass() -> None:
    await pump(WebSocketTransport())


class Page:
    """An old-style sequence: `for` falls back to `__getitem__`."""

    def __init__(self) -> None:
        self.items = ["x", "y"]

    def __getitem__(self, index: int) -> str:
        return self.items[index]


def ok_getitem_iteration() -> None:
    for item in Page():
        print(item)
    print([item for item in Page()], *Page())


class Queue(Generic[T]):
    """A generic async iterator: `Generic[T]` hides none of its methods."""

    def __init__(self, *items: T) -> None:
        self._items = list(items)

    def __aiter__(self) -> "Queue[T]":
        return self

    async def __anext__(self) -> T:
        if not self._items:
            raise StopAsyncIteration
        return self._items.pop(0)


async def ok_generic() -> None:
    async for item in Queue[int](1, 2):
        print(item)
    async for item in Queue("a"):
        print(item)


@dataclass
class Batch:
    """A dataclass that defines `__iter__` itself."""

    items: List[int] = dataclasses.field(default_factory=lambda: [1, 2])

    def __iter__(self) -> Iterator[int]:
        return iter(self.items)


def ok_dataclass() -> None:
    for item in Batch():
        print(item)


class Backend:
    """`Backend(url)` builds a subclass (as `pathlib.Path` does): `__new__` decides."""

    def __new__(cls, url: str = "memory://") -> "Backend":
        if cls is Backend:
            cls = MemoryBackend
        return super().__new__(cls)


class MemoryBackend(Backend):
    async def __aenter__(self) -> "MemoryBackend":
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        return None


async def ok_custom_new() -> None:
    async with Backend("memory://") as backend:
        print(backend)


async def ok_rebound(live: bool) -> None:
    # Bound to two classes: which one is used depends on the path.
    source: Any = Settings()
    if live:
        source = EventStream()
    if live:
        async for event in source:
            print(event)


# --------------------------------------------------------------------------
# Not checked (documented limitations): wrong at run time, but silent
# --------------------------------------------------------------------------


def plain_with_statement() -> None:
    # TypeError: 'Settings' object does not support the context manager protocol.
    with Settings():  # error: AGN208
        pass


def limitation_builtin_consumers() -> List[Any]:
    # Only `for`, comprehensions, `yield from` and `*` are iteration sites; `list()` is not.
    return list(EventStream())


class ExitFails:
    """Entered normally; leaving the block raises (how some managers report a failed commit)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise ValueError("commit failed")


def exit_that_raises():
    # The block runs, then ``__exit__`` raises ValueError: not a missing protocol.
    with ExitFails():
        pass


class EnterFails:
    """Always fails to enter, with its own error: a method that fails, not a missing one."""

    def __enter__(self):
        raise RuntimeError("not connected")

    def __exit__(self, *exc):
        return None


def enter_that_raises():
    # RuntimeError from ``__enter__``, not the TypeError of a missing protocol.
    with EnterFails():
        pass


class Pair:
    def __init__(self) -> None:
        self.left, self.right = 1, 2


class Members:
    def __contains__(self, item: object) -> bool:
        return item == 1


class Indexed:
    def __getitem__(self, index: int) -> int:
        if index > 1:
            raise IndexError(index)
        return index


def unpacking_and_membership() -> bool:
    left, right = Pair()  # error: AGN208
    print(left, right)
    # `in` asks `__contains__`, then `__iter__`, then `__getitem__`; unpacking `__iter__`, then
    # `__getitem__`.
    first, second = Indexed()
    print(first, second)
    return 1 in Members() and 1 in Indexed() and 1 in Pair()  # error: AGN208


# What a plain `def` returns when every path gives one builtin type (`None` without a
# `return`): no builtin object is awaitable, async-iterable or an async context manager
# ("object NoneType can't be used in 'await' expression", electrumx's `await ...notify()`).
class Notifier:
    def __init__(self) -> None:
        self.sent: List[str] = []

    def notify(self, message: str) -> None:
        self.sent.append(message)

    def pending(self) -> list:
        return list(self.sent)

    def log(self, message: str) -> None:
        print(message)

    def on_idle(self) -> None:
        """A hook subclasses may override with a coroutine."""

    def refuse(self) -> None:
        raise NotImplementedError

    def maybe(self, flag: bool):
        if flag:
            return []
        return compute_later()

    def sometimes(self, flag: bool):
        if flag:
            return
        return []

    def wrapped(self):
        return self.deliver()

    async def deliver(self) -> None:
        pass

    def lines(self):
        yield "line"


def compute_later() -> object:
    return object()


def unknown_decorator(func):
    return func


async def plain_results(notifier: Notifier) -> None:
    await notifier.log("hi")  # error: AGN208
    for message in await notifier.pending():  # error: AGN208
        print(message)
    async for message in notifier.pending():  # error: AGN208
        print(message)
    async with notifier.pending() as messages:  # error: AGN208
        print(messages)
    # The correct versions.
    notifier.notify("hi")
    for message in notifier.pending():
        print(message)
    await notifier.wrapped()
    # Traps: a hook or stub (overridden, maybe by a coroutine).
    await notifier.on_idle()
    await notifier.refuse()
    # Returns not all known, but a display on one path: awaiting fails whenever it is taken
    # (here, always).
    await notifier.maybe(True)  # error: AGN208
    await notifier.sometimes(True)  # error: AGN208
    # A generator function's call is a generator, not async-iterable.
    async for line in notifier.lines():  # error: AGN208
        print(line)
    # `notify` is overridden by a coroutine in a subclass: `notifier` may be one.
    await notifier.notify("hi")
    # An annotation saying more than the body (a stream in a later version or an override).
    async for part in no_stream_yet():
        print(part)
    # A name holding the result may be narrowed before use.
    pending = notifier.pending()
    if pending:
        await pending


def no_stream_yet() -> "Optional[AsyncIterator[str]]":
    return None


class AsyncNotifier(Notifier):
    async def notify(self, message: str) -> None:
        self.sent.append(message)

    async def send(self) -> None:
        # Trap: `self` may be an instance of a subclass overriding `notify` with a coroutine.
        await self.notify("x")


# A plain `def` returning a number on every path: `await` on its call raises.


class Counter:
    def __init__(self) -> None:
        self.hits = 0

    def count(self) -> int:
        return self.hits + 0 if self.hits else 0

    def ratio(self) -> float:
        return 0.5

    def threshold(self):
        return 10

    def limit(self) -> int:
        return 0


class RemoteCounter(Counter):
    async def limit(self) -> int:  # type: ignore[override]
        return 5


def zero() -> int:
    return 0


async def numbers(counter: Counter) -> None:
    await zero()  # error: AGN208
    print(await Counter().ratio())  # error: AGN208
    print(await Counter().threshold())  # error: AGN208
    # Traps: `count` returns what `self.hits + 0` gives on one path (not read); `limit` is
    # overridden by a coroutine in a subclass, and `counter` may be one.
    await counter.count()
    await counter.limit()


# A generator function's call gives a generator: neither awaitable nor async-iterable.


def numbered(limit: int) -> Iterator[int]:
    for number in range(limit):
        yield number


class Export:
    def rows(self) -> Iterator[Dict[str, Any]]:
        yield {"id": 1}

    def pages(self) -> Iterator[int]:
        yield 1


class RemoteExport(Export):
    async def pages(self) -> AsyncIterator[int]:  # type: ignore[override]
        yield 2


def as_stream(func: Any) -> Any:
    async def stream(*args: Any) -> AsyncIterator[Any]:
        for item in func(*args):
            yield item

    return stream


@as_stream
def wrapped_rows() -> Iterator[int]:
    yield 1


async def generators(export: Export) -> None:
    async for number in numbered(3):  # error: AGN208
        print(number)
    await numbered(1)  # error: AGN208
    async for row in Export().rows():  # error: AGN208
        print(row)
    # Traps: iterated synchronously; a method a subclass overrides with an async generator,
    # on an object that may be of that subclass; a decorator replacing the function with an
    # async generator.
    for number in numbered(3):
        print(number)
    async for page in export.pages():
        print(page)
    async for value in wrapped_rows():
        print(value)


@types.coroutine
def legacy_sleep() -> Iterator[None]:
    yield


async def generator_based_coroutine() -> None:
    # Trap: `@types.coroutine` makes a generator function awaitable.
    await legacy_sleep()


# Objects of builtin types (a display, a constant, a builtin's call): no async statement.


async def builtin_values(flag: bool, extra: List[Any]) -> None:
    names = ["a", "b"]
    async for name in names:  # error: AGN208
        print(name)
    async for index in range(3):  # error: AGN208
        print(index)
    count = 0
    await count  # error: AGN208
    # Traps: bound to something else on another path, in a loop, or again.
    if flag:
        source: Any = [1, 2]
    else:
        source = numbers_stream()
    async for value in source:
        print(value)
    pending: Any = []
    for item in extra:
        pending = item
    async for part in pending:
        print(part)
    results: Any = []
    results = numbers_stream()
    async for result in results:
        print(result)
    for name in names:
        print(name)


async def numbers_stream() -> AsyncIterator[int]:
    yield 1


# An instance `__getattr__` does not answer for special methods: Python looks them up on the
# type (pydantic's models have one; `await model` still raises TypeError).
class Record:
    def __init__(self, fields: dict) -> None:
        self._fields = fields

    def __getattr__(self, name: str) -> object:
        return self._fields[name]


class AwaitableRecord:
    def __getattr__(self, name: str) -> object:
        return name

    def __await__(self):  # type: ignore[no-untyped-def]
        return iter(())


async def read_record(record: Record, ready: AwaitableRecord) -> object:
    first = await record  # error: AGN208
    # Trap: the class itself defines `__await__`.
    second = await ready
    return first, second


# A plain `def` returning a builtin's result or a bool constant: `len(...)` is an int, `True`
# a bool; awaiting the call raises TypeError.
class PointShipper:
    def __init__(self) -> None:
        self.sent: List[int] = []

    def flush(self, points: List[int]) -> int:
        self.sent.extend(points)
        return len(points)

    def healthy(self) -> bool:
        if self.sent:
            return True
        return False

    def flush_later(self, points: List[int]) -> "asyncio.Future[int]":
        # Trap: the annotation says an awaitable, whatever the body returns.
        return len(points)  # type: ignore[return-value]


async def ship(shipper: PointShipper) -> object:
    count = await shipper.flush([1, 2])  # error: AGN208
    ok = await shipper.healthy()  # error: AGN208
    later = await shipper.flush_later([3])
    return count, ok, later, shipper.flush([4]) + 1

