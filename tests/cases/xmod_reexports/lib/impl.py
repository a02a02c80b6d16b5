"""Where the callees are really defined."""
from contextlib import asynccontextmanager


async def complete(prompt):
    return prompt


async def stream(prompt):
    for word in prompt.split():
        yield word


@asynccontextmanager
async def session(name):
    yield name


def collecting(agen_function):
    """Turns an async generator function into a coroutine function returning a list."""

    async def wrapper(*args):
        return [item async for item in agen_function(*args)]

    return wrapper
