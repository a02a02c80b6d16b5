import asyncio
from typing import overload, Literal, Optional, Awaitable

class Bus:
    def __init__(self):
        self.queue = []

    async def _deliver(self, msg):
        self.queue.append(msg)

    def send(self, msg, wait=True):
        if wait:
            return self._deliver(msg)
        self.queue.append(msg)
        return None

    @overload
    def publish(self, msg, wait: Literal[True]) -> Awaitable[None]: ...
    @overload
    def publish(self, msg, wait: Literal[False]) -> None: ...
    def publish(self, msg, wait):
        if wait:
            return self._deliver(msg)
        self.queue.append(msg)

    def post(self, msg, loop=None):
        if loop is None:
            self.queue.append(msg)
            return
        return self._deliver(msg)

async def main():
    b = Bus()
    b.send("x", wait=False)
    b.publish("y", False)
    b.post("z")
    await b.send("w")
    print(b.queue)

asyncio.run(main())
