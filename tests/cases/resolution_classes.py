"""Method resolution, for every call-site rule (AGN200-AGN207).

self.m() / cls.m() through the class and its bases in the module;
ClassName.m(); ClassName().m(); module-level instances; `self.x = Cls()` set
once in __init__.  Silence when the target is ambiguous or unknown: attributes
assigned in several places or injected, methods overridden with another kind in
a subclass (for self.m() in the base), properties, unknown class decorators and
metaclasses, bases from outside the module.  Nothing here runs at import time.
"""

import asyncio
import functools
import inspect
import os
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, AsyncIterator, Callable, Dict, Iterator, List, Optional

import httpx

Row = Dict[str, Any]


# --------------------------------------------------------------------------
# The main class: one method of each kind
# --------------------------------------------------------------------------


class Repository:
    def __init__(self, dsn: str = "sqlite://") -> None:
        self.dsn = dsn

    async def iter_rows(self, table: str) -> AsyncIterator[Row]:
        """Async generator."""
        for row_id in range(2):
            yield {"table": table, "id": row_id}

    async def count(self, table: str) -> int:
        """Coroutine."""
        return 2

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator["Repository"]:
        yield self

    @staticmethod
    async def scan_files(root: str) -> AsyncIterator[str]:
        yield root

    @classmethod
    async def stream_defaults(cls) -> AsyncIterator[Row]:
        yield {"default": True}

    @classmethod
    async def connect(cls, dsn: str) -> "Repository":
        return cls(dsn)

    @staticmethod
    async def ping() -> bool:
        return True

    @property
    def rows(self) -> AsyncIterator[Row]:
        """A ready async generator object (property: unknown to the linter)."""
        return self.iter_rows("users")

    @property
    def loader(self) -> Callable[[str], Any]:
        """Returns a coroutine function (property: unknown)."""
        return self.count

    # ---- positives -------------------------------------------------------

    async def export(self) -> Any:
        return await self.iter_rows("users")  # error: AGN200

    async def recount(self) -> None:
        async for number in self.count("users"):  # error: AGN201
            print(number)

    async def schedule_export(self) -> "asyncio.Task[Any]":
        return asyncio.create_task(self.iter_rows("users"))  # error: AGN202

    def snapshot(self) -> List[Row]:
        return list(self.iter_rows("users"))  # error: AGN203

    async def lock_rows(self) -> None:
        async with self.iter_rows("users"):  # error: AGN204
            pass

    async def lock_count(self) -> None:
        async with self.count("users"):  # error: AGN205
            pass

    async def begin(self) -> Any:
        return await self.transaction()  # error: AGN206

    async def backfill(self) -> None:
        self.iter_rows("events")  # error: AGN207

    async def explicit_class_call(self) -> Any:
        return await Repository.iter_rows(self, "users")  # error: AGN200

    @classmethod
    async def load_defaults(cls) -> Any:
        return await cls.stream_defaults()  # error: AGN200

    @classmethod
    def defaults_snapshot(cls) -> List[Row]:
        return list(cls.stream_defaults())  # error: AGN203

    # ---- traps -----------------------------------------------------------

    async def export_ok(self) -> List[Row]:
        return [row async for row in self.iter_rows("users")]

    async def recount_ok(self) -> int:
        return await self.count("users")

    async def begin_ok(self) -> None:
        async with self.transaction() as tx:
            print(tx)

    async def files_ok(self) -> None:
        async for path in Repository.scan_files("/srv"):
            print(path)

    async def via_properties(self) -> None:
        # Properties are unknown to the linter (and correct here).
        async for row in self.rows:
            print(row)
        print(await self.loader("users"))

    async def closure(self) -> None:
        async def one(table: str) -> int:
            return await self.count(table)

        print(await one("users"))


# --------------------------------------------------------------------------
# Positives through other receivers
# --------------------------------------------------------------------------

repo = Repository()


class UserService:
    def __init__(self) -> None:
        self.repo = Repository()

    async def export(self) -> Any:
        return await self.repo.iter_rows("users")  # error: AGN200

    async def transaction(self) -> Any:
        return await self.repo.transaction()  # error: AGN206

    async def lock(self) -> None:
        async with self.repo.count("users"):  # error: AGN205
            pass

    async def export_ok(self) -> List[Row]:
        return [row async for row in self.repo.iter_rows("users")]


class CachedRepository(Repository):
    async def warm(self) -> None:
        # `count` is found in the base class: a coroutine.
        async for number in self.count("cache"):  # error: AGN201
            print(number)


class AuditedRepository(CachedRepository):
    async def audit(self) -> Any:
        # `iter_rows` is found two levels up.
        return await self.iter_rows("audit")  # error: AGN200


audited = AuditedRepository()


async def module_instance() -> Any:
    return await repo.iter_rows("users")  # error: AGN200


async def module_instance_of_subclass() -> None:
    async for number in audited.count("audit"):  # error: AGN201
        print(number)


async def fresh_instance() -> Any:
    return await Repository().iter_rows("users")  # error: AGN200


def static_call() -> List[str]:
    return list(Repository.scan_files("/srv"))  # error: AGN203


