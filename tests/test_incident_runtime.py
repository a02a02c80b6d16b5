"""Run the incident fixtures (``fixtures/incident/state*``) against a fake LLM CLI.

The ``# error: AGNnnn`` comments in those fixtures say what is wrong in each
state. These tests prove the claims against Python itself. For each state they
check which ``TypeError`` the WebSocket handler dies of, with its exact
message, or that it streams the expected tokens. They also check that no child
process is left behind.

Every state has a top-level package named ``app``. Each test imports the state
it needs in isolation: the state's folder goes first on ``sys.path``, ``app``
and ``app.*`` are purged from ``sys.modules`` before and after the test, and no
bytecode is written into the fixtures.
"""

import gc
import importlib
import inspect
import os
import signal
import sys
import time
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple, Type

import pytest

HERE = Path(__file__).resolve().parent
INCIDENT = HERE.parent / "fixtures" / "incident"
FAKE_CLI = HERE / "fake_codex_cli.py"
STATES = ("state1_as_failed", "state2_first_fix", "state3_report_fixed")
FAKE_TOKENS = ["Hello", "from", "fake-codex"]

# CPython's exact messages. 3.9 to 3.13 word them this way. The second `await`
# wording is accepted in case a newer interpreter rephrases it.
ASYNC_FOR_OVER_COROUTINE = (
    "'async for' requires an object with __aiter__ method, got coroutine",
)
AWAIT_ASYNC_GENERATOR = (
    "object async_generator can't be used in 'await' expression",
    "'async_generator' object can't be awaited",
)
NEVER_AWAITED = "coroutine 'CodexLLMService.generate_completion' was never awaited"


def expected_tokens(prompt: str) -> List[str]:
    return FAKE_TOKENS + [f"you said: {prompt}"]


# --- isolation of the per-state `app` package -------------------------------


def _purge_app_modules() -> None:
    for name in list(sys.modules):
        if name == "app" or name.startswith("app."):
            del sys.modules[name]


def module_path(module: ModuleType) -> Path:
    """Where ``module`` was imported from (the fixtures' modules are files)."""
    assert module.__file__ is not None, f"{module.__name__} has no file"
    return Path(module.__file__).resolve()


class Incident:
    """One state of the incident, imported in isolation, with a fake CLI."""

    def __init__(self, state: str, tmp_path: Path) -> None:
        self.root = INCIDENT / state
        self.pid_file = tmp_path / "children.pids"
        self.chat = importlib.import_module("app.api.chat")
        self.services = importlib.import_module("app.services.codex_llm")
        for module in (self.chat, self.services):
            origin = module_path(module)
            assert self.root in origin.parents, f"{module.__name__} came from {origin}"
        # The fixture's own classes, imported at run time: mypy knows nothing of them.
        self.service_class: Any = self.services.CodexLLMService
        self.service: Any = self.services.codex_llm
        # chat.py holds the very instance the services module created.
        assert self.chat.codex_llm is self.service
        self.use_fake_cli()

    def use_fake_cli(self, *extra: str) -> None:
        self.service.command = [
            sys.executable, str(FAKE_CLI), "--pid-file", str(self.pid_file), *extra,
        ]

    def child_pids(self) -> List[int]:
        if not self.pid_file.exists():
            return []
        return [int(line) for line in self.pid_file.read_text().split()]


