"""AGN216 context-manager-used-asynchronously.

`async with`, `await` or `async for` applied to a call of a
`@contextlib.contextmanager` function: the call gives a synchronous context
manager, which has no `__aenter__`, `__await__` nor `__aiter__`.  Reported at
the `async with` item, the `await` expression or the `async for` iterable.
Nothing here runs at import time.
"""

import contextlib
from contextlib import asynccontextmanager, contextmanager
from typing import Any, AsyncIterator, Callable, Iterator, List

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


class Session:
    def add(self, row: Any) -> None:
        print(row)

    def commit(self) -> None:
        print("commit")


@contextmanager
def session_scope() -> Iterator[Session]:
    session = Session()
    try:
        yield session
        session.commit()
    finally:
        print("closed")


@contextlib.contextmanager
def timer(label: str) -> Iterator[None]:
    yield


@asynccontextmanager
async def async_scope() -> AsyncIterator[Session]:
    yield Session()


class Store:
    @contextmanager
    def transaction(self) -> Iterator[Session]:
        yield Session()

    @staticmethod
    @contextmanager
    def scratch(prefix: str) -> Iterator[str]:
        yield f"/tmp/{prefix}"


class AsyncStore(Store):
    @asynccontextmanager  # type: ignore[override]
    async def transaction(self) -> AsyncIterator[Session]:
        yield Session()


def scope_factory() -> Any:
    """A plain def returning a @contextmanager call."""
    return session_scope()


store = Store()

# --------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------


async def save(row: Any) -> None:
    async with session_scope() as session:  # error: AGN216
        session.add(row)


async def timed() -> None:
    async with timer("load"):  # error: AGN216
        print("loading")


async def awaited() -> Session:
    return await session_scope()  # error: AGN216


async def iterated() -> None:
    async for session in session_scope():  # error: AGN216
        session.commit()


async def second_item(row: Any) -> None:
    async with async_scope() as first, session_scope() as second:  # error: AGN216 @40
        first.add(second)


async def static_method() -> None:
    async with Store.scratch("x") as path:  # error: AGN216
        print(path)


async def through_factory() -> None:
    async with scope_factory() as session:  # error: AGN216
        session.commit()


async def module_instance(rows: List[Any]) -> None:
    for row in rows:
        async with store.transaction() as session:  # error: AGN216
            session.add(row)


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic
# --------------------------------------------------------------------------


async def save_ok(row: Any) -> None:
    with session_scope() as session:
        session.add(row)


async def async_ok() -> None:
    async with async_scope() as session:
        session.commit()


async def exit_stack_ok() -> None:
    async with contextlib.AsyncExitStack() as stack:
        session = stack.enter_context(session_scope())
        session.commit()


async def overridden(target: Store) -> None:
    # `target` may be an AsyncStore, whose `transaction` is an async context manager.
    async with target.transaction() as session:
        session.commit()


async def shadowed(session_scope: Callable[[], Any]) -> None:
    async with session_scope() as session:
        print(session)


async def in_thread() -> None:
    import asyncio

    def work() -> None:
        with session_scope() as session:
            session.commit()

    await asyncio.to_thread(work)


async def nullcontext_ok() -> None:
    async with contextlib.nullcontext(Session()) as session:
        session.commit()
