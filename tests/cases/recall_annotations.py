"""Issue 9, shape 2: types from annotations.

A parameter, attribute or variable annotated with a project class holds an instance of that
class or of a subclass; a function's return annotation gives its result's type when its returns
do not. `client.m()` is then judged as `self.m()` is today: known when the class's `m` and every
override in the project agree on the kind, silent otherwise. An abstract `async def` without
`yield` declares a coroutine: `async for` over its call is wrong whatever the implementations do.

(`TYPE_CHECKING`-only imports need a second module: see xmod_annotations_type_checking/.)
"""
import abc
import asyncio
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Annotated, AsyncIterator, Dict, List, Optional, Protocol, Union

import httpx


class Depends:
    """A FastAPI-style dependency marker (metadata only)."""

    def __init__(self, dependency=None) -> None:
        self.dependency = dependency


class LLMClient:
    """An SDK wrapper: `complete` is a coroutine, `stream` an async generator."""

    def __init__(self, model: str = "small") -> None:
        self.model = model
        self.started = False

    async def complete(self, prompt: str) -> str:
        await asyncio.sleep(0)
        return f"{self.model}: {prompt}"

    async def stream(self, prompt: str):
        self.started = True
        for token in prompt.split():
            yield token

    @asynccontextmanager
    async def session(self):
        yield self


class AzureClient(LLMClient):
    # An override of the same kind: the annotation `LLMClient` still decides.
    async def complete(self, prompt: str) -> str:
        return "azure: " + prompt


# A separate hierarchy where a subclass overrides with another kind.
class Backend:
    async def fetch(self, key: str):
        return [key]


class LiveBackend(Backend):
    async def fetch(self, key: str):
        yield key


# An abstract repository: `rows` declares a coroutine.
@dataclass
class Row:
    id: int


class Repository(abc.ABC):
    @abc.abstractmethod
    async def rows(self) -> List[Row]:
        ...

    @abc.abstractmethod
    def stream_rows(self) -> AsyncIterator[Row]:
        ...


class SqlRepository(Repository):
    async def rows(self) -> List[Row]:
        return [Row(1), Row(2)]

    async def stream_rows(self) -> AsyncIterator[Row]:
        yield Row(1)


class Container:
    """A dependency-injection container: what it returns is only known from annotations."""

    def __init__(self) -> None:
        self._services: Dict[str, object] = {"llm": LLMClient(), "repo": SqlRepository()}

    def resolve(self, name: str):
        return self._services[name]


container = Container()


def get_client() -> LLMClient:
    # The return does not say what it is: the annotation does.
    return container.resolve("llm")


class ChatService:
    def __init__(self, client: LLMClient) -> None:
        self.client = client

    async def reply(self, prompt: str):
        async for token in self.client.complete(prompt):  # error: AGN201
            print(token)

    def client_for(self, name: str) -> LLMClient:
        return container.resolve(name)


class Summarizer:
    client: LLMClient

    def __init__(self) -> None:
        self.client = container.resolve("llm")

    async def summarize(self, text: str):
        return await self.client.stream(text)  # error: AGN200


@dataclass
class Pipeline:
    client: LLMClient
    history: List[str] = field(default_factory=list)

    async def run(self, prompt: str):
        for token in self.client.stream(prompt):  # error: AGN203
            self.history.append(token)


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def answer(prompt: str, client: LLMClient):
    async for token in client.complete(prompt):  # error: AGN201
        print(token)


async def scenario_parameter_annotation():
    await answer("hi there", LLMClient())


async def scenario_parameter_annotation_subclass_instance():
    # AzureClient overrides `complete` with a coroutine too.
    await answer("hi", AzureClient())


async def stream_optional(prompt: str, client: Optional[LLMClient] = None):
    if client is not None:
        return await client.stream(prompt)  # error: AGN200
    return None


async def scenario_optional_annotation():
    await stream_optional("a b", LLMClient())


async def stream_pep604(prompt: str, client: LLMClient | None):
    return list(client.stream(prompt))  # error: AGN203


async def scenario_pep604_optional():
    await stream_pep604("a b", LLMClient())


