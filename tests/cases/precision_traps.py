"""Correct code that a name-based resolver gets wrong (found by red-teaming precision).

Every function here runs without the errors the rules describe: nothing may be reported.
"""
import asyncio
import dataclasses
import inspect


# C3 method resolution order: A -> B -> C -> D -> E, so A().fetch is D.fetch, a coroutine.
class D:
    async def fetch(self):
        return 1


class E:
    async def fetch(self):
        yield 1


class B(D, E):
    pass


class C(D):
    pass


class A(B, C):
    pass


def run_diamond():
    return asyncio.run(A().fetch())


# A comprehension or lambda in a class body does not see the class's names.
def rows():
    return [1]


class Table:
    async def rows(self):
        yield 1

    snapshot = [list(rows()) for _ in "ab"]
    lazy = staticmethod(lambda: list(rows()))


# An instance attribute replaced on one object, or through a closure in __init__.
class Client:
    async def stream(self):
        return [1]


async def fake_stream():
    yield 1


async def patched_instance():
    client = Client()
    client.stream = fake_stream
    async for item in client.stream():
        print(item)


class Once:
    async def read(self):
        return 1


class Live:
    async def read(self):
        yield 1


class Feed:
    def __init__(self):
        self.src = Once()

        def go_live():
            self.src = Live()

        go_live()

    async def run(self):
        async for item in self.src.read():
            print(item)


# A conditional instance attribute over a class default: which one holds depends on the path.
class Snapshot:
    async def read(self):
        return 1


class Stream:
    src = Snapshot()

    def __init__(self, live=False):
        self.live = live
        if live:
            self.src = Live()

    async def get(self):
        if self.live:
            return [x async for x in self.src.read()]
        return await self.src.read()


# Dataclass fields: the default is only a default.
async def once():
    return [1]


async def paged():
    yield 1


@dataclasses.dataclass
class Job:
    source: object = once


async def dataclass_field():
    async for item in Job(source=paged).source():
        print(item)


# A metaclass method's `cls` is the class, whose own members win.
class Meta(type):
    async def load(cls):
        return 1

    async def all(cls):
        return [x async for x in cls.load()]


class Persisted(metaclass=Meta):
    @classmethod
    async def load(cls):
        yield 1


# A function rebound in the class body: its first parameter is not `self`.
class Source:
    async def open(self):
        return "connection"


class Pool:
    async def open(self):
        yield "connection"

    async def _connect(src):
        return await src.open()

    _connect = staticmethod(_connect)


# __aenter__ is awaited by `async with`: returning an async generator from it is fine.
class Events:
    async def _items(self):
        yield 1

    async def __aenter__(self):
        return self._items()

    async def __aexit__(self, *exc):
        return None


# A metaclass or __init_subclass__ on a base rewrites the subclasses' methods.
async def _one(awaitable):
    yield await awaitable


class Rewriting(type):
    def __new__(mcs, name, bases, namespace):
        for key, value in list(namespace.items()):
            if inspect.iscoroutinefunction(value):
                namespace[key] = (lambda f: (lambda self: _one(f(self))))(value)
        return super().__new__(mcs, name, bases, namespace)


class Model(metaclass=Rewriting):
    pass


class Users(Model):
    async def all(self):
        return "ann"


def as_stream(fn):
    async def wrapper(self):
        yield await fn(self)

    return wrapper


class Handler:
    def __init_subclass__(cls):
        setattr(cls, "handle", as_stream(cls.handle))


class Echo(Handler):
    async def handle(self):
        return "hi"


async def rewritten_by_bases():
    async for user in Users().all():
        print(user)
    async for reply in Echo().handle():
        print(reply)


# A descriptor decides what the attribute gives.
class Rows:
    async def fetch(self):
        yield 1


class Relation:
    def __get__(self, obj, owner):
        return Rows()

    async def fetch(self):
        return []


class User:
    posts = Relation()


async def descriptor():
    async for row in User().posts.fetch():
        print(row)


# Builtins that do not iterate every argument.
async def live():
    yield "live"


async def builtin_arguments(replays=()):
    async for event in next(iter(replays), live()):
        print(event)
    async for event in min(live(), live(), key=id):
        print(event)


# `await` of a coroutine as a statement: the coroutine ran (not a discarded generator).
async def _events():
    yield 1


async def subscribe():
    await asyncio.sleep(0)
    return _events()  # error: AGN101


async def discard_awaited():
    await subscribe()


# A class whose `__init__` raises on every path never gives an instance: nothing is done with
# one (CPython's test_with: `with self.Dummy() as a, self.InitRaises():`).
class InitRaises:
    def __init__(self) -> None:
        raise RuntimeError("always")


class LacksEnter:
    def __exit__(self, *exc: object) -> None:
        pass


async def constructor_raises() -> None:
    try:
        with InitRaises():  # type: ignore[attr-defined]
            pass
    except RuntimeError:
        pass
    with LacksEnter():  # type: ignore[attr-defined]  # error: AGN208
        pass


