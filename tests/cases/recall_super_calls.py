"""`super().m()` in a method of a class with exactly one base is the base's `m`.

Python looks `m` up in the method order of the class *after* the one whose body holds the
call; with a single base (and no metaclass) that is the base's own method order, whatever
subclass `self` is an instance of. So `super().m()` is the base's `m`, found in the base
itself or in one of its ancestors, and its kind decides what the call gives.

Unknown (silent): `super()` itself (it is `self`), `super(Other, self)` and any other
arguments, a class with several bases or a metaclass keyword, and `super` rebound locally.
"""
import asyncio
from typing import Any, Dict, List


class Repository:
    def __init__(self) -> None:
        self.saved: List[str] = []

    async def save(self, row: str) -> None:
        self.saved.append(row)

    async def fetch(self, key: str) -> List[str]:
        return [key]

    async def stream(self, key: str):
        yield key

    async def rows(self):
        yield "r1"
        yield "r2"

    async def close(self) -> None:
        self.saved.clear()


class CachedRepository(Repository):
    async def save(self, row: str) -> None:
        # `Repository.save` is a coroutine: its body never runs.
        super().save(row)  # error: AGN211

    async def fetch(self, key: str) -> List[str]:
        found = []
        async for item in super().fetch(key):  # error: AGN201
            found.append(item)
        return found

    def rows(self):
        # A plain override iterating the base's async generator synchronously.
        for row in super().rows():  # error: AGN203
            print(row)
        return []

    async def stream(self, key: str):
        first = await super().stream(key)  # error: AGN200
        yield first

    def close(self) -> None:
        super().close()  # error: AGN211


class ShardedRepository(CachedRepository):
    # A subclass of the subclass overrides `fetch` with a plain method: `super()` in
    # `CachedRepository` still lands on `Repository.fetch`, whatever `self` is.
    def fetch(self, key: str) -> List[str]:  # type: ignore[override]
        return [key, key]


# Two levels: `Middle` does not define `load`, `Root` does; `super()` in `Leaf` finds it
# through `Middle`'s method order.
class Root:
    async def load(self) -> Dict[str, int]:
        return {"a": 1}

    async def changes(self):
        yield {"a": 2}


class Middle(Root):
    def describe(self) -> str:
        return "middle"


class Leaf(Middle):
    async def load(self) -> Dict[str, int]:
        super().load()  # error: AGN211
        return {}

    async def changes(self):
        async for change in super().load():  # error: AGN201
            yield change

    async def refresh(self) -> None:
        await super().changes()  # error: AGN200


# A classmethod: `super()` there is bound to `cls`, and the base's classmethod is found.
class Model:
    @classmethod
    async def create(cls, **fields: Any) -> "Model":
        instance = cls()
        instance.__dict__.update(fields)
        return instance

    @classmethod
    async def all(cls) -> List["Model"]:
        return [cls()]


class User(Model):
    @classmethod
    async def create(cls, **fields: Any) -> "Model":
        # Correct: awaited.
        user = await super().create(**fields)
        return user

    @classmethod
    async def all(cls) -> List["Model"]:
        found = []
        async for user in super().all():  # error: AGN201
            found.append(user)
        return found


# The correct versions.
class CorrectRepository(Repository):
    async def save(self, row: str) -> None:
        await super().save(row)

    async def fetch(self, key: str) -> List[str]:
        return list(await super().fetch(key))

    async def stream(self, key: str):
        async for item in super().stream(key):
            yield item

    async def rows(self):
        async for row in super().rows():
            yield row


# Trap: the base's `items` is a plain method returning a list while the subclass's own
# `items` is a coroutine; `super().items()` is the base's, so iterating it is right.
class Catalog:
    def items(self) -> List[str]:
        return ["a", "b"]


class RemoteCatalog(Catalog):
    async def items(self) -> List[str]:  # type: ignore[override]
        await asyncio.sleep(0)
        return [item.upper() for item in super().items()]

    async def count(self) -> int:
        total = 0
        for _ in super().items():
            total += 1
        return total


# Trap: `super(Buffer, self)` skips `Buffer` (whose `push` is a coroutine) and lands on
# `Sink.push`, a plain method: calling it without `await` is right. Arguments to `super`
# make the call unknown.
class Sink:
    def __init__(self) -> None:
        self.pushed: List[str] = []

    def push(self, item: str) -> None:
        self.pushed.append(item)


class Buffer(Sink):
    async def push(self, item: str) -> None:  # type: ignore[override]
        await asyncio.sleep(0)
        Sink.push(self, item)


class DirectBuffer(Buffer):
    async def push(self, item: str) -> None:  # type: ignore[override]
        super(Buffer, self).push(item)


# Trap: two bases. `Pipe`'s method order is Pipe, Buffered, SyncSendMixin, Channel: the
# `send` after `Pipe` is `SyncSendMixin.send`, a plain method, not the coroutine that
# `Buffered` inherits from `Channel`.
class Channel:
    def __init__(self) -> None:
        self.sent: List[str] = []

    async def send(self, message: str) -> None:
        self.sent.append(message)


class Buffered(Channel):
    def flush(self) -> None:
        self.sent.clear()


class SyncSendMixin(Channel):
    def send(self, message: str) -> None:  # type: ignore[override]
        self.sent.append(message.upper())


class Pipe(Buffered, SyncSendMixin):
    def send(self, message: str) -> None:  # type: ignore[override]
        super().send(message)


# Trap: a metaclass keyword. This metaclass builds the class on `Sink` whatever the class
# statement lists, so `super().push` is the plain `Sink.push`.
class OnSink(type):
    def __new__(mcs, name: str, bases: tuple, namespace: Dict[str, Any]):
        return super().__new__(mcs, name, (Sink,), namespace)


class Rebased(Buffer, metaclass=OnSink):
    async def push(self, item: str) -> None:  # type: ignore[override]
        super().push(item)


# Trap: `super()` itself, stored in a name, stays unknown (here it is used correctly).
class Audited(Repository):
    async def save(self, row: str) -> None:
        parent = super()
        await parent.save(row)
        async for item in parent.stream(row):
            print(item)


# Trap: `super` rebound in the method: it is this local function, not the builtin.
class Recorder:
    def __init__(self) -> None:
        self.rows: List[str] = []

    def save(self, row: str) -> None:
        self.rows.append(row)


class Delegating(Repository):
    def __init__(self) -> None:
        Repository.__init__(self)
        self.recorder = Recorder()

    async def save(self, row: str) -> None:
        def super() -> Recorder:  # noqa: A001 - shadows the builtin on purpose
            return self.recorder

        super().save(row)
