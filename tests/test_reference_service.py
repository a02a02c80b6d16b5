"""Tests of the corrected reference streaming service (issue 3).

Everything runs against a real subprocess: tests/fake_llm_cli.py started
with the running interpreter.  Each test ends by checking that no child
process of this test process is left (running or zombie) and no
ResourceWarning / unraisable exception ("Event loop is closed", "unclosed
transport") was emitted.
"""

import asyncio
import gc
import inspect
import logging
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import (
    TYPE_CHECKING, Any, Callable, Iterator, List, Optional, Protocol, Set,
    cast,
)

import pytest

ROOT = Path(__file__).resolve().parent.parent
FAKE = ROOT / "tests" / "fake_llm_cli.py"
if str(ROOT / "fixtures") not in sys.path:
    sys.path.insert(0, str(ROOT / "fixtures"))

from reference_service import (  # noqa: E402
    PROMPT,
    CompletionError,
    CompletionProcessError,
    CompletionService,
    CompletionTimeoutError,
    ModelNotFoundError,
)

if TYPE_CHECKING:
    from starlette.testclient import TestClient, WebSocketTestSession

pytestmark = [
    pytest.mark.filterwarnings("error::ResourceWarning"),
    pytest.mark.filterwarnings(
        "error::pytest.PytestUnraisableExceptionWarning"
    ),
    pytest.mark.filterwarnings("error::RuntimeWarning"),
]

#: Generous: a loaded 2-core machine can take a while to start Python.
LIMIT = 20.0


def fake(
    mode: str = "normal", *options: str, **service_options: Any
) -> CompletionService:
    """A service running the fake model in ``mode``."""
    command = [sys.executable, str(FAKE), "--mode", mode, *options, "--",
               PROMPT]
    service_options.setdefault("timeout", LIMIT)
    return CompletionService(command, **service_options)


def child_pids() -> Set[int]:
    """Children of this process (all threads), running or zombie."""
    pids: Set[int] = set()
    try:
        tasks = os.listdir(f"/proc/{os.getpid()}/task")
    except OSError:
        return pids
    for tid in tasks:
        try:
            with open(f"/proc/{os.getpid()}/task/{tid}/children") as f:
                pids.update(int(p) for p in f.read().split())
        except OSError:
            pass
    return pids


