"""A plain method that only returns ``self.<m>(...)`` gives what ``<m>`` gives on the object it
is called on, not on the class that defines it.  Command mixins are written this way (redis'
``get`` is ``return self.execute_command("GET", name)``, shared by the sync and the async
client): called on the async client, it gives a coroutine.

Only one step is followed: ``<m>`` must be a function whose call is known by itself.
"""
from typing import Optional


class Commands:
    def get(self, key: str):
        return self.execute_command("GET", key)

    def scan(self, pattern: str):
        return self.execute_command("SCAN", pattern)

    def get_or_none(self, key: str):
        if not key:
            return None
        return self.execute_command("GET", key)

    def both(self, key: str):
        if key:
            return self.execute_command("GET", key)
        return self.stream_command("GET", key)

    def chained(self, key: str):
        return self.get(key)


class AsyncClient(Commands):
    async def execute_command(self, *args: str) -> Optional[bytes]:
        return None

    async def stream_command(self, *args: str):
        yield b""


class SyncClient(Commands):
    def execute_command(self, *args: str) -> Optional[bytes]:
        return None


class Pipeline(AsyncClient):
    # A project subclass queuing commands: ``get`` on it gives the pipeline.
    def execute_command(self, *args: str) -> "Pipeline":
        return self


async def positives() -> None:
    client = AsyncClient()
    raw = client.get("k")
    print(raw.decode())  # error: AGN210
    async for key in client.scan("*"):  # error: AGN201
        print(key)
    client.get("k")  # error: AGN211


async def traps(annotated: AsyncClient, mixin: Commands) -> None:
    client = AsyncClient()
    value = await client.get("k")
    print(value)
    # The sync client runs the command.
    print(SyncClient().get("k").decode())
    # A return of ``None`` beside the call: not one kind.
    print(client.get_or_none("k").decode())
    # A coroutine in one branch, an async generator in the other: not one kind.
    client.both("k")
    # Two steps (``chained`` returns ``self.get(...)``): not followed.
    print(client.chained("k").decode())
    # Known only from an annotation of a project class that a project subclass (Pipeline)
    # overrides with another kind: unknown.
    print(annotated.get("k").decode())
    # The mixin itself has no ``execute_command``.
    print(mixin.get("k").decode())
    Pipeline().get("k")
