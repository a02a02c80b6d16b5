"""First-token latency of the fake model through the reference service.

    python bench/first_token_latency.py [--runs N]

Measures, for the fake command-line model of the tests
(tests/fake_llm_cli.py, started with this interpreter):

- raw:        spawn with subprocess.Popen to its first stdout byte (the
              floor: the cost of starting a Python process);
- stream:     CompletionService.stream() call to its first piece, in chunk
              and in line mode (spawn included);
- websocket:  sending a user_message through Starlette's test client to
              receiving the first token event (needs the service extra).

Prints the median, 90th percentile and minimum of each, in milliseconds.
"""

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parent.parent
FAKE = ROOT / "tests" / "fake_llm_cli.py"
sys.path.insert(0, str(ROOT / "fixtures"))

from reference_service import PROMPT, CompletionService  # noqa: E402

COMMAND = [sys.executable, str(FAKE), "--mode", "slow", "--delay", "0.01",
           "--", PROMPT]
PROMPT_TEXT = "the quick brown fox jumps over the lazy dog"


def raw_once() -> float:
    started = time.perf_counter()
    proc = subprocess.Popen([*COMMAND[:-1], PROMPT_TEXT],
                            stdout=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.read(1)
    elapsed = time.perf_counter() - started
    proc.stdout.read()
    proc.stdout.close()
    proc.wait()
    return elapsed


async def stream_once(service: CompletionService) -> float:
    started = time.perf_counter()
    elapsed = float("nan")  # the model printed nothing
    pieces = service.stream(PROMPT_TEXT)
    try:
        async for _ in pieces:
            elapsed = time.perf_counter() - started
            break
    finally:
        await pieces.aclose()
    return elapsed


def websocket_runs(runs: int) -> List[float]:
    with warnings.catch_warnings():
        # Recent Starlette warns that its test client prefers httpx2.
        warnings.filterwarnings("ignore", message=".*httpx2")
        from starlette.testclient import TestClient

    from reference_service.chat import create_app

    app = create_app(CompletionService(COMMAND, split="chunk"))
    times: List[float] = []
    with TestClient(app) as client, client.websocket_connect("/ws") as ws:
        for _ in range(runs):
            started = time.perf_counter()
            ws.send_json({"type": "user_message", "content": PROMPT_TEXT})
            event = ws.receive_json()
            times.append(time.perf_counter() - started)
            assert event["type"] == "token", event
            while event["type"] == "token":
                event = ws.receive_json()
            assert event == {"type": "complete"}, event
    return times


def summary(name: str, times: List[float]) -> None:
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, int(round(0.9 * (len(ms) - 1))))]
    print(f"{name:<18} median {statistics.median(ms):7.1f} ms   "
          f"p90 {p90:7.1f} ms   min {ms[0]:7.1f} ms   (n={len(ms)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    print(f"python {sys.version.split()[0]}, {runs} runs each")
    raw_once()  # warm the file cache
    summary("raw Popen", [raw_once() for _ in range(runs)])
    for split in ("chunk", "line"):
        service = CompletionService(COMMAND, split=split)

        async def measure(service: CompletionService = service) -> List[float]:
            return [await stream_once(service) for _ in range(runs)]

        summary(f"stream ({split})", asyncio.run(measure()))
    try:
        times = websocket_runs(runs)
    except ImportError as exc:
        print(f"websocket: skipped ({exc})")
    else:
        summary("websocket (chunk)", times)


if __name__ == "__main__":
    main()
