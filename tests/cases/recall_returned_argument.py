"""Decorators that give back what they decorate, and type variables with a bound.

A ``def`` whose every ``return`` gives back its argument, never rebound, leaves the decorated
function as it is: ``@register`` (a registry that appends and returns), ``@route("/x")`` (a
factory making such a function), ``@registry.add`` (a method).  On a class this holds only when
the decorator does nothing else with the class than read it and write private data
(discord's ``flatten_handlers``); one that hands the class on, or writes a public or special
attribute, may change its methods.  A class decorator annotated ``(cls: T) -> T`` or
``-> Callable[[T], T]`` (sqlalchemy's ``create_proxy_methods``) keeps the class, as a type
checker reads it.  A parameter annotated with a type variable that has a bound
(``TypeVar("S", bound="Session")``) holds an instance of the bound.
"""
from typing import Any, Callable, Dict, List, Type, TypeVar

T = TypeVar("T")
S = TypeVar("S", bound="Session")
Free = TypeVar("Free")
Constrained = TypeVar("Constrained", "Session", "SyncSession")

HANDLERS: List[Any] = []
ROUTES: Dict[str, Any] = {}


def register(fn):
    HANDLERS.append(fn)
    return fn


def route(path: str):
    def deco(fn):
        ROUTES[path] = fn
        return fn

    return deco


def identity(fn):
    return fn


class Registry:
    def __init__(self) -> None:
        self.items: List[Any] = []

    def add(self, fn):
        self.items.append(fn)
        return fn


registry = Registry()


@register
async def rows():
    yield 1


@route("/users")
async def users():
    yield "ada"


@identity
async def fetch() -> bytes:
    return b""


@registry.add
async def events():
    yield "ready"


async def positives() -> None:
    await rows()  # error: AGN200
    await users()  # error: AGN200
    async for chunk in fetch():  # error: AGN201
        print(chunk)
    print([e for e in events()])  # error: AGN203


async def correct_uses() -> None:
    async for row in rows():
        print(row)
    print(await fetch())
    async for event in events():
        print(event)


# -- classes ---------------------------------------------------------------------------------


def flatten(cls):
    """Reads the class and stores private data on it (discord's ``flatten_handlers``)."""
    cls._HANDLERS = [key for key in cls.__dict__ if key.startswith("_handle_")]
    return cls


def proxy_methods(*names: str) -> Callable[[T], T]:
    """A marker whose annotation says the class comes back as it was."""

    def deco(cls: T) -> T:
        return cls

    return deco


def typed_marker(cls: T) -> T:
    return cls


@flatten
class Message:
    async def reply(self, text: str) -> "Message":
        return self

    def _handle_edit(self) -> None:
        pass


@proxy_methods("add")
class Session:
    async def commit(self) -> None:
        self.dirty = False


@typed_marker
class Stream:
    async def lines(self):
        yield ""


class SyncSession:
    def commit(self) -> None:
        self.dirty = False


async def on_message(message: Message, session: Session, stream: Stream) -> None:
    message.reply("pong")  # error: AGN211
    session.commit()  # error: AGN211
    await stream.lines()  # error: AGN200


async def save(session: S) -> None:
    session.commit()  # error: AGN211


async def save_correctly(session: S, message: Message) -> None:
    await session.commit()
    await message.reply("pong")


# -- traps -----------------------------------------------------------------------------------


def sometimes_wrapped(fn):
    if getattr(fn, "wrap", False):
        async def wrapper(*args: Any) -> Any:
            return [item async for item in fn(*args)]

        return wrapper
    return fn


def rebinding(fn):
    fn = _as_stream(fn)
    return fn


def _as_stream(fn):
    async def stream(*args: Any):
        for item in await fn(*args):
            yield item

    return stream


def may_fall_off(fn):
    if HANDLERS:
        return fn


def installs(cls):
    """Hands the class on: ``_install`` may replace its methods."""
    _install(cls)
    return cls


def _install(cls: Any) -> None:
    cls.fetch = _as_stream(cls.fetch)


def replaces_public(cls):
    cls.fetch = _as_stream(cls.fetch)
    return cls


def replaces_special(cls):
    cls.__aiter__ = lambda self: self.fetch()
    return cls


def registers_class(cls):
    HANDLERS.append(cls)
    return cls


@sometimes_wrapped
async def maybe_wrapped():
    yield 1


@rebinding
async def rebound():
    return [1]


@may_fall_off
async def maybe_none():
    yield 1


@installs
class Installed:
    async def fetch(self):
        return [1]


@replaces_public
class Replaced:
    async def fetch(self):
        return [1]


@replaces_special
class Special:
    async def fetch(self):
        return [1]


@registers_class
class Registered:
    async def fetch(self):
        return [1]


async def save_free(session: Free, other: Constrained) -> None:
    session.commit()  # a type variable without a bound: unknown
    other.commit()  # constraints, not a bound: unknown


async def traps(a: Installed, b: Replaced, c: Registered) -> None:
    await maybe_wrapped()
    async for item in rebound():
        print(item)
    await maybe_none()
    async for item in a.fetch():
        print(item)
    async for item in b.fetch():
        print(item)
    async for item in c.fetch():
        print(item)


def build(kind: Type[Any]) -> Any:
    return kind()
