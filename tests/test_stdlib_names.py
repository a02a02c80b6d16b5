"""The standard library is not read: what the rules know of it is written in :mod:`kinds`
by name.  These tests hold those names against the running Python (the test process may
import the standard library; analysed code is never imported)."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import pytest

from flake8_asyncgen import kinds


def _resolve(qualified: str) -> Any:
    """The object ``Outside.qualified`` names: ``asyncio.Event().wait`` is the ``wait``
    attribute of the class ``asyncio.Event`` (what an instance's method comes from)."""
    module, _, path = qualified.partition(".")
    assert module == "asyncio"
    found: Any = asyncio
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
