import asyncio
from contextlib import asynccontextmanager


class LLMClient:
    async def complete(self, prompt: str) -> str:
        await asyncio.sleep(0)
        return prompt

    async def stream(self, prompt: str):
        for token in prompt.split():
            yield token

    @asynccontextmanager
    async def session(self):
        yield self


async def stream_tokens(prompt: str):
    for token in prompt.split():
        yield token


client = LLMClient()
