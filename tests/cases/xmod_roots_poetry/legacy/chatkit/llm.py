"""The 0.1 API, where the kinds were the other way round."""
from typing import List


class LLMClient:
    async def complete(self, prompt: str):
        yield prompt

    async def stream(self, prompt: str) -> List[str]:
        return prompt.split()

    async def session(self):
        return self


async def stream_tokens(prompt: str) -> List[str]:
    return prompt.split()


client = LLMClient()
