from contextlib import asynccontextmanager


class LLMService:
    async def complete(self, prompt: str) -> str:
        return prompt

    async def stream(self, prompt: str):
        for token in prompt.split():
            yield token

    @asynccontextmanager
    async def session(self):
        yield self


class StreamingOnly:
    async def complete(self, prompt: str):
        yield prompt


def build() -> LLMService:
    return LLMService()