def _exists(pid: int) -> bool:
    """True if ``pid`` is running or an unreaped zombie (POSIX)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # the pid was reused by another user's process
        return False
    return True


def assert_no_child_left(incident: Incident, grace: float = 3.0) -> None:
    """Every child the fake CLI recorded has exited and been reaped."""
    if os.name != "posix":
        return
    deadline = time.monotonic() + grace
    left = [pid for pid in incident.child_pids() if _exists(pid)]
    while left and time.monotonic() < deadline:
        time.sleep(0.02)
        left = [pid for pid in left if _exists(pid)]
    assert not left, f"child processes left behind: {left}"


LoadState = Callable[[str], Incident]


@pytest.fixture
def load_state(tmp_path: Path) -> Iterator[LoadState]:
    saved_path = list(sys.path)
    saved_dont_write = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    _purge_app_modules()
    loaded: List[Incident] = []

    def load(state: str) -> Incident:
        assert not loaded, "one state per test"
        sys.path.insert(0, str(INCIDENT / state))
        importlib.invalidate_caches()
        incident = Incident(state, tmp_path)
        loaded.append(incident)
        return incident

    try:
        yield load
    finally:
        if os.name == "posix":  # never leak a fake CLI, whatever happened
            for incident in loaded:
                for pid in incident.child_pids():
                    if _exists(pid):
                        try:
                            os.kill(pid, signal.SIGKILL)
                        except OSError:
                            pass
        sys.path[:] = saved_path
        sys.dont_write_bytecode = saved_dont_write
        _purge_app_modules()
        importlib.invalidate_caches()


# --- driving the WebSocket handler ------------------------------------------


class FakeWebSocket:
    """What the handler needs from FastAPI's WebSocket: async receive_json/send_json."""

    def __init__(self, *incoming: Dict[str, str]) -> None:
        self.incoming = list(incoming)
        self.sent: List[Dict[str, Any]] = []

    async def receive_json(self) -> Dict[str, str]:
        return self.incoming.pop(0)

    async def send_json(self, data: Dict[str, Any]) -> None:
        self.sent.append(data)


HandlerError = Optional[Tuple[Type[Exception], str]]


async def run_handler(
    incident: Incident, *prompts: str
) -> Tuple[FakeWebSocket, HandlerError, List[str]]:
    """Run the handler over ``prompts`` then a close message.

    Returns ``(websocket, error, warning_messages)``. ``error`` is the
    exception the handler raised, or ``None``. Warnings are collected after the
    handler's frame has been released, so a coroutine that was never awaited
    has already reported itself.
    """
    ws = FakeWebSocket(*({"content": p} for p in prompts), {"type": "close"})
    error: HandlerError
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            await incident.chat.chat_ws(ws)
        except Exception as exc:  # the caller asserts what it is
            error = (type(exc), str(exc))
            exc.__traceback__ = None
        else:
            error = None
        gc.collect()
    return ws, error, [str(w.message) for w in caught if w.category is RuntimeWarning]


def token_messages(tokens: List[str]) -> List[Dict[str, str]]:
    return [{"type": "token", "content": t} for t in tokens]


# --- state 1: as it failed -------------------------------------------------


@pytest.mark.asyncio
async def test_state1_handler_fails_async_for_over_coroutine(load_state: LoadState) -> None:
    """chat.py `async for token in stream` (AGN201): stream is a coroutine."""
    incident = load_state("state1_as_failed")
    ws, error, runtime_warnings = await run_handler(incident, "hi")
    assert error is not None
    assert error[0] is TypeError
    assert error[1] in ASYNC_FOR_OVER_COROUTINE
    assert ws.sent == [{"type": "start"}]
    assert NEVER_AWAITED in runtime_warnings
    # The coroutine that would have started the CLI never ran.
    assert incident.child_pids() == []
    assert_no_child_left(incident)


@pytest.mark.asyncio
@pytest.mark.parametrize("state", ["state1_as_failed", "state2_first_fix"])
async def test_state1_2_stream_completion_is_a_coroutine_returning_nested_generator(
    load_state: LoadState, state: str
) -> None:
    """codex_llm.py: the AGN102 annotation lies and AGN100 returns `_generator()`."""
    incident = load_state(state)
    method = incident.service_class._stream_completion
    # AGN102: annotated AsyncGenerator, but no `yield`: calling it gives a coroutine.
    assert inspect.iscoroutinefunction(method)
    assert not inspect.isasyncgenfunction(method)
    assert "AsyncGenerator" in str(inspect.signature(method).return_annotation)
    call = incident.service._stream_completion("x")
    assert inspect.iscoroutine(call)
    call.close()
    # AGN100: awaiting it gives the nested `_generator()`, an async generator.
    agen = await incident.service._stream_completion("hi")
    assert inspect.isasyncgen(agen)
    assert agen.__name__ == "_generator"
    assert [t async for t in agen] == expected_tokens("hi")
    # `generate_completion` awaits that coroutine (no AGN200 there) and so
    # hands on the async generator: it works for callers that `await` first.
    agen = await incident.service.generate_completion("again", stream=True)
    assert inspect.isasyncgen(agen)
    assert [t async for t in agen] == expected_tokens("again")
    assert len(incident.child_pids()) == 2
    assert_no_child_left(incident)


