"""Unions of classes in annotations (`Union[A, B]`, `A | B`, aliases of unions, imported
or under `TYPE_CHECKING`): an object of one of the classes, judged as their nearest common
base when each keeps what that base has.  Silent when a member overrides with another kind,
adds a protocol the base lacks, is not known, or when the members share no base."""
from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any, Optional, Union

from channels import Broadcast, DMChannel, Messageable, Speaker, Stream, TextChannel

if TYPE_CHECKING:
    from channels import Channel, Direct, Flags, Mixed


class Message:
    def __init__(self, channel: Channel, content: str) -> None:
        self.channel: Channel = channel
        self.content = content
        for key in ("content", "pinned"):
            setattr(self, key, random.random())  # data fields by computed names

    def rebind(self, new_channel: Any) -> None:
        # Another assignment: the annotation in `__init__` still declares what it holds.
        self.channel = new_channel


async def on_message(message: Message) -> None:
    message.channel.send("hi")  # error: AGN211
    found = message.channel.fetch_message(1)
    print(found["id"])  # error: AGN210
    await message.channel.send("ok")


async def direct(channel: Union[TextChannel, DMChannel], other: TextChannel | DMChannel) -> None:
    channel.send("x")  # error: AGN211
    other.send("y")  # error: AGN211
    await channel.send("z")


async def optional_union(channel: Optional[Union[TextChannel, DMChannel]]) -> None:
    if channel is not None:
        channel.send("x")  # error: AGN211


async def traps(
    mixed: Union[Speaker, Broadcast],
    streams: Union[TextChannel, Stream],
    unknown: Union[TextChannel, Any],
    unrelated: Union[TextChannel, int],
    only_members: Union[TextChannel, DMChannel],
) -> None:
    # A member overrides `post` with a plain method: which one runs depends on the object.
    mixed.post("x")
    # A member adds `__aiter__`: `async for` works on that one.
    async for item in streams:  # type: ignore[attr-defined]
        print(item)
    # A member not known, or not a class of the project.
    unknown.send("x")
    unrelated.send("x")  # type: ignore[union-attr]
    # Only one member has it: judged as the base, the name is not known.
    only_members.recipient()  # type: ignore[union-attr]
    # A plain method of the base.
    only_members.typing()


def base_used(channel: Messageable) -> None:
    channel.send("x")  # error: AGN211


async def aliased(direct: Direct, mixed: Mixed, flags: Flags) -> None:
    direct.send("x")  # error: AGN211
    await direct.send("y")
    # A member overrides `post` with a plain method.
    mixed.post("x")
    # Not a chain of class names: the alias says nothing.
    flags.send("x")
