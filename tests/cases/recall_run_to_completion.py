"""`asyncio.run(coro)` and `loop.run_until_complete(coro)` give what awaiting `coro` gives.

A sync entry point that runs a coroutine which hands back an async generator (python-tgpt's
`loop.run_until_complete(self.async_generate(...))`, whose coroutine returned a nested async
generator) gets the async generator: a plain `for` over it raises TypeError (AGN203).

Traps: a coroutine returning a list; another object's `run` method (`app.run(main())`,
`subprocess.run(...)`); `asyncio.run` of a coroutine returning an awaited result.
"""
import asyncio
import subprocess
from typing import AsyncIterator, List


async def _tokens(prompt: str) -> AsyncIterator[str]:
    for word in prompt.split():
        yield word


class Imager:
    async def async_generate(self, prompt: str):  # type: ignore[no-untyped-def]
        return _tokens(prompt)  # error: AGN101

    async def words(self, prompt: str) -> List[str]:
        return [token async for token in _tokens(prompt)]

    def generate(self, prompt: str) -> List[str]:
        loop = asyncio.new_event_loop()
        try:
            stream = loop.run_until_complete(self.async_generate(prompt))
            return [token for token in stream]  # error: AGN203
        finally:
            loop.close()

    def generate_once(self, prompt: str) -> List[str]:
        return list(asyncio.run(self.async_generate(prompt)))  # error: AGN203

    def generate_correctly(self, prompt: str) -> List[str]:
        # The coroutine returns a list.
        return [word for word in asyncio.run(self.words(prompt))]


class App:
    def run(self, job: object) -> List[str]:
        return ["ran"]


def traps() -> List[str]:
    # Another object's `run`: not asyncio's.
    app = App()
    ran = [item for item in app.run(Imager().async_generate("a b"))]
    done = subprocess.run(["true"], check=False)
    return ran + [str(done.returncode)]
