"""A sibling of report.py, imported by it as a top-level module."""
from typing import AsyncIterator, List


def render(rows: List[str]) -> str:
    return ", ".join(rows)


async def render_lines(updates: AsyncIterator[str]):
    async for update in updates:
        yield f"- {update}"
