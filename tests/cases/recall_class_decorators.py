"""Issue 9, shape 4: unknown class decorators do not hide instance attributes.

An unknown decorator on a class (`@register("chat")`, `@functools.total_ordering`, a framework's
`@controller(...)`) may wrap or replace the class's own methods, so `self.m()` of that class stays
unknown. But `self.h = Handler()` in its `__init__` still binds `self.h` to a `Handler`, so
`self.h.on()` inside the class is a `Handler.on()` call. It stays unknown when `Handler` itself is
decorated by an unknown decorator or built by a metaclass that rewrites methods.
"""
import asyncio
import functools
import inspect
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Callable, Dict, List, final

import attr
import attrs
from plugin_host import configure, install  # not installed here: not known

REGISTRY: Dict[str, type] = {}


def register(name: str) -> Callable[[type], type]:
    """A plugin registry decorator (project code, not declared transparent)."""

    def deco(cls: type) -> type:
        REGISTRY[name] = cls
        return cls

    return deco


def traced(cls: type) -> type:
    """Wraps every coroutine method with logging: kinds of methods of `cls` may change."""
    for name, member in list(vars(cls).items()):
        if inspect.iscoroutinefunction(member):
            setattr(cls, name, _trace(member))
    return cls


def _trace(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        return await fn(*args, **kwargs)

    return wrapper


def streaming_endpoints(*names: str) -> Callable[[type], type]:
    """Turns the named coroutine methods (returning lists) into async generators."""

    def deco(cls: type) -> type:
        for name in names:
            setattr(cls, name, _as_stream(vars(cls)[name]))
        return cls

    return deco


def _as_stream(fn):
    async def stream(*args, **kwargs):
        for item in await fn(*args, **kwargs):
            yield item

    return stream


class StreamingMeta(type):
    """A metaclass that rewrites coroutine methods into async generators."""

    def __new__(mcs, name, bases, namespace):
        for key, value in list(namespace.items()):
            if inspect.iscoroutinefunction(value) and not key.startswith("_"):
                namespace[key] = _as_stream(value)
        return super().__new__(mcs, name, bases, namespace)


class LLMClient:
    def __init__(self) -> None:
        self.streamed = False

    async def complete(self, prompt: str) -> str:
        return prompt.upper()

    async def stream(self, prompt: str):
        self.streamed = True
        for token in prompt.split():
            yield token

    @asynccontextmanager
    async def session(self):
        yield self


class EventHandler:
    async def on(self, event: str) -> None:
        await asyncio.sleep(0)

    async def events(self):
        yield "connected"


@register("chat")
class ChatBot:
    def __init__(self) -> None:
        self.llm = LLMClient()
        self.handler = EventHandler()

    async def reply(self, prompt: str):
        async for token in self.llm.complete(prompt):  # error: AGN201
            print(token)

    async def reply_stream(self, prompt: str):
        return await self.llm.stream(prompt)  # error: AGN200

    async def listen(self):
        async for event in self.handler.on("message"):  # error: AGN201
            print(event)

    async def handshake(self):
        return [e for e in self.handler.events()]  # error: AGN203

    async def open(self):
        return await self.llm.session()  # error: AGN206

    async def fire_and_forget(self, prompt: str):
        asyncio.ensure_future(self.llm.stream(prompt))  # error: AGN202

    async def prime(self, prompt: str):
        self.llm.stream(prompt)  # error: AGN207
        assert self.llm.streamed, "the stream never ran"

    async def context(self, prompt: str):
        async with self.llm.complete(prompt) as text:  # error: AGN205
            return text


@functools.total_ordering
class Job:
    def __init__(self, priority: int) -> None:
        self.priority = priority
        self.client = LLMClient()

    def __lt__(self, other: "Job") -> bool:
        return self.priority < other.priority

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Job) and self.priority == other.priority

    async def run(self):
        async for token in self.client.complete("job"):  # error: AGN201
            print(token)


