# FIX: --unsafe-fixes
import abc
from typing import AsyncIterator, Protocol


class TokenSource(Protocol):
    async def stream(self, prompt: str) -> AsyncIterator[str]:
        ...


class Backend(abc.ABC):
    @abc.abstractmethod
    async def stream(self, prompt: str) -> AsyncIterator[str]:
        """Yield tokens as they arrive."""
        raise NotImplementedError