async def stream_forward_ref(prompt: str, client: "LLMClient"):
    return asyncio.create_task(client.stream(prompt))  # error: AGN202


async def scenario_string_annotation():
    await stream_forward_ref("a b", LLMClient())


async def chat_endpoint(prompt: str, client: Annotated[LLMClient, Depends(get_client)]):
    async with client.complete(prompt) as reply:  # error: AGN205
        return reply


async def scenario_annotated_dependency():
    await chat_endpoint("hello", get_client())


async def open_session(*, client: LLMClient):
    return await client.session()  # error: AGN206


async def scenario_keyword_only_annotation():
    await open_session(client=LLMClient())


async def warm_up(client: LLMClient):
    client.stream("warm up")  # error: AGN207
    assert client.started, "the stream never started"


async def scenario_discarded_through_annotation():
    await warm_up(LLMClient())


async def scenario_init_attribute_from_annotated_parameter():
    await ChatService(LLMClient()).reply("hi")


async def scenario_class_level_declaration():
    await Summarizer().summarize("a b")


async def scenario_dataclass_field():
    await Pipeline(LLMClient()).run("a b")


async def scenario_function_return_annotation():
    return await get_client().stream("a b")  # error: AGN200


async def scenario_method_return_annotation():
    service = ChatService(LLMClient())
    async for token in service.client_for("llm").complete("x"):  # error: AGN201
        print(token)


async def scenario_annotated_local_variable():
    client: LLMClient = container.resolve("llm")
    async for token in client.complete("x"):  # error: AGN201
        print(token)


async def export(repo: Repository):
    # `rows` is declared an abstract coroutine: `async for` is wrong for every implementation.
    async for row in repo.rows():  # error: AGN201
        print(row)


async def scenario_abstract_coroutine_declaration():
    await export(SqlRepository())


async def export_annotated_repo_lookup():
    repo: Repository = container.resolve("repo")
    return [r async for r in repo.rows()]  # error: AGN201


async def scenario_abstract_through_variable():
    await export_annotated_repo_lookup()


async def scenario_annotation_gather():
    client: LLMClient = get_client()
    return await asyncio.gather(client.complete("a"), client.stream("b"))  # error: AGN202


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------


async def load(key: str, backend: Backend):
    # `Backend.fetch` is a coroutine but `LiveBackend.fetch` (a project subclass) is an async
    # generator: the annotation does not decide.
    async for item in backend.fetch(key):
        print(item)


async def scenario_ok_subclass_overrides_with_other_kind():
    await load("k", LiveBackend())


class TokenSource(Protocol):
    # A Protocol member declared the recommended way (plain def returning an async iterator).
    def tokens(self, prompt: str) -> AsyncIterator[str]:
        ...


class EventFeed(Protocol):
    # A Protocol stub declared `async def` (AGN103 already says so at the stub); its
    # implementations live outside the project and are async generators.
    async def events(self) -> AsyncIterator[str]:  # error: AGN103
        ...


PLUGINS: Dict[str, object] = {}


def external_source() -> object:
    # Implementations registered by plugins (entry points): outside the project.
    return PLUGINS["source"]()


async def relay(source: TokenSource):
    async for token in source.tokens("a b"):
        print(token)


async def scenario_ok_protocol_implemented_outside():
    await relay(external_source())


async def watch(feed: EventFeed):
    # At run time `events` is whatever the outside implementation is: an async generator here.
    async for event in feed.events():
        print(event)


async def scenario_ok_protocol_stub_implemented_outside():
    await watch(external_source())


class ReplayClient:
    """Duck-typed stand-in (not an LLMClient): replays recorded tokens."""

    async def complete(self, prompt: str):
        yield "replayed"


async def answer_or_replay(prompt: str, client: Optional[LLMClient] = None):
    if client is None:
        # Narrowed to None, then rebound: from here on `client` is a ReplayClient.
        client = ReplayClient()
    async for token in client.complete(prompt):
        print(token)


async def scenario_ok_optional_narrowed_to_none_and_rebound():
    await answer_or_replay("x")


