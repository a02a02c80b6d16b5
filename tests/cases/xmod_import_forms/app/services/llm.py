"""Callees of every kind, defined once and used (correctly or not) from other modules."""
import contextlib
from contextlib import asynccontextmanager


async def complete(prompt):
    """Coroutine function."""
    return prompt.upper()


async def stream(prompt):
    """Async generator function."""
    for word in prompt.split():
        yield word


@asynccontextmanager
async def session(name):
    """Async context manager factory."""
    yield name


def make_stream(prompt):
    """Plain `def` returning an async generator: callers get an async generator."""
    return stream(prompt)


class Pages:
    """An async iterable that is not an async generator."""

    def __init__(self, items):
        self._items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self._items:
            raise StopAsyncIteration
        return self._items.pop(0)


async def fetch_pages():
    """Coroutine returning an async iterable: `async for p in await fetch_pages()`."""
    return Pages(["p1", "p2"])


class LLMService:
    async def generate(self, prompt):
        """Coroutine method."""
        return prompt

    async def stream_tokens(self, prompt):
        """Async generator method."""
        for ch in prompt:
            yield ch

    @contextlib.asynccontextmanager
    async def connect(self):
        """Async context manager method."""
        yield self

    def tokens(self, prompt):
        """Plain method returning an async generator."""
        return self.stream_tokens(prompt)


svc = LLMService()
