"""A parameter annotated as a callable returning a coroutine (``Callable[..., Coroutine[...]]``)
or an async iterator (``Callable[..., AsyncIterator[...]]``): calling it gives one, also
through the attribute the constructor stores it in.  ``Awaitable`` and ``AsyncIterable``
results say too little (tasks, futures, paginators that are awaitable and async-iterable
both), so they are not judged."""
from typing import Any, AsyncIterable, AsyncIterator, Awaitable, Callable, Coroutine, Optional


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