async def answer_union(prompt: str, client: Union[LLMClient, ReplayClient]):
    # A union whose members disagree on `complete`'s kind.
    async for token in client.complete(prompt):
        print(token)


async def scenario_ok_union_members_disagree():
    await answer_union("x", ReplayClient())


class StreamingAdapter:
    def __init__(self, inner: LLMClient) -> None:
        self.inner = inner

    async def complete(self, prompt: str):
        async for token in self.inner.stream(prompt):
            yield token


async def adapt(prompt: str, client: LLMClient):
    # The annotated parameter is rebound to an adapter whose `complete` streams.
    client = StreamingAdapter(client)
    async for token in client.complete(prompt):
        print(token)


async def scenario_ok_parameter_rebound():
    await adapt("a b", LLMClient())


class Recorder:
    client: LLMClient

    def __init__(self) -> None:
        # The class-level declaration is only a declaration: the object assigned here is what
        # `self.client` holds.
        self.client = ReplayClient()

    async def run(self):
        return [t async for t in self.client.complete("x")]


async def scenario_ok_declaration_overridden_by_assignment():
    await Recorder().run()


async def correct_uses(prompt: str, client: LLMClient, repo: Repository):
    print(await client.complete(prompt))
    async for token in client.stream(prompt):
        print(token)
    async with client.session() as session:
        print(await session.complete(prompt))
    print(await repo.rows())
    async for row in repo.stream_rows():
        print(row)


async def scenario_ok_correct_uses():
    await correct_uses("a b", LLMClient(), SqlRepository())


def _handler(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=b"chunk-1 chunk-2")


async def download(client: httpx.AsyncClient, url: str) -> bytes:
    # An annotation naming a class outside the project: httpx's `stream` is an async context
    # manager, used correctly.
    data = b""
    async with client.stream("GET", url) as response:
        async for chunk in response.aiter_bytes():
            data += chunk
    return data


async def scenario_ok_third_party_annotation():
    async with httpx.AsyncClient(transport=httpx.MockTransport(_handler)) as client:
        await download(client, "http://llm.test/v1/stream")


class CachedClient(LLMClient):
    async def complete(self, prompt: str) -> str:
        # `super()` is not followed (and this is correct anyway).
        return await super().complete(prompt)


async def scenario_ok_super_call():
    await CachedClient().complete("x")


async def collect(repo: Repository):
    # The abstract coroutine awaited, the abstract plain def iterated: both correct.
    rows = await repo.rows()
    streamed = [r async for r in repo.stream_rows()]
    return rows + streamed


async def scenario_ok_abstract_used_correctly():
    await collect(SqlRepository())


# A client that makes its sub-clients lazily (mistralai's ``Mistral``): ``__getattr__`` builds
# one and stores it by a computed name.  What the class declares (``chat: "ChatApi"``) still
# says what the attribute holds; an undeclared name stays unknown.
class ChatApi:
    async def complete_async(self, prompt: str) -> Dict[str, str]:
        return {"text": prompt}


class LazySdk:
    chat: "ChatApi"
    _factories = {"chat": ChatApi, "files": ChatApi}

    def __getattr__(self, name: str):
        if name in self._factories:
            instance = self._factories[name]()
            setattr(self, name, instance)
            return instance
        raise AttributeError(name)


async def lazy_sub_clients(sdk: LazySdk):
    reply = sdk.chat.complete_async("hi")
    print(reply["text"])  # error: AGN210
    print((await sdk.chat.complete_async("hi"))["text"])
    # Not declared: made by `__getattr__`, unknown.
    other = sdk.files.complete_async("hi")
    print(other["text"])


# --------------------------------------------------------------------------
# A return annotation the body contradicts (caldav's dual-mode objects)
# --------------------------------------------------------------------------


class CalendarObject:
    def __init__(self, uid: str) -> None:
        self.uid = uid