@final
@register("summarizer")
@traced
class Summarizer:
    def __init__(self) -> None:
        self.client = LLMClient()

    async def summarize(self, text: str):
        return await self.client.stream(text)  # error: AGN200

    async def chunks(self, text: str):
        return list(self.client.stream(text))  # error: AGN203


@register("ingest")
@dataclass
class Ingestor:
    name: str
    handlers: List[EventHandler] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.primary = EventHandler()

    async def start(self):
        await self.primary.events()  # error: AGN200


@register("router")
class Router:
    def __init__(self, use_stream: bool = True) -> None:
        # Conditional, but both arms build the same class.
        self.llm = LLMClient() if use_stream else LLMClient()

    async def route(self, prompt: str):
        async for token in self.llm.complete(prompt):  # error: AGN201
            print(token)


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def scenario_registered_class_coroutine_iterated():
    await ChatBot().reply("hello world")


async def scenario_registered_class_agen_awaited():
    await ChatBot().reply_stream("hello world")


async def scenario_registered_class_handler_coroutine_iterated():
    await ChatBot().listen()


async def scenario_registered_class_handler_agen_listed():
    await ChatBot().handshake()


async def scenario_registered_class_acm_awaited():
    await ChatBot().open()


async def scenario_registered_class_agen_to_ensure_future():
    await ChatBot().fire_and_forget("x")


async def scenario_registered_class_agen_discarded():
    await ChatBot().prime("x")


async def scenario_registered_class_coroutine_in_async_with():
    await ChatBot().context("x")


async def scenario_total_ordering_class():
    await Job(1).run()


async def scenario_stacked_decorators_await():
    await Summarizer().summarize("a b")


async def scenario_stacked_decorators_list():
    await Summarizer().chunks("a b")


async def scenario_dataclass_post_init_attribute():
    await Ingestor("x").start()


async def scenario_registered_conditional_same_class():
    await Router().route("x")


class WebRouter:
    """A web framework's router object: `@web.endpoint(...)` is an unknown class decorator."""

    def __init__(self) -> None:
        self.routes: Dict[str, type] = {}

    def endpoint(self, path: str) -> Callable[[type], type]:
        def deco(cls: type) -> type:
            self.routes[path] = cls
            return cls

        return deco


web = WebRouter()


@web.endpoint("/ws/chat")
class ChatEndpoint:
    def __init__(self) -> None:
        self.llm = LLMClient()
        self.events = EventHandler()

    async def on_connect(self):
        async with self.events.events() as first:  # error: AGN204
            return first

    async def on_message(self, text: str):
        async def relay():
            # A closure over `self` inside a method: still `self.llm`.
            return await self.llm.stream(text)  # error: AGN200

        return await relay()

    async def broadcast(self, text: str):
        return await asyncio.gather(self.llm.complete(text), self.events.events())  # error: AGN202


async def scenario_router_endpoint_async_with_agen():
    await ChatEndpoint().on_connect()


async def scenario_router_endpoint_closure_over_self():
    await ChatEndpoint().on_message("a b")


async def scenario_router_endpoint_gather_agen():
    await ChatEndpoint().broadcast("a b")


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------


@streaming_endpoints("list_users")
class UserApi:
    async def list_users(self) -> List[str]:
        return ["ada", "alan"]

    async def export(self):
        # `self.list_users` was rewritten by the class decorator into an async generator.
        return [u async for u in self.list_users()]


async def scenario_ok_self_method_of_decorated_class():
    await UserApi().export()


@streaming_endpoints("events")
class StreamingHandler:
    async def events(self):
        return ["connected", "ready"]


class Gateway:
    def __init__(self) -> None:
        # The attribute's own class is decorated by an unknown decorator: its methods are unknown.
        self.handler = StreamingHandler()

    async def run(self):
        async for event in self.handler.events():
            print(event)


async def scenario_ok_attribute_class_decorated():
    await Gateway().run()


class MetaHandler(metaclass=StreamingMeta):
    async def events(self):
        return ["a", "b"]


