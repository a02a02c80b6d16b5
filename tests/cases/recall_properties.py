"""Issue 9, shape 6: properties.

Reading a `@property` (or `functools.cached_property`) attribute calls its getter: an `async def`
getter without `yield` gives a coroutine on every access, one with `yield` an async generator, and
a plain getter gives what it returns. `@property` must not hide a getter from the definition
rules (AGN102 / AGN103). Assignment goes to the setter and calls no getter.
"""
import abc
import asyncio
import functools
from typing import AsyncIterator, List, Optional


class Message:
    def __init__(self, text: str) -> None:
        self.text = text


class LLMClient:
    async def complete(self, prompt: str) -> str:
        return prompt

    async def stream(self, prompt: str):
        yield prompt


class Conversation:
    """A chat-SDK object whose attributes are computed asynchronously."""

    def __init__(self, conversation_id: str) -> None:
        self.id = conversation_id
        self._client = LLMClient()
        self.polled = False

    @property
    async def messages(self) -> List[Message]:
        await asyncio.sleep(0)
        return [Message("hi")]

    @property
    async def updates(self):
        yield Message("typing")

    @property
    def live(self):
        # A plain getter returning an async generator.
        return self._updates()

    async def _updates(self):
        yield Message("live")

    @property
    def pending(self):
        # A plain getter returning a coroutine.
        return self._fetch_pending()

    async def _fetch_pending(self) -> List[Message]:
        return []

    @functools.cached_property
    async def participants(self) -> List[str]:
        return ["ada"]

    @functools.cached_property
    async def history(self):
        yield Message("old")

    @property
    def client(self) -> LLMClient:
        return self._client

    @property
    async def heartbeat(self):
        self.polled = True
        yield "beat"

    @property
    async def summary(self) -> AsyncIterator[str]:  # error: AGN102
        # No `yield`: the getter gives a coroutine, whatever the annotation says.
        return self._updates()  # error: AGN101

    async def render(self):
        async for message in self.messages:  # error: AGN201
            print(message.text)

    async def first_update(self):
        # Silent: the subclass Snapshot replaces `updates` with a list, so what `self.updates`
        # is depends on the instance (the class and its overrides must agree).
        return await self.updates

    async def poll(self):
        self.heartbeat  # error: AGN207
        assert self.polled, "the heartbeat never ran"


class Channel(abc.ABC):
    @property
    @abc.abstractmethod
    async def events(self) -> AsyncIterator[Message]:  # error: AGN103
        ...


convo = Conversation("c1")


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def scenario_coroutine_getter_iterated_in_class():
    await Conversation("c").render()


async def silent_agen_getter_awaited_in_class():
    # Fails at run time on a Conversation, but the engine stays silent by design (see
    # first_update); not a scenario the verifier runs.
    await Conversation("c").first_update()


async def scenario_coroutine_getter_iterated():
    async for message in Conversation("c").messages:  # error: AGN201
        print(message)


async def scenario_agen_getter_awaited_module_instance():
    return await convo.updates  # error: AGN200


async def scenario_agen_getter_for_loop():
    for update in convo.updates:  # error: AGN203
        print(update)


async def scenario_agen_getter_list():
    return list(Conversation("c").updates)  # error: AGN203


async def scenario_plain_getter_returning_agen_awaited():
    return await convo.live  # error: AGN200


async def scenario_plain_getter_returning_coroutine_iterated():
    async for message in convo.pending:  # error: AGN201
        print(message)


async def scenario_cached_property_coroutine_iterated():
    async for name in Conversation("c").participants:  # error: AGN201
        print(name)


async def scenario_cached_property_agen_awaited():
    return await Conversation("c").history  # error: AGN200


async def scenario_agen_getter_to_create_task():
    return asyncio.create_task(convo.updates)  # error: AGN202


async def scenario_coroutine_getter_async_with():
    async with Conversation("c").messages as messages:  # error: AGN205
        print(messages)


async def scenario_agen_getter_async_with():
    async with Conversation("c").updates as update:  # error: AGN204
        print(update)


async def scenario_property_returning_client_chain():
    async for token in Conversation("c").client.complete("x"):  # error: AGN201
        print(token)


async def scenario_agen_getter_discarded():
    await Conversation("c").poll()


async def scenario_agen_getter_sorted_local():
    conversation = Conversation("c")
    return sorted(conversation.updates)  # error: AGN203


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------


class Feed:
    def __init__(self) -> None:
        self._source = None

    @property
    def source(self):
        return self._source

    @source.setter
    def source(self, value) -> None:
        # A setter: assignment calls this, not the getter.
        self._source = value

    @property
    async def size(self) -> int:
        return 3

    @size.setter
    def size(self, value: int) -> None:
        pass


async def scenario_ok_property_setter():
    feed = Feed()
    # Assigning an async generator through the setter, then iterating what the getter returns.
    feed.source = Conversation("c")._updates()
    async for message in feed.source:
        print(message)
    feed.size = 10
    print(await feed.size)


class BaseTranscript:
    @property
    async def lines(self) -> List[str]:
        return ["a"]

    async def dump(self):
        # A project subclass overrides the property with an async-generator getter.
        if isinstance(self, LiveTranscript):
            return [line async for line in self.lines]
        return await self.lines


class LiveTranscript(BaseTranscript):
    @property
    async def lines(self):
        yield "live"


async def scenario_ok_subclass_overrides_property_kind():
    await LiveTranscript().dump()


async def scenario_ok_correct_uses():
    conversation = Conversation("c")
    print(await conversation.messages)
    async for update in conversation.updates:
        print(update)
    async for update in conversation.live:
        print(update)
    print(await conversation.pending)
    print(await conversation.participants)
    async for message in conversation.history:
        print(message)
    print(await conversation.client.complete("x"))