def is_gone(pid: int) -> bool:
    """True once ``pid`` is reaped: a zombie still answers signal 0."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def is_dead(pid: int) -> bool:
    """True once ``pid`` has ended (a zombie that is not ours counts)."""
    if is_gone(pid):
        return True
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True


def assert_reaped(pid: int) -> None:
    assert is_gone(pid), f"model process {pid} is still there"
    assert pid not in child_pids()


class ServiceRecord(Protocol):
    """A log record of the service: a LogRecord with its ``extra`` fields
    (those of "llm.completion"; the others carry ``pid`` only)."""

    levelno: int
    pid: int
    outcome: str
    returncode: Optional[int]
    first_token_latency_s: Optional[float]
    duration_s: float
    tokens: int
    chars: int


def records(
    caplog: pytest.LogCaptureFixture, event: str
) -> List[ServiceRecord]:
    return cast(
        List[ServiceRecord],
        [r for r in caplog.records if getattr(r, "event", None) == event],
    )


def spawned_pids(caplog: pytest.LogCaptureFixture) -> List[int]:
    return [r.pid for r in records(caplog, "llm.spawn")]


def the_pid(caplog: pytest.LogCaptureFixture) -> int:
    pids = spawned_pids(caplog)
    assert len(pids) == 1, pids
    return pids[0]


async def wait_until(
    predicate: Callable[[], object], limit: float = LIMIT
) -> None:
    end = time.monotonic() + limit
    while not predicate():
        assert time.monotonic() < end, "condition not met in time"
        await asyncio.sleep(0.01)


@pytest.fixture(autouse=True)
def no_leftovers(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.DEBUG, logger="reference_service")
    before = child_pids()
    yield
    gc.collect()
    end = time.monotonic() + 5.0
    while child_pids() - before and time.monotonic() < end:
        time.sleep(0.01)
    assert not child_pids() - before, "child processes left behind"
    asyncio_errors = [
        r.getMessage() for r in caplog.records
        if r.name.startswith("asyncio") and r.levelno >= logging.ERROR
    ]
    assert not asyncio_errors


# The shape of the API.


def test_stream_is_an_async_generator_function() -> None:
    assert inspect.isasyncgenfunction(CompletionService.stream)
    assert inspect.iscoroutinefunction(CompletionService.complete)
    assert not inspect.iscoroutinefunction(
        CompletionService.generate_completion
    )
    assert not inspect.isasyncgenfunction(
        CompletionService.generate_completion
    )


@pytest.mark.asyncio
async def test_stream_call_is_an_async_iterator_and_starts_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    pieces = fake().stream("a b")
    assert hasattr(pieces, "__aiter__") and hasattr(pieces, "__anext__")
    assert inspect.isasyncgen(pieces)
    await pieces.aclose()  # never started: no process was spawned
    assert spawned_pids(caplog) == []


@pytest.mark.asyncio
async def test_generate_completion_returns_what_its_flag_says() -> None:
    service = fake(split="line")
    pieces = service.generate_completion("a b", stream=True)
    assert inspect.isasyncgen(pieces)
    assert [p async for p in pieces] == ["a\n", "b\n"]
    text = service.generate_completion("a b", stream=False)
    assert inspect.iscoroutine(text)
    assert await text == "a\nb\n"


# Normal streaming.


@pytest.mark.asyncio
async def test_tokens_arrive_in_order(
    caplog: pytest.LogCaptureFixture,
) -> None:
    words = "alpha beta gamma delta epsilon".split()
    got = [p async for p in fake(split="line").stream(" ".join(words))]
    assert got == [w + "\n" for w in words]
    assert_reaped(the_pid(caplog))


@pytest.mark.asyncio
async def test_chunk_mode_and_complete_give_the_whole_output(
    caplog: pytest.LogCaptureFixture,
) -> None:
    service = fake(split="chunk")
    words = [f"w{i}" for i in range(200)]
    expected = "".join(w + "\n" for w in words)
    chunks = [p async for p in service.stream(" ".join(words))]
    assert chunks and all(chunks)
    assert "".join(chunks) == expected
    assert await service.complete(" ".join(words)) == expected
    for pid in spawned_pids(caplog):
        assert_reaped(pid)


@pytest.mark.asyncio
async def test_long_lines_are_split_at_max_line_chars() -> None:
    service = fake(split="line", max_line_chars=8)
    got = [p async for p in service.stream("abcdefghijklmnopqrst uv")]
    assert "".join(got) == "abcdefghijklmnopqrst\nuv\n"
    assert all(len(p) <= 8 for p in got)
    assert got[-1] == "uv\n"


@pytest.mark.asyncio
async def test_concurrent_completions_do_not_mix() -> None:
    service = fake()
    prompts = ["one two", "three four five", "six"]
    texts = await asyncio.gather(*(service.complete(p) for p in prompts))
    assert texts == ["".join(w + "\n" for w in p.split()) for p in prompts]


@pytest.mark.asyncio
async def test_first_token_arrives_while_the_child_still_runs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    release = tmp_path / "release"
    service = fake("pause", "--release-file", str(release), split="line")
    pieces = service.stream("first second third")
    try:
        first = await pieces.__anext__()
        assert first == "first\n"
        pid = the_pid(caplog)
        # The fake model waits for the release file before it writes the
        # rest and exits: it cannot have exited yet.
        assert not release.exists()
        assert not is_gone(pid)
        release.touch()
        rest = [p async for p in pieces]
    finally:
        await pieces.aclose()
    assert rest == ["second\n", "third\n"]
    assert_reaped(pid)


@pytest.mark.asyncio
async def test_slow_consumer_gets_backpressure_not_memory_growth(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    progress = tmp_path / "progress"
    total = 64 * 1024 * 1024
    service = fake("flood", "--flood-bytes", str(total),
                   "--progress-file", str(progress))
    pieces = service.stream("x")
    try:
        await pieces.__anext__()
        await asyncio.sleep(0.5)  # a slow consumer: the child runs on
        await wait_until(progress.exists)
        written = int(progress.read_text())
    finally:
        await pieces.aclose()
    # The child blocked once the pipe and asyncio's bounded buffer were
    # full: a few hundred KiB, not the 64 MiB it wanted to write.
    assert written < 4 * 1024 * 1024
    assert_reaped(the_pid(caplog))
    # It died of the SIGTERM: close() did not wait for a pipe that
    # backpressure had paused.
    (rec,) = records(caplog, "llm.completion")
    assert rec.returncode == -signal.SIGTERM
    assert not records(caplog, "llm.kill")


@pytest.mark.asyncio
async def test_logs_first_token_latency_token_count_and_duration(
    caplog: pytest.LogCaptureFixture,
) -> None:
    await fake(split="line").complete("a b c")
    (rec,) = records(caplog, "llm.completion")
    assert rec.outcome == "ok"
    assert rec.returncode == 0
    assert rec.tokens >= 1 and rec.chars == 6
    assert rec.first_token_latency_s is not None
    assert 0 < rec.first_token_latency_s <= rec.duration_s
    assert rec.levelno == logging.INFO


# Every way out: the child is always stopped and reaped.


@pytest.mark.asyncio
async def test_break_with_aclose_stops_the_child_at_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    pieces = fake("pause").stream("first second")
    try:
        async for piece in pieces:
            assert piece == "first\n"
            break
    finally:
        await pieces.aclose()
    assert_reaped(the_pid(caplog))
    (rec,) = records(caplog, "llm.completion")
    assert rec.outcome == "closed"


@pytest.mark.asyncio
async def test_plain_break_stops_the_child_when_the_generator_is_dropped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async for piece in fake("pause").stream("first second"):
        assert piece == "first\n"
        break
    # Without aclose() the loop's async-generator finalizer closes it
    # soon after: the finally block still runs.
    pid = the_pid(caplog)
    await wait_until(lambda: is_gone(pid))
    await wait_until(lambda: records(caplog, "llm.completion"))
    assert_reaped(pid)


@pytest.mark.asyncio
async def test_aclose_after_first_token(
    caplog: pytest.LogCaptureFixture,
) -> None:
    pieces = fake("pause").stream("first second")
    assert await pieces.__anext__() == "first\n"
    await pieces.aclose()
    assert_reaped(the_pid(caplog))
    with pytest.raises(StopAsyncIteration):
        await pieces.__anext__()


@pytest.mark.asyncio
async def test_cancelling_the_consumer_stops_the_child(
    caplog: pytest.LogCaptureFixture,
) -> None:
    got_first = asyncio.Event()

    async def consume() -> None:
        async for _ in fake("pause").stream("first second"):
            got_first.set()

    task = asyncio.ensure_future(consume())
    await asyncio.wait_for(got_first.wait(), LIMIT)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert_reaped(the_pid(caplog))
    (rec,) = records(caplog, "llm.completion")
    assert rec.outcome == "cancelled"


@pytest.mark.asyncio
async def test_timeout_stops_the_child(
    caplog: pytest.LogCaptureFixture,
) -> None:
    service = fake("hang", timeout=1.0)
    started = time.monotonic()
    with pytest.raises(CompletionTimeoutError) as info:
        async for _ in service.stream("x"):
            pass
    assert time.monotonic() - started < LIMIT
    assert "timed out after 1.0s" in str(info.value)
    assert info.value.returncode == -signal.SIGTERM
    assert_reaped(the_pid(caplog))


@pytest.mark.asyncio
async def test_child_ignoring_sigterm_is_killed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    service = fake("stubborn", terminate_grace=0.3)
    pieces = service.stream("x")
    assert await pieces.__anext__() == "ready\n"  # SIGTERM now ignored
    await pieces.aclose()
    assert_reaped(the_pid(caplog))
    (rec,) = records(caplog, "llm.completion")
    assert rec.returncode == -signal.SIGKILL
    assert records(caplog, "llm.kill")


@pytest.mark.asyncio
async def test_processes_started_by_the_model_are_ended_too(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The model starts a process that inherits its stdout, then exits: the
    # output never reaches its end.  Closing the stream ends the model's
    # whole process group, so that the pipes close too.
    service = fake("grandchild", pipe_timeout=0.2)
    pieces = service.stream("x")
    try:
        line = await pieces.__anext__()
        pid = the_pid(caplog)
        await wait_until(lambda: is_gone(pid))  # the model has exited
        # ...and let the event loop take note (asyncio's child watcher reaps in a thread, then
        # sets the return code from the loop): closing before that would end the still
        # "running" model's group with SIGTERM, the other path, and not log llm.kill_group.
        await asyncio.sleep(0.5)
    finally:
        await pieces.aclose()
    assert_reaped(pid)
    assert records(caplog, "llm.kill_group")
    assert not records(caplog, "llm.pipe_open")
    grandchild = int(line.split()[1])
    await wait_until(lambda: is_dead(grandchild))


@pytest.mark.asyncio
async def test_nonzero_exit_carries_exit_code_and_stderr_tail(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # 200 kB of stderr before the failure: more than a pipe holds, so this
    # also proves stderr is drained while stdout is streamed.
    service = fake("fail", "--stderr-bytes", "200000", "--exit-code", "3")
    got = []
    with pytest.raises(CompletionProcessError) as info:
        async for piece in service.stream("first second"):
            got.append(piece)
    err = info.value
    assert got == ["first\n"]
    assert err.returncode == 3
    assert "exited with code 3" in str(err)
    assert err.stderr_tail.endswith("fatal: model exploded")
    assert "fatal: model exploded" in str(err)
    assert "fatal" not in err.public_message
    assert len(err.stderr_tail) <= 4096
    assert_reaped(the_pid(caplog))


@pytest.mark.asyncio
async def test_missing_executable_is_a_clear_error(tmp_path: Path) -> None:
    before = child_pids()
    missing = str(tmp_path / "no-such-llm")
    service = CompletionService([missing, "--", PROMPT])
    with pytest.raises(ModelNotFoundError) as info:
        async for _ in service.stream("x"):
            pass
    assert "not found" in str(info.value) and missing in str(info.value)
    with pytest.raises(ModelNotFoundError):
        await service.complete("x")
    assert child_pids() == before


@pytest.mark.asyncio
async def test_empty_output(caplog: pytest.LogCaptureFixture) -> None:
    service = fake("empty")
    assert [p async for p in service.stream("x")] == []
    assert await service.complete("x") == ""
    for pid in spawned_pids(caplog):
        assert_reaped(pid)
    recs = records(caplog, "llm.completion")
    assert [r.first_token_latency_s for r in recs] == [None, None]


@pytest.mark.asyncio
async def test_non_utf8_bytes_are_replaced_by_default(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert await fake("latin1").complete("x") == "caf\ufffd\n"
    assert_reaped(the_pid(caplog))


@pytest.mark.asyncio
async def test_non_utf8_bytes_with_strict_errors_raise(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(CompletionError) as info:
        await fake("latin1", errors="strict").complete("x")
    assert "not valid utf-8" in str(info.value)
    assert_reaped(the_pid(caplog))


@pytest.mark.asyncio
async def test_utf8_split_across_writes_is_decoded_whole() -> None:
    pieces = [p async for p in fake("split-utf8").stream("x")]
    assert "".join(pieces) == "caf\u00e9\n"
    assert all("\ufffd" not in p for p in pieces)


# The WebSocket endpoint, through Starlette's test client.


def chat_client(
    mode: str = "normal", *options: str, **service_options: Any
) -> "TestClient":
    from starlette.testclient import TestClient

    from reference_service.chat import create_app

    service_options.setdefault("split", "line")
    return TestClient(create_app(fake(mode, *options, **service_options)))


def receive_reply(ws: "WebSocketTestSession") -> List[Any]:
    events: List[Any] = []
    while True:
        event = ws.receive_json()
        events.append(event)
        if event["type"] != "token":
            return events


def test_websocket_streams_tokens_then_complete(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with chat_client() as client, client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "user_message", "content": "hello big world"})
        assert receive_reply(ws) == [
            {"type": "token", "content": "hello\n"},
            {"type": "token", "content": "big\n"},
            {"type": "token", "content": "world\n"},
            {"type": "complete"},
        ]
        # Two messages sent at once are answered in order.
        ws.send_json({"type": "user_message", "content": "one"})
        ws.send_json({"type": "user_message", "content": "two"})
        assert receive_reply(ws) == [
            {"type": "token", "content": "one\n"}, {"type": "complete"},
        ]
        assert receive_reply(ws) == [
            {"type": "token", "content": "two\n"}, {"type": "complete"},
        ]
    for pid in spawned_pids(caplog):
        assert_reaped(pid)


def test_websocket_reports_a_failing_model_as_an_error_event(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with chat_client("fail") as client, client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "user_message", "content": "first second"})
        events = receive_reply(ws)
        assert events[:-1] == [{"type": "token", "content": "first\n"}]
        assert events[-1]["type"] == "error"
        assert "exited with code 3" in events[-1]["message"]
        assert "fatal" not in events[-1]["message"]  # stderr stays in logs
        assert_reaped(the_pid(caplog))
        # The connection is still usable.
        ws.send_json({"type": "user_message", "content": "again"})
        assert receive_reply(ws)[-1]["type"] == "error"


def test_websocket_rejects_malformed_messages_and_goes_on() -> None:
    with chat_client() as client, client.websocket_connect("/ws") as ws:
        for bad in ("not json", '{"type": "other"}',
                    '{"type": "user_message", "content": ""}', "[1]"):
            ws.send_text(bad)
            event = ws.receive_json()
            assert event["type"] == "error" and event["message"]
        ws.send_json({"type": "user_message", "content": "ok"})
        assert receive_reply(ws)[-1] == {"type": "complete"}


def test_websocket_disconnect_mid_stream_stops_the_child(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The fake model pauses after its first token until a release file
    # appears, which never happens: only the endpoint can end it.
    with chat_client("pause", "--release-file", "/nonexistent/never",
                     ) as client:
        with client.websocket_connect("/ws") as ws:
            ws.send_json({"type": "user_message", "content": "first second"})
            assert ws.receive_json() == {"type": "token", "content": "first\n"}
            pid = the_pid(caplog)
            assert not is_gone(pid)
            ws.close()
            # The endpoint notices the disconnect by itself, while the
            # model is silent, and stops it.
            end = time.monotonic() + LIMIT
            while not is_gone(pid):
                assert time.monotonic() < end, "model outlived the client"
                time.sleep(0.01)
        assert_reaped(pid)
    (rec,) = records(caplog, "llm.completion")
    assert rec.outcome == "cancelled"
    assert records(caplog, "chat.disconnect")


# The linter on its own clean fixture.


def run_flake8(*args: str) -> "subprocess.CompletedProcess[str]":
    # The plugin's cache goes to a temporary folder, never into the checkout.
    with tempfile.TemporaryDirectory() as cache:
        return subprocess.run(
            [sys.executable, "-m", "flake8", "--agn-cache-dir", cache, *args],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )


def test_flake8_agn_reports_nothing_on_the_reference_service(
    tmp_path: Path,
) -> None:
    # First prove the AGN plugin is installed and active, so that an empty
    # report below means "clean", not "not checked".
    bad = tmp_path / "bad.py"
    bad.write_text(textwrap.dedent("""\
        async def agen():
            yield 1


        async def main():
            await agen()
    """))
    control = run_flake8("--select", "AGN", str(bad))
    assert "AGN200" in control.stdout, control.stdout + control.stderr
    result = run_flake8("--select", "AGN", "fixtures/reference_service")
    assert result.stdout == "" and result.returncode == 0, (
        result.stdout + result.stderr
    )


def test_project_flake8_configuration_passes_on_the_service() -> None:
    result = run_flake8(
        "fixtures/reference_service", "tests/fake_llm_cli.py",
        "tests/test_reference_service.py", "bench/first_token_latency.py",
    )
    assert result.stdout == "" and result.returncode == 0, (
        result.stdout + result.stderr
    )
