"""A plain `def` annotated with one builtin type that returns that type on some path.

`def search_result(self, q) -> List[Dict]` returning `[]` on one path and `results[:k]` (a
value the plugin cannot follow) on the others gives a list on the first path, and its
annotation says the others give one too: `await` on its call raises TypeError (AGN208).

Not judged: a function that falls off its end on some path, an annotation other than one
builtin type (`Optional[...]`, `Awaitable[...]`, a union), a return known to be something
else (a coroutine call, another builtin type), or no return that agrees with the annotation.
"""
import asyncio
from typing import Any, Awaitable, Callable, Dict, List, Optional, Set, Tuple


class DuckSearch:
    def __init__(self, backend: Any = None) -> None:
        self.backend = backend
        self.cache: Dict[str, Any] = {}

    def search_result(self, query: str, k: int = 5) -> List[Dict]:
        if not query:
            return []
        results = self.backend.search(query)
        return results[:k]

    def settings(self, name: str) -> dict:
        if name not in self.cache:
            return {}
        return self.backend.settings(name)

    def lookup(self, key: str) -> dict:
        if key:
            return self.backend.lookup(key)
        return {}


async def search(query: str) -> None:
    # A search engine built in the function.
    engine = DuckSearch()
    hits = await engine.search_result(query)  # error: AGN208
    print(hits)


async def load_settings(name: str) -> None:
    print(await DuckSearch().settings(name))  # error: AGN208


async def lookup_first(key: str) -> None:
    async for entry in DuckSearch().lookup(key):  # error: AGN208
        print(entry)


class Agent:
    def __init__(self) -> None:
        self.helper = DuckSearch()

    async def answer(self, question: str) -> str:
        context = await self.helper.search_result(question, k=3)  # error: AGN208
        return f"{question}: {context}"

    async def configure(self) -> None:
        options = await self.helper.settings("agent")  # error: AGN208
        print(options)


# The correct versions.
async def search_correctly(query: str) -> None:
    engine = DuckSearch()
    for hit in engine.search_result(query):
        print(hit)
    print(DuckSearch().settings("x").get("y"))


# Trap: `Optional[...]` is not one builtin type, so the annotation does not say what the
# other path gives: here the backend's `names` gives an awaitable (and the `[]` path is not
# taken).
class OptionalSearch:
    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def names(self, prefix: str) -> Optional[List[str]]:
        if prefix == "":
            return []
        return self.backend.names(prefix)


async def optional_names(backend: Any) -> None:
    print(await OptionalSearch(backend).names("a"))


# Trap: `-> Awaitable[list]` says the call gives an awaitable (the loader's, here; the
# `[]` path is not taken).
class Deferred:
    def __init__(self, loader: Callable[[str], Awaitable[list]]) -> None:
        self.loader = loader
        self.disabled = False

    def rows(self, table: str) -> Awaitable[list]:
        if self.disabled:
            return []  # type: ignore[return-value]
        return self.loader(table)


async def deferred_rows(loader: Callable[[str], Awaitable[list]]) -> None:
    print(await Deferred(loader).rows("t"))


# Trap: falls off its end on a path (where it gives None, not a list), so the annotation is
# not the whole truth: here the backend's `rows` gives an awaitable.
class Partial:
    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def rows(self, table: str) -> List[str]:  # type: ignore[return]
        if table == "":
            return []
        if table != "none":
            return self.backend.rows(table)


async def partial_rows(backend: Any) -> None:
    print(await Partial(backend).rows("t"))


# Trap: one return is a coroutine call (`self.fetch()`): awaiting the call works on that path.
class Mixed:
    def __init__(self) -> None:
        self.cached = False

    async def fetch(self) -> List[str]:
        await asyncio.sleep(0)
        return ["fresh"]

    def rows(self) -> List[str]:
        if self.cached:
            return []
        return self.fetch()  # type: ignore[return-value]


async def mixed_rows() -> None:
    print(await Mixed().rows())


# Trap: no return agrees with the annotation (every value is unknown): nothing says the
# call gives a list (here the backend's `rows` gives an awaitable).
class Passthrough:
    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def rows(self, table: str) -> list:
        if table:
            return self.backend.rows(table)
        return self.backend.all_rows()


async def passthrough_rows(backend: Any) -> None:
    print(await Passthrough(backend).rows("t"))


# Trap: `self` may be a subclass whose override is a coroutine (`show` is called on a
# `RemoteIndex`).
class Index:
    def __init__(self, source: Any) -> None:
        self.source = source

    def names(self) -> List[str]:
        if self.source is None:
            return []
        return self.source()[:3]

    async def show(self) -> None:
        print(await self.names())


class RemoteIndex(Index):
    async def names(self) -> List[str]:  # type: ignore[override]
        await asyncio.sleep(0)
        return ["remote"]


# Other builtin types: `str`, `Tuple[...]`, `Set[...]`.
class Profile:
    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def title(self) -> str:
        if self.backend is None:
            return ""
        return self.backend.title()

    def size(self) -> Tuple[int, int]:
        if self.backend is None:
            return (0, 0)
        return self.backend.size()

    def tags(self) -> Set[str]:
        if self.backend is None:
            return set()
        return self.backend.tags()

    # A string annotation is read as the annotation it spells.
    def labels(self) -> "List[str]":
        if self.backend is None:
            return []
        return self.backend.labels()

    # Trap (see `show_profile_correctly`): a string spelling `Optional[...]` is not one
    # builtin type either.
    def aliases(self) -> "Optional[List[str]]":
        if self.backend is None:
            return []
        return self.backend.aliases()