class Lazy:
    """A non-property descriptor (unknown to the checker): access does not call an async getter."""

    def __init__(self, fn) -> None:
        self.fn = fn

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return [self.fn.__name__]


class Settings:
    @Lazy
    async def hosts(self):
        return ["a"]

    @property
    def optional_stream(self) -> Optional[AsyncIterator[str]]:
        return None


async def scenario_ok_unknown_descriptor():
    # `Lazy` replaces the coroutine: `hosts` is a list.
    for host in Settings().hosts:
        print(host)


async def scenario_ok_optional_property_narrowed_to_none():
    stream = Settings().optional_stream
    if stream is None:
        return []
    return [s async for s in stream]


class Awaitable:
    def __await__(self):
        return iter([])


class Job:
    @property
    def done(self) -> Awaitable:
        # A plain getter returning an awaitable object.
        return Awaitable()


async def scenario_ok_property_returning_awaitable():
    await Job().done


async def scenario_ok_property_object_on_class():
    # On the class, a property is the property object: nothing is called.
    prop = Conversation.updates
    return prop.fget is not None


class Concrete(Channel):
    @property
    async def events(self):
        yield Message("e")


async def scenario_ok_abstract_property_implemented():
    async for event in Concrete().events:
        print(event)


class Recorder:
    def __init__(self) -> None:
        self._stream = Conversation("c")._updates()

    @property
    def stream(self):
        # A plain getter returning a stored value: what it holds is not followed.
        return self._stream


async def scenario_ok_getter_returning_stored_generator():
    async for update in Recorder().stream:
        print(update)


async def scenario_ok_async_generator_getter_protocol_methods():
    # anext / asend / aclose / aclosing on what an async-generator getter gives.
    conversation = Conversation("c")
    print(await anext(conversation.updates))
    updates = conversation.updates
    print(await updates.asend(None))
    await updates.aclose()
    from contextlib import aclosing

    async with aclosing(conversation.updates) as live:
        async for update in live:
            print(update)


class Inbox:
    def __init__(self) -> None:
        # Same name as Conversation.messages, but a plain list attribute on another class.
        self.messages = [Message("x")]


async def scenario_ok_same_name_plain_attribute():
    for message in Inbox().messages:
        print(message.text)


class Snapshot(Conversation):
    # A subclass replaces the property with a class attribute (a plain list).
    updates = [Message("frozen")]


async def scenario_ok_property_replaced_by_class_attribute():
    for update in Snapshot("s").updates:
        print(update)


class Totals:
    @functools.cached_property
    def counts(self) -> List[int]:
        # A sync cached_property: a list.
        return [1, 2]

    @property
    def label(self) -> str:
        return "totals"

    @label.deleter
    def label(self) -> None:
        pass


async def scenario_ok_sync_cached_property_and_deleter():
    totals = Totals()
    print(sum(totals.counts), totals.label)
    del totals.label


async def scenario_ok_getattr_on_property():
    # getattr with a literal name: the getter runs, the coroutine is awaited.
    print(await getattr(Conversation("c"), "messages"))


# ---------------------------------------------------------------------------
# Reading an async property used as a value: an operand, a condition, `len()`, the object of
# `.attr` or `[key]`, through an annotated parameter or an attribute set in `__init__`.
# ---------------------------------------------------------------------------
class Wallet:
    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.limit = 100

    @property
    async def balance(self) -> int:
        await asyncio.sleep(0)
        return 42

    @property
    async def profile(self) -> dict:
        await asyncio.sleep(0)
        return {"owner": self.owner}

    @property
    def currency(self) -> str:
        return "EUR"


class Payments:
    def __init__(self, wallet: Wallet) -> None:
        self.wallet = wallet

    async def can_spend(self, amount: int) -> bool:
        return self.wallet.balance >= amount  # error: AGN215

    async def owner_name(self) -> str:
        return self.wallet.profile["owner"]  # error: AGN210

    async def owner_of(self, wallet: Wallet) -> object:
        return wallet.profile.get("owner")  # error: AGN210

    async def has_funds(self, wallet: Wallet) -> bool:
        if wallet.balance:  # error: AGN214
            return True
        return len(wallet.profile) > 0  # error: AGN215

    async def can_spend_correctly(self, amount: int) -> bool:
        return await self.wallet.balance >= amount and (await self.wallet.profile)["owner"] != ""

    # Traps: a plain getter, a plain attribute, the property on the class, private names.
    async def plain_reads(self, wallet: Wallet) -> object:
        if wallet.currency and wallet.limit > 10:
            return wallet.currency.lower(), len(wallet.currency), wallet.limit + 1
        return Wallet.balance, Wallet.profile.fget

    async def private_read(self) -> bool:
        return self.wallet._private > 0  # type: ignore[attr-defined]


class Meter:
    @property
    async def reading(self) -> int:
        await asyncio.sleep(0)
        return 3


class FixedMeter(Meter):
    """Trap: a subclass whose `reading` is a plain attribute, so a `Meter` parameter may hold
    an object whose `reading` is a number."""

    reading = 7  # type: ignore[assignment]


async def compare_readings(first: Meter, second: FixedMeter) -> bool:
    return first.reading > 3 and second.reading > 3


class Ledger:
    def __init__(self) -> None:
        self._task: Optional["asyncio.Task[int]"] = None

    @functools.cached_property
    def entries(self) -> list:
        return [1, 2]

    @property
    def pending(self) -> "Optional[asyncio.Task[int]]":
        return self._task


async def read_ledger(ledger: Ledger) -> object:
    entries = await ledger.entries  # error: AGN208
    # Trap: a getter returning a task, awaitable.
    done = await ledger.pending  # type: ignore[misc]
    return entries, done, len(ledger.entries)
