"""The standard library is not read: what the rules know of it is written in :mod:`kinds`
by name.  These tests hold those names against the running Python (the test process may
import the standard library; analysed code is never imported)."""

from __future__ import annotations

import asyncio
import importlib
import inspect
from typing import Any

import pytest

from flake8_asyncgen import kinds


def _resolve(qualified: str) -> Any:
    """The object ``Outside.qualified`` names: ``asyncio.Event().wait`` is the ``wait``
    attribute of the class ``asyncio.Event`` (what an instance's method comes from)."""
    module, _, path = qualified.partition(".")
    assert module in ("asyncio", "contextlib", "concurrent")
    if module == "concurrent":
        module, _, path = qualified.rpartition(".")  # ``concurrent.futures.Executor``
    found: Any = importlib.import_module(module)
    for part in path.replace("()", "").split("."):
        found = getattr(found, part)
    return found


@pytest.mark.parametrize("qualified", sorted(kinds.STDLIB_COROUTINES))
def test_stdlib_coroutines_are_async_def(qualified: str) -> None:
    assert inspect.iscoroutinefunction(_resolve(qualified)), qualified


@pytest.mark.parametrize("qualified", sorted(kinds.STDLIB_ANNOTATED_CLASSES))
def test_stdlib_annotated_classes_are_classes(qualified: str) -> None:
    assert inspect.isclass(_resolve(qualified)), qualified


def test_synchronous_namesakes_are_not_listed() -> None:
    # ``Lock.release`` / ``Event.set`` / ``Queue.put_nowait`` are plain methods: calling one
    # as a statement is right.
    for name in ("asyncio.Lock().release", "asyncio.Event().set", "asyncio.Queue().put_nowait"):
        assert name not in kinds.STDLIB_COROUTINES
        assert not inspect.iscoroutinefunction(_resolve(name))


@pytest.mark.parametrize("made, class_name", sorted(kinds.STDLIB_ASYNC_ONLY_MANAGERS.items()))
def test_stdlib_async_only_managers_lack_enter(made: str, class_name: str) -> None:
    found = getattr(asyncio, class_name.split(".", 1)[1], None)
    if found is None:
        pytest.skip(f"{class_name} is not in this Python")
    assert hasattr(found, "__aenter__") and not hasattr(found, "__enter__"), made


def _resolve_anywhere(qualified: str) -> Any:
    """Like :func:`_resolve`, for any standard-library module (``threading.Event().wait``,
    ``subprocess.run``); ``open`` is the builtin."""
    import builtins
    import importlib

    made, _, method = qualified.partition("().")
    path = made.split(".")
    if path == ["open"]:
        return builtins.open
    for split in range(len(path), 0, -1):
        try:
            found: Any = importlib.import_module(".".join(path[:split]))
        except ImportError:
            continue
        for part in path[split:]:
            found = getattr(found, part)
        if method:
            # A method of what ``found()`` makes: looked up on an instance, since some are
            # set in ``__init__`` (``asyncio.Condition().release``) and ``threading.Lock``
            # is a factory function in some versions.
            found = getattr(found, method, None) or getattr(found(), method)
        return found
    raise AssertionError(qualified)


_ASYNC_DUNDERS = ("__await__", "__aiter__", "__aenter__")


@pytest.mark.parametrize("made", sorted(kinds.STDLIB_SYNC_RESULTS))
def test_stdlib_sync_results_are_not_async(made: str) -> None:
    """Each entry is made by a plain function or method (no coroutine, no async generator),
    and an object the entry says is an instance of a class (``threading.Lock()``) has the
    listed special methods and no async one."""
    assert made.endswith("()"), made
    maker = _resolve_anywhere(made[:-2])
    assert not inspect.iscoroutinefunction(maker), made
    assert not inspect.isasyncgenfunction(maker), made
    type_name, defines = kinds.STDLIB_SYNC_RESULTS[made]
    if not inspect.isclass(maker):
        return  # what a function or method returns: checked by running it (below)
    for dunder in _ASYNC_DUNDERS:
        assert not hasattr(maker, dunder), (made, dunder)
    for dunder in ("__enter__", "__exit__", "__iter__"):
        assert hasattr(maker, dunder) == (dunder in defines), (made, dunder)


