"""An attribute bound to an annotated base-class object in one place and to an object of a
subclass in another is an object of the base (or a subclass), when the subclass keeps what the
base has.  A subclass method giving an object of a subclass of the class the base method is
declared to give (grpc's ``Channel.unary_unary``) keeps it: a covariant result.  A subclass
method giving an unrelated object does not (trap)."""
from typing import Optional


class Call:
    def cancel(self) -> bool:
        return True


class FastCall(Call):
    pass


class Other:
    def cancel(self) -> bool:
        return False


class Channel:
    def call(self) -> Call:
        return Call()

    async def close(self) -> None:
        return None


class SecureChannel(Channel):
    def call(self) -> FastCall:
        return FastCall()

    async def close(self) -> None:
        return None


class OddChannel(Channel):
    def call(self) -> Other:  # type: ignore[override]
        return Other()

    async def close(self) -> None:
        return None


class Handler:
    def __init__(self, channel: Optional[Channel] = None) -> None:
        self._channel = channel

    def connect(self) -> None:
        if self._channel is None:
            self._channel = SecureChannel()

    def close(self) -> None:
        if self._channel is not None:
            self._channel.close()  # error: AGN211


class OddHandler:
    def __init__(self, channel: Optional[Channel] = None) -> None:
        self._channel = channel

    def connect(self) -> None:
        self._channel = OddChannel()

    def close(self) -> None:
        if self._channel is not None:
            self._channel.close()