def classmethod_call() -> List[Row]:
    return [row for row in Repository.stream_defaults()]  # error: AGN203


async def classmethod_coroutine() -> None:
    async for part in Repository.connect("sqlite://"):  # error: AGN201
        print(part)


# --------------------------------------------------------------------------
# Overrides
# --------------------------------------------------------------------------


class EventSource:
    async def events(self) -> List[Row]:
        """Default: a coroutine. Subclasses override it with an async generator."""
        raise NotImplementedError

    async def pump(self) -> None:
        # self.events() is overridden with another kind in KafkaSource: ambiguous.
        async for event in self.events():
            print(event)


class KafkaSource(EventSource):
    async def events(self) -> AsyncIterator[Row]:
        yield {"offset": 1}

    async def peek(self) -> Any:
        # Within KafkaSource, self.events() is its own async generator.
        return await self.events()  # error: AGN200


class BatchSource(EventSource):
    async def events(self) -> List[Row]:
        return [{"batch": 1}]

    async def replay(self) -> None:
        async for event in self.events():  # error: AGN201
            print(event)


class Poller:
    async def fetch(self) -> AsyncIterator[Row]:
        yield {"poll": 1}

    async def first(self) -> Any:
        # Overridden only with the same kind (FastPoller): still an async generator.
        return await self.fetch()  # error: AGN200


class FastPoller(Poller):
    async def fetch(self) -> AsyncIterator[Row]:
        yield {"poll": 2}


# --------------------------------------------------------------------------
# Traps: ambiguous or unknown receivers
# --------------------------------------------------------------------------


class FakeRepository:
    async def iter_rows(self, table: str) -> List[Row]:
        """Same method name, but a coroutine."""
        return [{"table": table}]


fake = FakeRepository()


async def other_class_same_name() -> Any:
    # fake is a FakeRepository: its iter_rows is a coroutine.
    first = await fake.iter_rows("users")
    second = await FakeRepository().iter_rows("users")
    return first, second


class ReportService:
    def __init__(self) -> None:
        self.source = Repository()

    def use_fake(self) -> None:
        # Second assignment of self.source: its class is now unknown.
        self.source = FakeRepository()

    async def total(self) -> Any:
        return await self.source.iter_rows("reports")


class BillingService:
    def __init__(self, repo: Repository) -> None:
        # Injected through an annotated parameter: a Repository or a subclass, and every
        # `iter_rows` in the project (the base's, UnsureSuperCall's) is an async generator.
        self.repo = repo

    async def charge(self) -> Any:
        return await self.repo.iter_rows("billing")  # error: AGN200


class Exporter:
    async def iter_rows(self, table: str) -> List[Row]:
        return [{"table": table}]

    async def export(self) -> Any:
        # self is an Exporter, not a Repository.
        return await self.iter_rows("users")


class Ticker:
    async def ticks(self, interval: float) -> AsyncIterator[float]:
        yield interval

    async def first_tick(self) -> Any:
        # TestTicker (below) assigns self.ticks: the base's self.ticks() is ambiguous.
        return await self.ticks(1.0)


class TestTicker(Ticker):
    def __init__(self, ticks: Callable[[float], Any]) -> None:
        # An instance attribute replaces the method (a test double): ambiguous.
        self.ticks = ticks  # type: ignore[assignment]

    async def second_tick(self) -> Any:
        return await self.ticks(2.0)


async def parameter_shadows_instance(repo: Any) -> Any:
    # The parameter shadows the module-level Repository instance.
    return await repo.iter_rows("users")


if os.environ.get("USE_REAL_REPOSITORY"):
    store: Any = Repository()
else:
    store = FakeRepository()


async def rebound_instance() -> Any:
    # `store` is bound twice (if/else): unknown class.
    return await store.iter_rows("users")


async def dynamic_lookup(name: str) -> Any:
    return await getattr(repo, name)("users")


def collect_streams(cls: Any) -> Any:
    """Project class decorator: turns every async generator method into a
    coroutine returning a list.  Unknown to the linter."""
    for name, member in list(vars(cls).items()):
        if inspect.isasyncgenfunction(member):

            def make(fn: Any) -> Any:
                @functools.wraps(fn)
                async def collected(*args: Any, **kwargs: Any) -> List[Any]:
                    return [item async for item in fn(*args, **kwargs)]

                return collected

            setattr(cls, name, make(member))
    return cls


@collect_streams
class PluginRepository:
    async def iter_rows(self, table: str) -> AsyncIterator[Row]:
        yield {"plugin": table}

    async def first(self) -> Any:
        # The class decorator rewrote iter_rows: unknown.
        return await self.iter_rows("users")


plugin = PluginRepository()


async def decorated_class_callers() -> Any:
    first = await PluginRepository().iter_rows("users")
    second = await plugin.iter_rows("users")
    return first, second


class CollectingMeta(type):
    """Project metaclass doing what collect_streams does."""

    def __new__(mcs, name: str, bases: Any, namespace: Dict[str, Any]) -> Any:
        return collect_streams(super().__new__(mcs, name, bases, namespace))