class MetaGateway:
    def __init__(self) -> None:
        # A metaclass rewrites `events` into an async generator.
        self.handler = MetaHandler()

    async def run(self):
        async for event in self.handler.events():
            print(event)


async def scenario_ok_metaclass_rewrites_methods():
    await MetaGateway().run()


class LiveHandler:
    async def on(self, event: str):
        yield event


@register("switch")
class Switchboard:
    def __init__(self) -> None:
        self.handler = EventHandler()

    def use(self, handler) -> None:
        # Rebound from outside: `self.handler` is not only an EventHandler.
        self.handler = handler

    async def dispatch(self):
        async for ack in self.handler.on("ping"):
            print(ack)


async def scenario_ok_attribute_rebound_by_setter_method():
    board = Switchboard()
    board.use(LiveHandler())
    await board.dispatch()


@register("chat2")
class TracedBot:
    def __init__(self) -> None:
        self.llm = LLMClient()

    async def correct(self, prompt: str):
        # Correct uses through the attribute of a decorated class.
        print(await self.llm.complete(prompt))
        async for token in self.llm.stream(prompt):
            print(token)
        async with self.llm.session() as session:
            print(await session.complete(prompt))


async def scenario_ok_correct_uses():
    await TracedBot().correct("a b")


@traced
class Base:
    async def load(self):
        return [1]


class Child(Base):
    async def load(self):
        # `super()` is not followed; and `Base.load` was wrapped by `@traced` anyway.
        return await super().load()


async def scenario_ok_super_through_decorated_base():
    await Child().load()


class Meta(type):
    """A metaclass that injects an attribute onto instances after __init__."""

    def __call__(cls, *args, **kwargs):
        obj = super().__call__(*args, **kwargs)
        obj.listener = LiveHandler()
        return obj


class Injected(metaclass=Meta):
    def __init__(self) -> None:
        self.listener = EventHandler()

    async def run(self):
        # The metaclass replaces `self.listener` after __init__: unknown.
        async for ack in self.listener.on("x"):
            print(ack)


async def scenario_ok_metaclass_replaces_attribute():
    await Injected().run()


class StreamingLLM:
    async def complete(self, prompt: str):
        yield prompt


@register("injectable")
class Assistant:
    def __init__(self, llm=None) -> None:
        # `llm or LLMClient()`: the injected value wins when given: unknown.
        self.llm = llm or LLMClient()

    async def answer(self, prompt: str):
        return [t async for t in self.llm.complete(prompt)]


async def scenario_ok_injected_or_default():
    await Assistant(StreamingLLM()).answer("x")


@register("lifecycle")
class Lifecycle:
    def __init__(self) -> None:
        self.llm = LLMClient()

    async def __aenter__(self) -> "Lifecycle":
        # Rebound to another class on entry: two classes, unknown.
        self.llm = StreamingLLM()
        return self

    async def __aexit__(self, *exc) -> None:
        pass

    async def run(self):
        async for token in self.llm.complete("x"):
            print(token)


async def scenario_ok_rebound_in_aenter():
    async with Lifecycle() as life:
        await life.run()


@register("bulk")
class BulkConfigured:
    def __init__(self, **overrides) -> None:
        self.llm = LLMClient()
        # Attributes replaced in bulk through __dict__: unknown.
        self.__dict__.update(overrides)

    async def run(self):
        async for token in self.llm.complete("x"):
            print(token)


async def scenario_ok_dict_update():
    await BulkConfigured(llm=StreamingLLM()).run()


# attrs' class decorators build `__init__` and dunders from the annotated fields and keep the
# class's methods (read by name, whether or not the installed package can be followed).
class SearchClient:
    async def search(self, q: str) -> List[str]:
        await asyncio.sleep(0)
        return [q]


@attrs.define
class Indexer:
    client: SearchClient
    batch: int = 100

    async def ids(self, q: str) -> List[str]:
        return [hit for hit in self.client.search(q)]  # error: AGN213

    async def ids_correctly(self, q: str) -> List[str]:
        return [hit for hit in await self.client.search(q)]


