"""`complete` is a coroutine and `stream` an async generator here; app/api/llm.py has the opposite."""
from contextlib import asynccontextmanager


async def complete(prompt):
    return prompt


async def stream(prompt):
    for word in prompt.split():
        yield word


@asynccontextmanager
async def session():
    yield "s"


class LLM:
    async def generate(self, prompt):
        return prompt

    async def tokens(self, prompt):
        for ch in prompt:
            yield ch


svc = LLM()
