"""A parameter annotated as a callable returning a coroutine (``Callable[..., Coroutine[...]]``)
or an async iterator (``Callable[..., AsyncIterator[...]]``): calling it gives one, also
through the attribute the constructor stores it in.  ``AsyncIterable`` results say too little
(paginators that are awaitable and async-iterable both), so they are not judged.  An
``Awaitable`` result is a coroutine, a task or a future: only what none of them supports is
judged (a truth test, an operator, ``[...]``, ``len()``), not a discarded call, an attribute
read (``.result()``) or iteration (a future is iterable).  Aliases are followed
(``Authorizer = Callable[..., Awaitable[bool]]``, also ``: TypeAlias``), and so are the items
of a container declared to hold such callables (``dict[str, Callable[..., Awaitable[str]]]``)."""
from typing import (
    Any, AsyncIterable, AsyncIterator, Awaitable, Callable, Coroutine, Dict, List, Optional,
)

from typing_extensions import TypeAlias

Authorizer: TypeAlias = Callable[[Any], Awaitable[bool]]
Counter = Callable[[], Awaitable[int]]
Handler = Callable[[str], Coroutine[Any, Any, str]]
MaybeSync = Callable[[Any], "bool | Awaitable[bool]"]


class Agent:
    def __init__(
        self,
        complete: Callable[[str], Coroutine[Any, Any, str]],
        stream: Callable[[str], AsyncIterator[str]],
        pages: Callable[[], AsyncIterable[str]],
        notify: Callable[[str], Awaitable[None]],
        fallback: Optional[Callable[[str], Coroutine[Any, Any, str]]] = None,
    ) -> None:
        self.complete = complete
        self.stream = stream
        self.pages = pages
        self.notify = notify
        self.fallback = fallback

    async def wrong(self, prompt: str) -> None:
        async for token in self.complete(prompt):  # error: AGN201
            print(token)
        print(await self.stream(prompt))  # error: AGN200
        self.complete(prompt)  # error: AGN211
        print(self.complete(prompt).upper())  # error: AGN210

    async def right(self, prompt: str) -> None:
        print(await self.complete(prompt))
        async for token in self.stream(prompt):
            print(token)
        # Awaitable and async-iterable results: not judged.
        self.notify(prompt)
        print(await self.pages())
        if self.fallback is not None:
            print(await self.fallback(prompt))


async def run(handler: Callable[..., Coroutine[Any, Any, list]], rows: Callable[[], AsyncIterator[int]]) -> None:
    for item in handler():  # error: AGN213
        print(item)
    for row in rows():  # error: AGN203
        print(row)
    for item in await handler():
        print(item)


class Tools:
    # Fields declared in the class body (a dataclass, a pydantic model).
    search: Callable[[str], Coroutine[Any, Any, list]]
    feed: Callable[[], AsyncIterator[str]]
    notify: Callable[[str], Awaitable[None]]

    def __init__(self, search, feed, notify) -> None:
        self.search = search
        self.feed = feed
        self.notify = notify

    async def use(self) -> None:
        for hit in self.search("q"):  # error: AGN213
            print(hit)
        await self.feed()  # error: AGN200
        self.notify("done")
        print(await self.search("q"))
        async for item in self.feed():
            print(item)


# Awaitable results: a coroutine, a task or a future.


class Gate:
    def __init__(self, check: Authorizer, count: Counter, handle: Handler) -> None:
        self.check = check
        self.count = count
        self.handle = handle

    async def wrong(self, user: Any) -> int:
        if not self.check(user):  # error: AGN214
            return 0
        allowed = bool(self.check(user))  # error: AGN214
        total = self.count() + 1  # error: AGN215
        first = self.count()[0]  # error: AGN210
        self.handle("x")  # error: AGN211
        return total + first + allowed

    async def right(self, user: Any) -> int:
        if not await self.check(user):
            return 0
        pending = self.count()
        # Traps: a task or a future has attributes, is iterable, and may be scheduled
        # without being awaited here.
        print(getattr(pending, "done", None))
        self.check(user)
        return await pending + 1


def allowed(check: Optional[Authorizer], user: Any) -> bool:
    return bool(check is not None and check(user))  # error: AGN214


def either(check: MaybeSync, user: Any) -> bool:
    # Trap: the result may be a plain bool.
    return bool(check(user))


def rebound(check: Authorizer, user: Any) -> bool:
    # Trap: a name bound twice: what it holds at the call is not known.
    check = _sync_check
    return bool(check(user))


def _sync_check(user: Any) -> bool:
    return user is not None


class Router:
    def __init__(self) -> None:
        self.routes: Dict[str, Callable[[str], Awaitable[str]]] = {}
        self.hooks: List[Handler] = []
        self.plain: Dict[str, Callable[[str], str]] = {}

    def route(self, path: str) -> Callable[[str], Awaitable[str]]:
        return self.routes[path]

    async def via_route(self, path: str, body: str) -> str:
        reply = self.route(path)(body)
        ok = await self.route(path)(body)
        return ok + reply[0]  # error: AGN210

    async def dispatch(self, path: str, body: str) -> int:
        reply = self.routes[path](body)
        for hook in self.hooks:
            hook(body)  # error: AGN211
        if self.routes["ping"](body):  # error: AGN214
            return 0
        return len(reply)  # error: AGN215

    async def dispatch_right(self, path: str, body: str) -> int:
        # Traps: awaited; a plain callable's result; an Awaitable handed on, not judged.
        reply = await self.routes[path](body)
        for hook in self.hooks:
            await hook(body)
        pending = [self.routes[p](body) for p in self.routes]
        first = self.routes[path](body)
        print(first.result() if hasattr(first, "result") else None)  # type: ignore[attr-defined]
        return len(reply) + len(self.plain[path](body)) + len(pending)
