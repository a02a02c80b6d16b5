"""A sibling of run.py in scripts/, a plain folder outside any package."""
from typing import List


class Helper:
    def __init__(self) -> None:
        self.saved: List[str] = []

    async def load(self, name: str) -> str:
        return f"{name}=1"

    async def rows(self):
        yield "r1"
        yield "r2"

    def save(self, row: str) -> None:
        self.saved.append(row)
