"""Alternative constructors and fluent builders hand on an instance of their class.

* A classmethod returning `cls(...)` (`Client.from_url(url)`, also through a local
  `inst = cls(); return inst`) gives an instance of the class the caller named or of a subclass,
  judged like an annotated object: every override in the project must agree on the kind.
* A plain method whose every `return` gives its `self` (`client.with_timeout(3)`) gives the
  object it was called on.
"""


class Store:
    def __init__(self, url: str = "memory://") -> None:
        self.url = url
        self.timeout = 1.0

    @classmethod
    def from_url(cls, url: str):
        return cls(url)

    @classmethod
    def from_env(cls):
        store = cls()
        store.url = "env://"
        return store

    def with_timeout(self, timeout: float):
        self.timeout = timeout
        return self

    def configure(self, **options: str):
        if not options:
            return self
        self.url = options.get("url", self.url)
        return self

    async def rows(self) -> list:
        return [1]

    async def stream(self):
        yield 1


async def read_all() -> None:
    async for row in Store.from_url("redis://").rows():  # error: AGN201
        print(row)
    store = Store.from_env()
    async for row in store.rows():  # error: AGN201
        print(row)
    await store.stream()  # error: AGN200
    async for row in Store().with_timeout(3).configure(url="x").rows():  # error: AGN201
        print(row)
    chained = Store.from_url("a").with_timeout(2)
    await chained.stream()  # error: AGN200


# The correct versions.
async def read_all_correctly() -> None:
    for row in await Store.from_url("redis://").rows():
        print(row)
    async for row in Store.from_env().stream():
        print(row)
    for row in await Store().with_timeout(3).rows():
        print(row)


# Trap: a subclass in the project overrides `rows` with an async generator; `from_url` may
# build it (`LiveStore.from_url(...)`), so what `rows()` gives depends on the class named.
class Table:
    @classmethod
    def open(cls, name: str):
        return cls()

    async def rows(self) -> list:
        return []


class LiveTable(Table):
    async def rows(self):
        yield 1


async def read_table(live: bool) -> None:
    table = LiveTable.open("t") if live else Table.open("t")
    async for row in LiveTable.open("t").rows():
        print(row)
    print(table)


# Trap: a subclass's override of the builder returns something else than `self`; an object
# that may be of that subclass (`self`) gives what either returns.
class Query:
    def where(self, clause: str):
        return self

    async def fetch(self) -> list:
        return []

    async def run(self) -> None:
        async for row in self.where("x").fetch():
            print(row)


class CachedQuery(Query):
    def where(self, clause: str):
        return CachedResult()


class CachedResult:
    async def fetch(self):
        yield 1


# Trap: a staticmethod returning its first argument returns that argument, not the receiver.
class Registry:
    @staticmethod
    def identity(value):
        return value

    async def items(self) -> list:
        return []


async def use_registry(feed) -> None:
    async for item in Registry().identity(feed).items():
        print(item)


# Trap: a decorated builder may return anything.
def logged(method):
    def wrapper(*args, **kwargs):
        print(method.__name__)
        return method(*args, **kwargs)
    return wrapper


class Pipeline:
    @logged
    def step(self, name: str):
        return self

    @classmethod
    def new(cls, kind: str):
        if kind == "stream":
            return StreamPipeline()
        return cls()

    async def results(self) -> list:
        return []


class StreamPipeline:
    async def results(self):
        yield 1


async def use_pipeline() -> None:
    async for result in Pipeline().step("a").results():
        print(result)
    # `new` builds either class: unknown.
    async for result in Pipeline.new("stream").results():
        print(result)


# Trap: a class with its own `__new__` may build anything.
class Pooled:
    _pool: dict = {}

    def __new__(cls, *args: object):
        return cls._pool.setdefault(cls, object.__new__(cls))

    @classmethod
    def get(cls):
        return cls()

    async def items(self) -> list:
        return []


async def use_pooled() -> None:
    async for item in Pooled.get().items():
        print(item)