class DualCalendar:
    """With an async client every method returns a coroutine, whatever its annotation says."""

    def __init__(self, is_async: bool) -> None:
        self.is_async = is_async

    def get_object_by_uid(self, uid: str) -> "CalendarObject":
        if self.is_async:
            return self._async_get_object_by_uid(uid)  # type: ignore[return-value]
        return self._fetch(uid)

    async def _async_get_object_by_uid(self, uid: str) -> "CalendarObject":
        return self._fetch(uid)

    def _fetch(self, uid: str) -> "CalendarObject":
        return CalendarObject(uid)

    def get_todo_by_uid(self, uid: str) -> "CalendarObject":
        return self.get_object_by_uid(uid)

    def get_event_by_uid(self, uid: str) -> "CalendarObject":
        return self._fetch(uid)


async def dual_mode(calendar: DualCalendar) -> None:
    # Trap: the annotation says `CalendarObject`, but a return gives a coroutine (directly, or
    # through the plain method it returns the call of): awaiting is right on that path.
    print(await calendar.get_object_by_uid("a"))  # type: ignore[misc]
    print(await calendar.get_todo_by_uid("a"))  # type: ignore[misc]
    # No return contradicts this one's annotation.
    print(await calendar.get_event_by_uid("a"))  # type: ignore[misc]  # error: AGN208


# --------------------------------------------------------------------------
# A parameter given a default object in the body (aiogram's `Bot(session=None)`)
# --------------------------------------------------------------------------


class Session:
    async def fetch(self, url: str) -> bytes:
        return url.encode()


class DefaultSession(Session):
    pass


class Downloader:
    def __init__(self, session: Optional[Session] = None) -> None:
        if session is None:
            session = DefaultSession()
        self.session = session

    async def size(self, url: str) -> int:
        return len(self.session.fetch(url))  # error: AGN215


class OrDownloader:
    def __init__(self, session: Optional[Session] = None) -> None:
        session = session or DefaultSession()
        self.session = session

    async def head(self, url: str) -> bytes:
        return self.session.fetch(url)[:10]  # error: AGN210


class Store:
    async def get(self, key: str) -> bytes:
        return key.encode()


class MemoryStore(Store):
    def get(self, key: str) -> bytes:  # type: ignore[override]
        return key.encode()


class Cache:
    def __init__(self, store: Optional[Store] = None, nested: bool = False) -> None:
        if store is None:
            store = MemoryStore()  # a plain `get`: which one runs depends on the argument
        self.store = store

    async def size(self, key: str) -> int:
        return len(self.store.get(key))


class NestedDefault:
    def __init__(self, session: Optional[Session] = None, lazy: bool = False) -> None:
        if not lazy:
            if session is None:
                session = DefaultSession()
        self.session = session

    async def size(self, url: str) -> int:
        # Trap: bound in a nested `if`, not in the function's own straight line.
        return len(self.session.fetch(url))


class Rewrapped:
    def __init__(self, session: Optional[Session] = None) -> None:
        if session is None:
            session = DefaultSession()
        session = wrap(session)
        self.session = session

    async def size(self, url: str) -> int:
        # Trap: rebound again after its default.
        return len(self.session.fetch(url))


def wrap(session: Session) -> object:
    return session


# --------------------------------------------------------------------------
# An abstract async generator method declares an async generator
# --------------------------------------------------------------------------


class BaseStreamer(abc.ABC):
    @abc.abstractmethod
    async def chunks(self, url: str) -> AsyncIterator[bytes]:
        yield b""


class HttpStreamer(BaseStreamer):
    async def chunks(self, url: str) -> AsyncIterator[bytes]:
        yield url.encode()


async def read_all(streamer: BaseStreamer) -> bytes:
    return b"".join(await streamer.chunks("u"))  # error: AGN200


class BaseFeed(abc.ABC):
    @abc.abstractmethod
    async def items(self) -> AsyncIterator[int]:
        yield 0


class DelegatingFeed(BaseFeed):
    def items(self) -> AsyncIterator[int]:  # type: ignore[override]
        return self._items()

    async def _items(self) -> AsyncIterator[int]:
        yield 1


async def read_feed(feed: BaseFeed) -> int:
    # Trap: an implementation is a plain `def` returning the iterator: not what the abstract
    # method's kind says of every implementation.
    return len([i async for i in feed.items()])
