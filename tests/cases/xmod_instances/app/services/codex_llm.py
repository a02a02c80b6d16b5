"""The incident's service module: a class and its module-level instance."""
from contextlib import asynccontextmanager


class CodexLLMService:
    async def generate_completion(self, prompt):
        # The incident's root cause: a coroutine returning a nested async generator.
        async def _gen():
            for token in prompt.split():
                yield token

        return _gen()  # error: AGN100

    async def stream_completion(self, prompt):
        for token in prompt.split():
            yield token

    async def count_tokens(self, prompt):
        return len(prompt.split())

    @asynccontextmanager
    async def session(self):
        yield self

    def stream(self, prompt):
        """Plain method returning an async generator."""
        return self.stream_completion(prompt)


codex_llm = CodexLLMService()
