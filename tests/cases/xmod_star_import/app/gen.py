"""Async generators; `stream` here is an async generator (a coroutine in lib.py)."""


async def stream(prompt):
    for word in prompt.split():
        yield word


async def agen_only(n):
    for i in range(n):
        yield i