# --- state 2: the first attempted fix --------------------------------------


@pytest.mark.asyncio
async def test_state2_handler_streams_tokens(load_state: LoadState) -> None:
    """chat.py awaits the coroutine, then iterates the async generator: it works."""
    incident = load_state("state2_first_fix")
    ws, error, runtime_warnings = await run_handler(incident, "hi", "second question")
    assert error is None
    assert ws.sent == (
        [{"type": "start"}, *token_messages(expected_tokens("hi")), {"type": "end"}]
        + [
            {"type": "start"},
            *token_messages(expected_tokens("second question")),
            {"type": "end"},
        ]
    )
    assert runtime_warnings == []
    assert len(incident.child_pids()) == 2
    assert_no_child_left(incident)


# --- state 3: the incident report's "fixed" version ------------------------


@pytest.mark.asyncio
async def test_state3_handler_still_fails_async_for_over_coroutine(load_state: LoadState) -> None:
    """chat.py `async for token in stream` (AGN201) again: still a coroutine."""
    incident = load_state("state3_report_fixed")
    ws, error, runtime_warnings = await run_handler(incident, "hi")
    assert error is not None
    assert error[0] is TypeError
    assert error[1] in ASYNC_FOR_OVER_COROUTINE
    assert ws.sent == [{"type": "start"}]
    assert NEVER_AWAITED in runtime_warnings
    assert incident.child_pids() == []
    assert_no_child_left(incident)


@pytest.mark.asyncio
async def test_state3_generate_completion_returns_generator_from_elsewhere(
    load_state: LoadState,
) -> None:
    """codex_llm.py AGN101: callers must `await` and then `async for`."""
    incident = load_state("state3_report_fixed")
    assert inspect.isasyncgenfunction(incident.service_class._stream_completion)
    assert inspect.iscoroutinefunction(incident.service_class.generate_completion)
    agen = await incident.service.generate_completion("hi", stream=True)
    assert inspect.isasyncgen(agen)
    assert agen.__name__ == "_stream_completion"
    assert [t async for t in agen] == expected_tokens("hi")
    assert len(incident.child_pids()) == 1
    assert_no_child_left(incident)


@pytest.mark.asyncio
async def test_state3_awaiting_the_true_async_generator_raises(load_state: LoadState) -> None:
    """What AGN200 prevents: `await` on the now-real async generator.

    No fixture line does this, because the report dropped the `await` in
    `generate_completion`. This proves the message that AGN200 stands for, and
    why keeping `return await self._stream_completion(...)` would have failed.
    """
    incident = load_state("state3_report_fixed")
    with pytest.raises(TypeError) as excinfo:
        await incident.service._stream_completion("hi")
    assert str(excinfo.value) in AWAIT_ASYNC_GENERATOR
    assert incident.child_pids() == []  # the generator body never started


@pytest.mark.asyncio
async def test_state3_abandoned_stream_kills_and_reaps_child(load_state: LoadState) -> None:
    """The `finally` of the real async generator kills and reaps the CLI."""
    incident = load_state("state3_report_fixed")
    incident.use_fake_cli("--sleep-after", "60")
    agen = await incident.service.generate_completion("hi", stream=True)
    assert await agen.__anext__() == FAKE_TOKENS[0]
    [pid] = incident.child_pids()
    await agen.aclose()
    if os.name == "posix":
        assert not _exists(pid)  # already reaped by `await process.wait()`


# --- all states -------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize("state", STATES)
async def test_non_streaming_completion_works(load_state: LoadState, state: str) -> None:
    incident = load_state(state)
    text = await incident.service.generate_completion("hi")
    assert text.splitlines() == expected_tokens("hi")
    assert_no_child_left(incident)


@pytest.mark.parametrize("state", STATES)
def test_state_is_imported_in_isolation(load_state: LoadState, state: str) -> None:
    incident = load_state(state)
    assert module_path(incident.chat).is_relative_to(INCIDENT / state)
    assert sys.modules["app"].__doc__ is not None
    assert f"state {state[5]}" in sys.modules["app"].__doc__
