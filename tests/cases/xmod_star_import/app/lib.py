"""Target of star imports. `stream` and `complete` are coroutines here."""

__all__ = ["complete", "stream", "Service", "service"]


async def complete(prompt):
    return prompt


async def stream(prompt):
    return prompt.split()


class Service:
    async def stream_tokens(self, prompt):
        for ch in prompt:
            yield ch


service = Service()
