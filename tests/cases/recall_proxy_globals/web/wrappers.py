import asyncio
from typing import Any, Dict


class Request:
    def __init__(self, body: Dict[str, Any]) -> None:
        self._body = body

    @property
    async def json(self) -> Dict[str, Any]:
        await asyncio.sleep(0)
        return self._body

    @property
    def args(self) -> Dict[str, Any]:
        return dict(self._body)


class Settings:
    def __init__(self) -> None:
        self.values: Dict[str, str] = {"mode": "dev"}

    @property
    def options(self) -> Dict[str, str]:
        return self.values
