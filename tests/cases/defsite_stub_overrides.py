"""Issue 10, shape 2: stubs are judged by their overrides when the project has them.

An abstract / Protocol / `raise NotImplementedError` `async def ... -> AsyncIterator[T]` stub
whose overrides in the project are all coroutines (await-then-iterate APIs) is consistent with
them: no AGN103, and its callers must `await` (the call-site rules check that: `async for` over
`self.m()` is AGN201 once the stub and every override agree). If some override is an async
generator, AGN103 is right (the stub must be `def` for that override to type-check) and the
message names the override that disagrees. Without overrides in the project, today's AGN103 stays.

An `async def ... -> AsyncIterator` default that is not a stub (it raises something else, or does
work) is AGN102 as today: a subclass that keeps the default gives its callers a coroutine.
"""
import abc
import asyncio
from typing import AsyncIterator, List, Protocol


class Event:
    def __init__(self, name: str) -> None:
        self.name = name


class EventStream:
    """An async iterable returned by await-then-iterate APIs."""

    def __init__(self, names: List[str]) -> None:
        self.names = list(names)

    def __aiter__(self) -> "EventStream":
        return self

    async def __anext__(self) -> Event:
        if not self.names:
            raise StopAsyncIteration
        return Event(self.names.pop(0))


# ---------------------------------------------------------------------------
# Positives: some override is an async generator
# ---------------------------------------------------------------------------


class Source(abc.ABC):
    @abc.abstractmethod
    async def events(self) -> AsyncIterator[Event]:  # error: AGN103
        ...


class FileSource(Source):
    async def events(self):
        yield Event("file")


class Channel(abc.ABC):
    # Mixed overrides: the stub must be `def` for the async-generator one (`LiveChannel`).
    @abc.abstractmethod
    async def messages(self) -> AsyncIterator[Event]:  # error: AGN103
        raise NotImplementedError


class ReplayChannel(Channel):
    async def messages(self):
        await asyncio.sleep(0)
        return EventStream(["replay"])


class LiveChannel(Channel):
    async def messages(self):
        yield Event("live")


class Transport:
    async def receive(self) -> AsyncIterator[bytes]:  # error: AGN103
        raise NotImplementedError("transports implement receive()")


class WebSocketTransport(Transport):
    async def receive(self):
        yield b"frame"


class Store(Protocol):
    async def scan(self, prefix: str) -> AsyncIterator[str]:  # error: AGN103
        ...


class MemoryStore(Store):
    async def scan(self, prefix: str):
        for key in ("a", "b"):
            yield prefix + key


class Indexed(MemoryStore):
    # A grandchild override of the same kind.
    async def scan(self, prefix: str):
        yield prefix


class Exporter(abc.ABC):
    # No override in the project: judged alone, as today.
    @abc.abstractmethod
    async def rows(self) -> AsyncIterator[dict]:  # error: AGN103
        ...


class Tool(abc.ABC):
    @abc.abstractmethod
    async def run_stream(self, query: str) -> AsyncIterator[str]:  # error: AGN103
        raise NotImplementedError()


class SearchTool(Tool):
    async def run_stream(self, query: str):
        yield f"results for {query}"


class Model:
    async def stream(self, prompt: str) -> AsyncIterator[str]:  # error: AGN103
        """Subclasses stream tokens."""


class BaseModel(Model):
    # Does not override: the disagreeing override is one level further down.
    pass


class EchoModel(BaseModel):
    async def stream(self, prompt: str):
        for token in prompt.split():
            yield token


class Connector(abc.ABC):
    @classmethod
    @abc.abstractmethod
    async def records(cls, since: int) -> AsyncIterator[dict]:  # error: AGN103
        ...


class PostgresConnector(Connector):
    @classmethod
    async def records(cls, since: int):
        yield {"since": since}


class Scraper(Protocol):
    async def crawl(self, url: str) -> AsyncIterator[str]:  # error: AGN103
        pass


class SitemapScraper(Scraper):
    async def crawl(self, url: str):
        await asyncio.sleep(0)
        return EventStream([url])


class RecursiveScraper(Scraper):
    async def crawl(self, url: str):
        yield url