async def show_profile(backend: Any) -> None:
    profile = Profile(backend)
    print(await profile.title())  # error: AGN208
    print(await profile.size())  # error: AGN208
    async for tag in profile.tags():  # error: AGN208
        print(tag)
    print(await profile.labels())  # error: AGN208


async def show_profile_correctly() -> None:
    profile = Profile(None)
    print(profile.title(), profile.size(), sorted(profile.tags()), profile.labels())


async def show_aliases(backend: Any) -> None:
    # The backend's `aliases` gives an awaitable here (and the `[]` path is not taken).
    print(await Profile(backend).aliases())


# --------------------------------------------------------------------------
# `return None` on one path, returns not known on the others (electrumx's `notify`, awaited
# through `super()` by an `async def` override): awaiting the call fails whenever that path
# is taken.
# --------------------------------------------------------------------------


class Session:
    def __init__(self, subscriptions: Any) -> None:
        self.subscriptions = subscriptions

    def notify(self, touched: Any) -> Any:
        ours = touched.intersection(self.subscriptions)
        if ours:
            return ours
        return None

    def notify_plainly(self, touched):  # type: ignore[no-untyped-def]
        ours = touched.intersection(self.subscriptions)
        if ours:
            return ours
        return None

    def maybe_flush(self, now: bool):  # type: ignore[no-untyped-def]
        # An optional job: the caller awaits it only when there is one.
        if not now:
            return None
        return self.flush()

    async def flush(self) -> None:
        await asyncio.sleep(0)

    def bare(self, touched):  # type: ignore[no-untyped-def]
        # A bare `return` is not told apart from a value not known.
        if not touched:
            return
        return touched.copy()


class MasternodeSession(Session):
    async def notify_plainly(self, touched):  # type: ignore[no-untyped-def]
        await super().notify_plainly(touched)  # error: AGN208
        return None


class ToolRunner:
    """agent-squad's `_process_tool`: the tool's coroutine, or a message when no tool has
    that name."""

    def __init__(self, tools: List[Any]) -> None:
        self.tools = tools

    def _process_tool(self, name: str, data: Dict[str, Any]):  # type: ignore[no-untyped-def]
        try:
            tool = next(tool for tool in self.tools if tool.name == name)
            return tool.func(**data)
        except StopIteration:
            return f"Tool '{name}' not found"

    def _maybe_job(self, name: str):  # type: ignore[no-untyped-def]
        # A message, or a known coroutine: callers test which (not judged).
        if not name:
            return "nothing to do"
        return self._run(name)

    async def _run(self, name: str) -> str:
        return name

    async def handle(self, name: str) -> Any:
        result = await self._process_tool(name, {})  # error: AGN208
        job = self._maybe_job(name)
        return result, (await job if not isinstance(job, str) else job)


class Memorized:
    """joblib's `AsyncMemorizedFunc`: the cached call gives a tuple, or what the function
    gives (a coroutine for an async one); the caller tests which before awaiting."""

    def __init__(self, func: Any) -> None:
        self.func = func

    def _cached_call(self, shelving: bool):  # type: ignore[no-untyped-def]
        if shelving:
            return (None, {})
        return self.func()

    async def __call__(self) -> Any:
        out = self._cached_call(False)
        out = await out if asyncio.iscoroutine(out) else out
        return out[0]


async def notify_all(session: Session, touched: Set[str]) -> None:
    # Trap: annotated (`-> Any`): what it returns is declared, not judged from the returns.
    print(session.notify(touched))
    # Traps: an optional job tested first, and a bare return.
    job = session.maybe_flush(True)
    if job is not None:
        await job
    print(session.bare(touched))


# A plain `def` returning another plain call gives what that one gives (aiotg's mock bot:
# `api_call` returns `self._record(...)`, which returns nothing).
def record_call(calls: List[str], method: str) -> None:
    calls.append(method)


def api_call(calls: List[str], method: str):  # type: ignore[no-untyped-def]
    return record_call(calls, method)


def api_call_or_task(calls: List[str], method: str, later: bool):  # type: ignore[no-untyped-def]
    if later:
        return asyncio.ensure_future(asyncio.sleep(0))
    return record_call(calls, method)


class Recorder:
    def record(self, calls: List[str]) -> None:
        calls.append("x")

    def send(self, calls: List[str]):  # type: ignore[no-untyped-def]
        return self.record(calls)


class TaskRecorder(Recorder):
    def record(self, calls: List[str]):  # type: ignore[no-untyped-def, override]
        return asyncio.ensure_future(asyncio.sleep(0))


async def send_messages(calls: List[str], recorder: Recorder) -> None:
    await api_call(calls, "sendMessage")  # error: AGN208
    # Traps: another path gives a task; an override gives a task.
    await api_call_or_task(calls, "sendMessage", True)
    await recorder.send(calls)
    await recorder.record(calls)