class Model(metaclass=CollectingMeta):
    async def rows(self) -> AsyncIterator[Row]:
        yield {"model": 1}

    async def first(self) -> Any:
        # The metaclass rewrote rows: unknown.
        return await self.rows()


async def metaclass_callers() -> Any:
    return await Model().rows()


class Outbox:
    async def send(self, messages: List[str]) -> AsyncIterator[str]:
        for message in messages:
            yield message


class ApiClient(httpx.AsyncClient):
    async def post_json(self, request: httpx.Request) -> httpx.Response:
        # `send` comes from httpx.AsyncClient (a coroutine), not Outbox.send.
        return await self.send(request)

    async def download(self, url: str) -> None:
        # `stream` comes from the external base as well.
        async with self.stream("GET", url) as response:
            print(response.status_code)


class Cursor:
    """Implements the async iterator protocol."""

    def __init__(self, rows: Optional[List[Row]] = None) -> None:
        self._rows = list(rows or [])

    def __aiter__(self) -> "Cursor":
        return self

    async def __anext__(self) -> Row:
        if not self._rows:
            raise StopAsyncIteration
        return self._rows.pop()


class Feed:
    """__aiter__ returns an async generator."""

    def __aiter__(self) -> AsyncIterator[Row]:
        return self._items()

    async def _items(self) -> AsyncIterator[Row]:
        yield {"feed": 1}


class Session:
    """Implements the async context manager protocol."""

    async def __aenter__(self) -> "Session":
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        return None


class Job:
    """Awaitable through __await__."""

    def __await__(self) -> Iterator[Any]:
        return self._run().__await__()

    async def _run(self) -> int:
        return 1


async def protocol_classes() -> None:
    async for row in Cursor([{"id": 1}]):
        print(row)
    print(await Cursor([{"id": 2}]).__anext__())
    async for item in Feed():
        print(item)
    async with Session() as session:
        print(session)
    print(await Job())


# --------------------------------------------------------------------------
# UNSURE: the lead decides.  Current annotation = my best guess.
# --------------------------------------------------------------------------


async def unsure_local_instance() -> Any:
    local_repo = Repository()
    # UNSURE: a *local* variable bound once to Repository(). Guess: flagged.
    return await local_repo.iter_rows("users")  # error: AGN200


class UnsureSuperCall(Repository):
    async def iter_rows(self, table: str) -> AsyncIterator[Row]:
        yield {"wrapped": table}

    async def base_rows(self) -> Any:
        # ``super().m()`` in a class with one base is the base's method, whatever
        # ``self`` is: ``Repository.iter_rows``, an async generator.
        return await super().iter_rows("users")  # error: AGN200


@dataclass
class UnsureDataclass:
    name: str = "dc"

    async def items(self) -> AsyncIterator[str]:
        yield self.name

    async def first(self) -> Any:
        # UNSURE: @dataclass is a class decorator from outside the project
        # ("any other decorator => unknown" is stated for functions). It does
        # not touch methods, and this raises TypeError: flagged.
        return await self.items()  # error: AGN200


class UnsureExternalBase(httpx.AsyncClient):
    async def pages(self) -> AsyncIterator[int]:
        yield 1

    async def first_page(self) -> Any:
        # UNSURE: method defined in this class, base from outside the project
        # (which could, in theory, bring a metaclass). Guess: flagged.
        return await self.pages()  # error: AGN200


async def unsure_exact_base_instance() -> None:
    # UNSURE: EventSource().events() resolves on the exact class (a coroutine),
    # even though subclasses override it with an async generator. Guess: flagged.
    async for event in EventSource().events():  # error: AGN201
        print(event)


class UnsureInheritedAttribute(UserService):
    async def export_twice(self) -> Any:
        # UNSURE: self.repo is set once in the *base* __init__. Guess: flagged.
        return await self.repo.iter_rows("twice")  # error: AGN200


class UnsureClosureSelf(Repository):
    async def sync_all(self, tables: List[str]) -> None:
        async def one(table: str) -> Any:
            # UNSURE: `self` of the enclosing method, used in a nested function.
            # Guess: flagged.
            return await self.iter_rows(table)  # error: AGN200

        for table in tables:
            print(await one(table))


# A base's `__init_subclass__` that only warns (aiohttp's ClientSession: "Inheritance ... is
# discouraged") changes nothing of the subclass, whose methods are then known.
import warnings  # noqa: E402


class DiscouragedBase:
    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Subclassing works but is not supported."""
        warnings.warn(f"Inheritance class {cls.__name__} is discouraged", DeprecationWarning)
        super().__init_subclass__(**kwargs)

    async def close(self) -> None:
        await asyncio.sleep(0)


class KeptSession(DiscouragedBase):
    def __del__(self) -> None:
        self.close()  # error: AGN211


REGISTERED: List[type] = []


class RegisteringBase:
    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Trap: a hook that does more than warn (it may change what it is handed).
        super().__init_subclass__(**kwargs)
        REGISTERED.append(cls)

    async def close(self) -> None:
        await asyncio.sleep(0)


class RegisteredSession(RegisteringBase):
    def __del__(self) -> None:
        self.close()