class Provider:
    async def models(self) -> AsyncIterator[str]:  # error: AGN102
        # A default that only raises an error of its own is not a stub: subclasses that keep it
        # give their callers a coroutine (the one true bug of issue 10's corpus run).
        raise ValueError(f"{type(self).__name__} cannot list models")


class LocalProvider(Provider):
    pass


async def scenario_default_kept_by_subclass():
    async for model in LocalProvider().models():  # error: AGN201
        print(model)


# ---------------------------------------------------------------------------
# Traps: every override is a coroutine (await-then-iterate)
# ---------------------------------------------------------------------------


class ChatModel(abc.ABC):
    @abc.abstractmethod
    async def astream(self, prompt: str) -> AsyncIterator[Event]:
        """Start the request, then return the token stream."""

    async def collect(self, prompt: str) -> List[str]:
        return [e.name async for e in await self.astream(prompt)]

    async def collect_wrong(self, prompt: str) -> List[str]:
        # The stub and every override are coroutines: `async for` needs the `await`. Known
        # silence: `self.m()` on a stub is not followed (its overrides may be in any module).
        return [e.name async for e in self.astream(prompt)]


class OpenAIChat(ChatModel):
    async def astream(self, prompt: str) -> AsyncIterator[Event]:  # error: AGN102
        # Overrides keep the stub's annotation: the implementation itself is AGN102 as today
        # (it is a coroutine annotated as if it were the iterator).
        await asyncio.sleep(0)
        return EventStream(prompt.split())


class AnthropicChat(ChatModel):
    async def astream(self, prompt: str):
        await asyncio.sleep(0)
        return EventStream(prompt.split())


class Subscription(Protocol):
    async def subscribe(self, topic: str) -> AsyncIterator[Event]:
        ...


class KafkaSubscription(Subscription):
    async def subscribe(self, topic: str):
        await asyncio.sleep(0)  # joins the consumer group first
        return EventStream([topic])


class Paginator:
    async def pages(self) -> AsyncIterator[list]:
        raise NotImplementedError


class RestPaginator(Paginator):
    async def pages(self):
        return EventStream(["p1", "p2"])


class GraphQLPaginator(Paginator):
    async def pages(self):
        return EventStream(["g1"])


async def silent_collect_wrong():  # fails at run time; not followed (see collect_wrong)
    await OpenAIChat().collect_wrong("a b")


async def scenario_ok_collect():
    assert await OpenAIChat().collect("a b") == ["a", "b"]
    assert await AnthropicChat().collect("c") == ["c"]


async def scenario_ok_subscription():
    async for event in await KafkaSubscription().subscribe("orders"):
        print(event.name)


async def scenario_ok_paginators():
    for paginator in (RestPaginator(), GraphQLPaginator()):
        async for page in await paginator.pages():
            print(page)


async def scenario_ok_async_generator_overrides():
    async for event in FileSource().events():
        print(event.name)
    async for key in Indexed().scan("x"):
        print(key)
    async for frame in WebSocketTransport().receive():
        print(frame)


async def scenario_stub_and_overrides_agree_direct_subclass_call():
    async for page in RestPaginator().pages():  # error: AGN201
        print(page)


class Crawler:
    def __init__(self) -> None:
        self.paginator = GraphQLPaginator()

    async def run(self):
        return [p async for p in self.paginator.pages()]  # error: AGN201


async def scenario_stub_and_overrides_agree_attribute_call():
    await Crawler().run()


class Feed(Paginator):
    async def pages(self):
        return EventStream(["f1"])

    async def first(self):
        async for page in self.pages():  # error: AGN201
            return page


async def scenario_stub_and_overrides_agree_self_call():
    await Feed().first()


async def scenario_ok_more_async_generator_overrides():
    async for result in SearchTool().run_stream("q"):
        print(result)
    async for token in EchoModel().stream("a b"):
        print(token)
    async for record in PostgresConnector.records(0):
        print(record)
    async for url in RecursiveScraper().crawl("/"):
        print(url)
    async for url in await SitemapScraper().crawl("/"):
        print(url)


class Sink(abc.ABC):
    # Declared the recommended way: a plain def.
    @abc.abstractmethod
    def drain(self) -> AsyncIterator[Event]:
        ...


class QueueSink(Sink):
    async def drain(self):
        yield Event("q")


async def scenario_ok_plain_def_stub():
    async for event in QueueSink().drain():
        print(event.name)