@attrs.frozen
class QueryPlan:
    client: SearchClient

    async def first(self, q: str) -> str:
        return self.client.search(q)[0]  # error: AGN210


@attr.s(auto_attribs=True)
class LegacyIndexer:
    client: SearchClient

    def count(self, q: str) -> int:
        return len(self.client.search(q))  # error: AGN215


def rewrap(cls: type) -> type:
    """A project decorator wrapping every method: what they give is not known."""
    for name, member in list(vars(cls).items()):
        if inspect.iscoroutinefunction(member):
            setattr(cls, name, functools.partial(member))
    return cls


@rewrap
@attrs.define
class WrappedClient:
    async def search(self, q: str) -> List[str]:
        return [q]


@attrs.define
class WrappedIndexer:
    client: WrappedClient

    async def ids(self, q: str) -> List[str]:
        # Trap: the client's class is rewrapped by an unknown decorator.
        return [hit for hit in self.client.search(q)]


# --------------------------------------------------------------------------
# Registries: a decorator factory that stores the class and gives it back
# --------------------------------------------------------------------------


class ConverterFactory:
    """aiperf's factory: `@ConverterFactory.register(key)` stores the class in a registry each
    subclass gets from `__init_subclass__` (a private datum: no member is replaced)."""

    _registry: Dict[str, type]

    def __init_subclass__(cls) -> None:
        cls._registry = {}

    @classmethod
    def register(cls, key: str) -> Callable[[type], type]:
        def decorator(klass: type) -> type:
            cls._registry[key] = klass
            return klass

        return decorator


class ChatConverterFactory(ConverterFactory):
    pass


@ChatConverterFactory.register("chat")
class ChatConverter:
    async def format_payload(self, turn: str) -> dict:
        return await self._create_message(turn)  # error: AGN208

    def _create_message(self, turn: str) -> dict:
        return {"role": "user", "content": turn}


HOOKS: List[type] = []


def hooked(klass: type) -> type:
    """Appends the class to a list: a registry too."""
    HOOKS.append(klass)
    return klass


@hooked
class Listed:
    async def run(self) -> dict:
        return await self._listed()  # error: AGN208

    def _listed(self) -> dict:
        return {}


def handed_on(key: str) -> Callable[[type], type]:
    def decorator(klass: type) -> type:
        install(klass)  # handed to a function that may change it
        return klass

    return decorator


@handed_on("x")
class HandedOn:
    async def run(self) -> dict:
        # Trap: the decorator hands the class to a function not known, which may rewrite
        # `_handed`.
        return await self._handed()

    def _handed(self) -> dict:
        return {}


class PatchingFactory:
    def __init_subclass__(cls) -> None:
        cls.payload = cls._async_payload  # a public member replaced

    async def _async_payload(self) -> dict:
        return {}


class Patched(PatchingFactory):
    async def run(self) -> dict:
        # Trap: `__init_subclass__` replaces `payload` on every subclass.
        return await self.payload()

    def payload(self) -> dict:
        return {}


# --------------------------------------------------------------------------
# A configured attrs decorator bound to a name (fbchat's `attrs_default`)
# --------------------------------------------------------------------------

attrs_default = attr.s(slots=True, kw_only=True, auto_attribs=True)
configured = configure(slots=True)


class Thread:
    async def _forced_fetch(self, message_id: str) -> Dict[str, str]:
        return {"message": message_id}


@attrs_default
class MessageRef:
    thread: Thread
    id: str

    async def fetch(self) -> str:
        return await self.thread._forced_fetch(self.id).get("message")  # error: AGN210


@configured
class ConfiguredRef:
    thread: Thread
    id: str

    async def fetch(self) -> str:
        # Trap: `configure(...)` is not known: it may rewrite the class.
        return await self.thread._forced_fetch(self.id).get("message")
