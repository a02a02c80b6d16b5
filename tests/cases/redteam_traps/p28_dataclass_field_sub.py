import asyncio
from dataclasses import dataclass, field

class Backend:
    def send(self, m):
        return m

class AsyncBackend(Backend):
    async def send(self, m):
        return m

@dataclass
class Notifier:
    backend: Backend = field(default_factory=AsyncBackend)

    async def notify(self, m):
        return await self.backend.send(m)

print(asyncio.run(Notifier().notify("hi")))
