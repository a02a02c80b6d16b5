"""``contextlib`` exit stacks enter their argument: ``await
stack.enter_async_context(x)`` is ``async with x`` and ``stack.enter_context(x)`` is
``with x``, with the same failures (AGN204/205/206/208/213/216), named after the method.
Only on an object known to be one of contextlib's exit stacks: another API of the same name
(aiormq's ``Countdown.enter_context``) may wrap its argument instead.

A registry of classes, a dict display of one class (``{"bash": BashToolkit}``) or an
annotation ``dict[str, type[Toolkit]]``, gives the class on subscription; calling it builds
an instance (of a subclass, for the annotation: every subclass is then asked).
"""
import contextlib
from contextlib import AsyncExitStack, ExitStack
from typing import Any, AsyncIterator, Dict, Iterator, Type


class Toolkit:
    def __init__(self, name: str) -> None:
        self.name = name


class BashToolkit(Toolkit):
    pass


class ManagedToolkit:
    async def __aenter__(self) -> "ManagedToolkit":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        return None


class Leased(ManagedToolkit):
    pass


class Plain:
    pass


class WithManagedChild(Plain):
    pass


class ManagedChild(WithManagedChild):
    async def __aenter__(self) -> "ManagedChild":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        return None


TOOLKITS = {"bash": BashToolkit}
DECLARED: Dict[str, Type[Toolkit]] = {}
MANAGED: "dict[str, type[ManagedToolkit]]" = {"lease": Leased}
MIXED = {"bash": BashToolkit, "lease": Leased}
OPEN: Dict[str, Type[Plain]] = {}


async def connect() -> int:
    return 1


@contextlib.asynccontextmanager
async def session() -> AsyncIterator[int]:
    yield 1


@contextlib.contextmanager
def sync_session() -> Iterator[int]:
    yield 1


class Agent:
    def __init__(self) -> None:
        self.stack = AsyncExitStack()

    async def load(self, name: str) -> Any:
        first = await self.stack.enter_async_context(TOOLKITS[name](name))  # error: AGN208
        second = await self.stack.enter_async_context(DECLARED[name](name))  # error: AGN208
        await self.stack.enter_async_context(connect())  # error: AGN205
        await self.stack.enter_async_context(sync_session())  # error: AGN216
        await self.stack.enter_async_context(Toolkit(name))  # error: AGN208
        return first, second

    async def load_ok(self, name: str) -> Any:
        managed = await self.stack.enter_async_context(MANAGED[name]())
        await self.stack.enter_async_context(session())
        await self.stack.enter_async_context(ManagedToolkit())
        # Traps: a registry of several classes; a declared base a subclass makes an async
        # context manager.
        mixed = await self.stack.enter_async_context(MIXED[name]("x"))  # type: ignore[operator]
        opened = await self.stack.enter_async_context(OPEN[name]())
        return managed, mixed, opened


def sync_stack() -> None:
    with ExitStack() as stack:
        stack.enter_context(session())  # error: AGN206
        stack.enter_context(connect())  # error: AGN213
        stack.enter_context(sync_session())
        stack.enter_context(open("/dev/null"))


class Countdown:
    """Another API of the same name (aiormq's): it wraps its argument, it does not enter it."""

    def enter_context(self, manager: Any) -> Any:
        return manager


class Channel:
    @contextlib.asynccontextmanager
    async def lock(self) -> AsyncIterator[None]:
        yield

    async def rpc(self, countdown: Countdown) -> None:
        async with countdown.enter_context(self.lock()):
            pass
        helper = Countdown()
        async with helper.enter_context(self.lock()):
            pass
