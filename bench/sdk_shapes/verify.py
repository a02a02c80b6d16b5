"""Run every NAME_bug.py / NAME_ok.py pair in this folder and record what really happens.

Usage: PYTHON verify.py [--python PYTHON] [--only SUBSTRING] [--json PATH]

PYTHON must have the SDKs installed (see README.md). Each file runs in its own subprocess,
one at a time, with no network: HTTP SDKs use httpx/httpx2 MockTransport or loopback servers,
and the services some pairs need are started here on loopback ports in a temporary folder:
  redis_*            redis-server             -> REDIS_URL
  asyncpg_*          PostgreSQL (initdb)      -> PG_DSN
  motor_*, pymongo_* _fake_mongod.py (wire-protocol stand-in for mongod) -> MONGO_URL
A pair whose service cannot be started is reported "unproven" (with the reason), not failed.

A bug file carries `# error: <ExceptionType>: <message>` on the line that fails (and, when the
misuse is on another line, `# misuse: <what>` on that line). It passes when it exits non-zero and
its stderr holds "<ExceptionType>: <message>"; for `# error: RuntimeWarning: ...` (a failure that
is only a warning, e.g. a coroutine that is never awaited) the stderr text alone is required.
"line" says whether the traceback names the marked line (False: the error is raised later, inside
the library, e.g. while a response streams, or it is a warning issued from library code).
An ok file passes when it exits 0, prints a line starting with "ok", and its stderr has neither a
traceback nor a "never awaited" warning.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Optional

HERE = Path(__file__).resolve().parent
TIMEOUT = 90.0
SERVICE_OF_PREFIX = {"redis": "redis", "asyncpg": "postgres", "motor": "mongo", "pymongo": "mongo"}
NEVER_AWAITED = re.compile(r"coroutine '([^']+)' was never awaited")
CATEGORIES = [
    ("can't be used in 'await' expression", "await on a non-awaitable"),
    ("'async for' requires an object with __aiter__", "async for over a non-async-iterable"),
    ("does not support the asynchronous context manager protocol",
     "async with on a non-async-context-manager"),
    ("does not support the context manager protocol", "with on an async-only context manager"),
    ("Use async with instead", "with on an async-only context manager"),
    ("is not iterable", "for over an async iterable / coroutine"),
    ("first argument must be callable", "coroutine object passed where a callable is expected"),
    ("object has no attribute", "un-awaited / un-entered result used as its value"),
    ("was never awaited", "coroutine never awaited (warning only)"),
]


@dataclass
class Run:
    status: str  # "pass", "fail", "unproven"
    returncode: Optional[int] = None
    seconds: float = 0.0
    exception: str = ""
    stdout_last: str = ""
    never_awaited: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class Pair:
    name: str
    sdk: str
    service: str
    error_line: int
    misuse_line: int
    expected: str
    category: str
    bug: Run
    ok: Run
    line_confirmed: bool = False
    proven: bool = False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_port(port: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.2)
    return False


class Services:
    """Starts the loopback services on demand; stop() ends only the processes it started."""

    def __init__(self, python: str) -> None:
        self.python = python
        self.tmp = Path(tempfile.mkdtemp(prefix="sdk_shapes_"))
        self.procs: list[subprocess.Popen[bytes]] = []
        self.env: dict[str, dict[str, str]] = {}
        self.errors: dict[str, str] = {}
        self.pg_stop: Optional[Callable[[], object]] = None

    def get(self, service: str) -> Optional[dict[str, str]]:
        if service not in self.env and service not in self.errors:
            starters = {"redis": self._redis, "postgres": self._postgres, "mongo": self._mongo}
            starter = starters[service]
            try:
                self.env[service] = starter()
            except Exception as exc:  # a missing binary, a failed start: the pairs are unproven
                self.errors[service] = f"{type(exc).__name__}: {exc}"
        return self.env.get(service)

    def _redis(self) -> dict[str, str]:
        exe = shutil.which("redis-server")
        if not exe:
            raise RuntimeError("redis-server not found (Debian: apt-get install redis-server)")
        port = free_port()
        proc = subprocess.Popen([exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                 "--appendonly", "no", "--dir", str(self.tmp)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.procs.append(proc)
        if not wait_port(port, time.monotonic() + 15):
            raise RuntimeError("redis-server did not start")
        return {"REDIS_URL": f"redis://127.0.0.1:{port}/0"}

    def _postgres(self) -> dict[str, str]:
        bindir = ""
        if shutil.which("initdb") and shutil.which("pg_ctl"):
            bindir = str(Path(shutil.which("initdb") or "").parent)
        else:
            found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
            if not found:
                raise RuntimeError("PostgreSQL (initdb, pg_ctl) not found")
            bindir = str(found[-1].parent)
        data = self.tmp / "pg"
        data.mkdir()
        prefix: list[str] = []
        if os.geteuid() == 0:  # the server refuses to run as root: run it as the postgres user
            import pwd
            user = pwd.getpwnam("postgres")
            os.chown(self.tmp, user.pw_uid, user.pw_gid)
            os.chown(data, user.pw_uid, user.pw_gid)
            prefix = ["runuser", "-u", "postgres", "--"]
        port = free_port()
        initdb = [f"{bindir}/initdb", "-D", str(data / "data"), "-A", "trust", "-U", "postgres"]
        subprocess.run(prefix + initdb, check=True, capture_output=True, timeout=120)
        opts = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
        pg_ctl = [f"{bindir}/pg_ctl", "-D", str(data / "data")]
        start = pg_ctl + ["-o", opts, "-l", str(data / "log"), "-w", "start"]
        subprocess.run(prefix + start, check=True, capture_output=True, timeout=120)
        self.pg_stop = lambda: subprocess.run(prefix + pg_ctl + ["-m", "immediate", "stop"],
                                              capture_output=True, timeout=60, check=False)
        return {"PG_DSN": f"postgresql://postgres@127.0.0.1:{port}/postgres"}

    def _mongo(self) -> dict[str, str]:
        port = free_port()
        proc = subprocess.Popen([self.python, str(HERE / "_fake_mongod.py"), str(port)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.procs.append(proc)
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != b"ready":
            raise RuntimeError("_fake_mongod.py did not start")
        return {"MONGO_URL": f"mongodb://127.0.0.1:{port}/?directConnection=true"}

    def stop(self) -> None:
        if self.pg_stop:
            self.pg_stop()
        for proc in self.procs:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)


def markers(path: Path) -> tuple[int, str, int]:
    error_line, expected, misuse_line = 0, "", 0
    for number, line in enumerate(path.read_text().splitlines(), 1):
        m = re.search(r"#\s*error:\s*(.+?)\s*$", line)
        if m:
            error_line, expected = number, m.group(1)
        if re.search(r"#\s*misuse:", line):
            misuse_line = number
    return error_line, expected, misuse_line


def run_file(python: str, path: Path, env: dict[str, str]) -> tuple[Run, str]:
    start = time.monotonic()
    full_env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONWARNINGS="default", **env)
    try:
        proc = subprocess.run([python, str(path)], capture_output=True, text=True,
                              timeout=TIMEOUT, env=full_env, cwd=str(HERE))
    except subprocess.TimeoutExpired:
        note = f"timed out after {TIMEOUT:.0f}s"
        return Run("fail", None, time.monotonic() - start, note=note), ""
    out_lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    exception_line = re.compile(r"^[\s|]*[A-Za-z_][\w.]*(Error|Exception|Group)\b.*?:")
    exc_lines = [ln.strip(" |") for ln in proc.stderr.splitlines()
                 if exception_line.match(ln) and "Warning" not in ln]
    warnings = [ln.strip() for ln in proc.stderr.splitlines() if "RuntimeWarning:" in ln]
    exception = exc_lines[-1] if exc_lines else (warnings[-1] if warnings else "")
    run = Run("", proc.returncode, round(time.monotonic() - start, 2), exception=exception,
              stdout_last=out_lines[-1] if out_lines else "",
              never_awaited=sorted(set(NEVER_AWAITED.findall(proc.stderr))))
    return run, proc.stderr


def category_of(expected: str) -> str:
    for needle, name in CATEGORIES:
        if needle in expected:
            return name
    return "library-specific error"


def verify_pair(python: str, name: str, services: Services) -> Pair:
    bug_path, ok_path = HERE / f"{name}_bug.py", HERE / f"{name}_ok.py"
    sdk = name.split("_", 1)[0]
    service = SERVICE_OF_PREFIX.get(sdk, "")
    error_line, expected, misuse_line = markers(bug_path)
    pair = Pair(name, sdk, service, error_line, misuse_line, expected, category_of(expected),
                Run("unproven"), Run("unproven"))
    env: dict[str, str] = {}
    if service:
        got = services.get(service)
        if got is None:
            reason = f"{service} unavailable: {services.errors.get(service, '?')}"
            pair.bug.note = pair.ok.note = reason
            return pair
        env = got
    if not expected:
        pair.bug = Run("fail", note="no '# error:' marker")
    else:
        pair.bug, stderr = run_file(python, bug_path, env)
        if not pair.bug.note:
            warning_only = expected.startswith("RuntimeWarning")
            failed = warning_only or pair.bug.returncode not in (0, None)
            raised = failed and expected in stderr
            pair.bug.status = "pass" if raised else "fail"
            if not raised:
                pair.bug.note = "expected error not seen"
            pair.line_confirmed = f'{bug_path.name}", line {error_line},' in stderr
    pair.ok, stderr = run_file(python, ok_path, env)
    if not pair.ok.note:
        clean = (pair.ok.returncode == 0 and pair.ok.stdout_last.startswith("ok")
                 and "Traceback" not in stderr and not pair.ok.never_awaited)
        pair.ok.status = "pass" if clean else "fail"
        if not clean:
            pair.ok.note = (stderr.strip().splitlines() or ["no 'ok' line"])[-1][:200]
    pair.proven = pair.bug.status == "pass" and pair.ok.status == "pass"
    return pair


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter with the SDKs installed")
    parser.add_argument("--only", default="", help="run only the pairs whose name contains this")
    parser.add_argument("--json", default=str(HERE / "verified.json"),
                        help="where to write the results")
    args = parser.parse_args()
    names = sorted(p.name[: -len("_bug.py")] for p in HERE.glob("*_bug.py") if args.only in p.name)
    missing = [n for n in names if not (HERE / f"{n}_ok.py").exists()]
    if missing:
        print("no _ok.py for:", ", ".join(missing), file=sys.stderr)
        return 2
    services = Services(args.python)
    pairs: list[Pair] = []
    try:
        for name in names:
            pair = verify_pair(args.python, name, services)
            pairs.append(pair)
            statuses = (pair.bug.status, pair.ok.status)
            state = "UNPROVEN" if "unproven" in statuses else "FAILED"
            state = "proven" if pair.proven else state
            line = "yes" if pair.line_confirmed else "no"
            print(f"{state:9} {name:40} bug={pair.bug.status:8} line={line:3} "
                  f"ok={pair.ok.status:8} {pair.bug.exception[:70]}", flush=True)
    finally:
        services.stop()
    version = subprocess.run([args.python, "-c", "import sys; print(sys.version.split()[0])"],
                             capture_output=True, text=True, check=False).stdout.strip()
    summary = {"pairs": len(pairs), "proven": sum(p.proven for p in pairs),
               "unproven": sum("unproven" in (p.bug.status, p.ok.status) for p in pairs),
               "failed": sum("fail" in (p.bug.status, p.ok.status) for p in pairs)}
    result = {"python": version, "summary": summary, "pairs": [asdict(p) for p in pairs]}
    Path(args.json).write_text(json.dumps(result, indent=1) + "\n")
    print(f"{summary['proven']} proven, {summary['unproven']} unproven, "
          f"{summary['failed']} failed, of {summary['pairs']} pairs")
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
