"""A sibling of handlers.py in the namespace package `app.routes`."""
from typing import Iterable


async def paginate(items: Iterable[int]):
    for item in items:
        yield item