def test_stdlib_sync_results_by_running() -> None:
    """What the plain calls return, run here (no network, no subprocess)."""
    import io
    import os
    import threading
    import time

    def has(obj: Any) -> "set[str]":
        return {d for d in ("__enter__", "__exit__", "__iter__") if hasattr(type(obj), d)}

    def result(obj: Any, method: str, *args: Any) -> Any:
        return getattr(obj, method)(*args)

    assert result(time, "sleep", 0) is None
    with open(os.devnull) as handle:
        assert isinstance(handle, io.IOBase)
        assert has(handle) == set(kinds.STDLIB_SYNC_RESULTS["open()"][1])
        assert not any(hasattr(type(handle), d) for d in _ASYNC_DUNDERS)
    for name in ("Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event"):
        made = getattr(threading, name)()
        assert has(made) == set(kinds.STDLIB_SYNC_RESULTS[f"threading.{name}()"][1]), name
        assert not any(hasattr(type(made), d) for d in _ASYNC_DUNDERS), name

    async def plain_results() -> None:
        event, lock = asyncio.Event(), asyncio.Lock()
        queue: "asyncio.Queue[int]" = asyncio.Queue()
        assert result(event, "set") is None and result(event, "clear") is None
        assert event.is_set() is False
        await lock.acquire()
        assert result(lock, "release") is None and lock.locked() is False
        assert result(queue, "put_nowait", 1) is None and queue.qsize() == 1
        queue.get_nowait()
        assert result(queue, "task_done") is None
        loop = asyncio.get_running_loop()
        assert not any(hasattr(type(loop), d) for d in _ASYNC_DUNDERS)

    asyncio.run(plain_results())


@pytest.mark.parametrize("qualified", sorted(kinds.ASYNC_GENERATOR_METHODS))
def test_async_generator_methods_give_awaitables(qualified: str) -> None:
    # ``agen.aclose()`` gives an object to await (not a coroutine: ``create_task`` refuses it,
    # ``ensure_future`` takes it).
    import types

    name = qualified.split(".", 1)[1]
    assert qualified.split(".", 1)[0] == kinds.ASYNC_GENERATOR
    assert callable(getattr(types.AsyncGeneratorType, name))

    async def agen() -> Any:
        yield 1

    made = agen()
    args = (None,) if name == "asend" else (GeneratorExit,) if name == "athrow" else ()
    awaitable: Any = getattr(made, name)(*args)
    assert inspect.isawaitable(awaitable) and not inspect.iscoroutine(awaitable)
    getattr(awaitable, "close")()  # never awaited: closed here


def test_awaitable_attributes_cover_tasks_and_futures() -> None:
    # An object declared only as awaitable may be a coroutine, a task or a future: AGN210
    # judges an attribute none of them has.
    from flake8_asyncgen import messages

    public = {
        name for kind in (asyncio.Task, asyncio.Future)
        for name in dir(kind) if not name.startswith("_")
    }
    assert public <= messages.OBJECT_ATTRIBUTES["awaitable"]
    assert messages.OBJECT_ATTRIBUTES["coro"] <= messages.OBJECT_ATTRIBUTES["awaitable"]


@pytest.mark.parametrize(
    "qualified", sorted(q for q in kinds.STDLIB_BASE_MEMBERS if q.startswith("asyncio."))
)
def test_asyncio_protocol_bases_list_their_members(qualified: str) -> None:
    # What the class and its bases define, as the method resolution order finds it.
    cls = _resolve(qualified)
    own = {
        name for klass in cls.__mro__ if klass is not object for name in vars(klass)
    } - {"__module__", "__doc__", "__dict__", "__weakref__", "__qualname__"}
    assert kinds.STDLIB_BASE_MEMBERS[qualified] == own
