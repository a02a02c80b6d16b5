"""Sibling classes sharing a base whose methods they keep (discord.py's channels)."""
import asyncio
from typing import TYPE_CHECKING, Union


class Messageable:
    async def send(self, content: str) -> None:
        await asyncio.sleep(0)

    async def fetch_message(self, message_id: int) -> dict:
        return {"id": message_id}

    def typing(self) -> None:
        return None


class Guild:
    name = "guild"


class TextChannel(Messageable, Guild):
    topic = "t"


class DMChannel(Messageable):
    def recipient(self) -> str:
        return "me"


class VoiceChannel(Messageable):
    async def connect(self) -> None:
        await asyncio.sleep(0)


class Announcer:
    async def post(self, content: str) -> None:
        await asyncio.sleep(0)


class Speaker(Announcer):
    pass


class Broadcast(Announcer):
    def post(self, content: str) -> None:  # type: ignore[override]
        # A plain override: a union holding this class says nothing about `post`.
        print(content)


class Stream(Messageable):
    def __aiter__(self) -> "Stream":
        return self

    async def __anext__(self) -> str:
        raise StopAsyncIteration


if TYPE_CHECKING:
    PartialChannel = Union[TextChannel, VoiceChannel, DMChannel]
    Channel = Union[PartialChannel, "Thread"]
    # Python 3.10's spelling of an alias of a union (graphrag's `OpenAIClientTypes =
    # AsyncOpenAI | AsyncAzureOpenAI`).
    Direct = TextChannel | DMChannel
    Mixed = Speaker | Broadcast
    Flags = TextChannel | 3

    from threads import Thread
