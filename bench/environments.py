"""Where the measured commands come from: the two virtual environments (flake8 alone, flake8
with this repository installed), the comparison tools, their versions, and the machine.
Standard library only; POSIX."""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple, Union

from measure import BenchError, Log

FLAKE8_PIN = "7.5.0"
PLUGIN_DIST = "flake8-asyncgen"
TOOL_NAMES = ("pyright", "mypy")
COPY_IGNORE = (".git", "build", "dist", "*.egg-info", "__pycache__", ".agn_cache",
               ".mypy_cache", ".pytest_cache", ".venv", "venv", ".tox")

MachineInfo = Dict[str, Union[str, int, float, None, List[float]]]


def default_cache() -> Path:
    """``$AGN_BENCH_CACHE``, or ``~/.cache/flake8-asyncgen-bench``."""
    env = os.environ.get("AGN_BENCH_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "flake8-asyncgen-bench"


def run_checked(argv: Sequence[str], what: str) -> str:
    """Run ``argv``; return its output, or raise :class:`BenchError` with its end."""
    proc = subprocess.run(list(argv), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    if proc.returncode != 0:
        raise BenchError("%s failed (rc=%d): %s\n%s" % (
            what, proc.returncode, " ".join(argv), proc.stdout[-3000:]))
    return proc.stdout


def venv_python(venv: Path) -> Path:
    return venv / "bin" / "python"


def ensure_venv(venv: Path, python: str, requirements: List[str], log: Log) -> Path:
    """Create ``venv`` from ``python`` with ``requirements``, or reuse it when its marker
    file says it was made from the same interpreter with the same requirements."""
    probe = ("import sys; print(sys.version); "
             "print(getattr(sys, '_base_executable', sys.executable)); print(sys.base_prefix)")
    ident = run_checked([python, "-c", probe], "inspect %s" % python).split("\n")
    spec = {"python": ident, "requirements": requirements}
    marker = venv / ".agn-bench.json"
    py = venv_python(venv)
    if py.exists() and marker.is_file():
        try:
            if json.loads(marker.read_text()) == spec:
                return py
        except ValueError:
            pass  # a damaged marker: make the venv again
    log("create   %s" % venv)
    shutil.rmtree(venv, ignore_errors=True)
    run_checked([python, "-m", "venv", str(venv)], "create venv")
    run_checked([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                 *requirements], "pip install in %s" % venv)
    marker.write_text(json.dumps(spec))
    return py


def install_plugin(py: Path, repo: Path, flake8_pin: str, workdir: Path, log: Log) -> None:
    """Install the CURRENT code of ``repo`` into the venv of ``py``, from a copy of the
    repository (so no build files land in it), forced so that an unchanged version number
    still measures the current code."""
    src = workdir / "plugin-src"
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(str(repo), str(src), ignore=shutil.ignore_patterns(*COPY_IGNORE))
    log("install  plugin from %s" % repo)
    pip = [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run_checked(pip + ["flake8==%s" % flake8_pin, str(src)], "pip install plugin")
    run_checked(pip + ["--force-reinstall", "--no-deps", str(src)], "pip reinstall plugin")
    shutil.rmtree(src, ignore_errors=True)


def version_output(prefix: Sequence[str]) -> Tuple[int, str]:
    """Exit status and output of ``prefix --version`` (-1 when it cannot start)."""
    try:
        proc = subprocess.run(list(prefix) + ["--version"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, universal_newlines=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return -1, "unknown (%s)" % exc
    return proc.returncode, proc.stdout.strip()


def tool_version(prefix: Sequence[str]) -> str:
    rc, text = version_output(prefix)
    if rc != 0:
        return "unknown (--version failed, rc=%d: %s)" % (rc, text.splitlines()[-1:])
    return " ".join(text.split())


def plugin_listed(version_text: str) -> bool:
    """Whether ``flake8 --version`` output lists this plugin (``flake8-asyncgen: 0.1.0``)."""
    return PLUGIN_DIST + ":" in version_text


def check_plugin_registered(prefix: Sequence[str], expected: bool) -> str:
    """Fail unless flake8 started by ``prefix`` runs, and lists the plugin iff ``expected``."""
    rc, out = version_output(prefix)
    if rc != 0:
        raise BenchError("`%s --version` failed (rc=%d): a plugin that does not load?\n%s" % (
            " ".join(prefix), rc, "\n".join(out.splitlines()[-3:])))
    if plugin_listed(out) != expected:
        raise BenchError("%s: plugin %s %s in `flake8 --version`: %s" % (
            " ".join(prefix), PLUGIN_DIST, "missing" if expected else "unexpectedly present", out))
    return out


def parse_tools(spec: str) -> Dict[str, Optional[str]]:
    """``auto`` -> every known tool, ``none`` -> none, ``pyright,mypy=/path`` -> those, with
    the given paths."""
    spec = spec.strip()
    if spec == "none":
        return {}
    if spec == "auto":
        return {name: None for name in TOOL_NAMES}
    wanted: Dict[str, Optional[str]] = {}
    for item in spec.split(","):
        name, _, path = item.strip().partition("=")
        if name not in TOOL_NAMES:
            raise BenchError("unknown tool %r (%s)" % (name, ", ".join(TOOL_NAMES)))
        wanted[name] = path or None
    return wanted


def locate_tool(name: str, given: Optional[str], bindir: Path) -> Optional[List[str]]:
    """The command prefix of a tool: the given path, else next to the interpreter, else
    ``python -m mypy``, else on ``PATH``."""
    if given:
        exe = shutil.which(given)
        return [exe] if exe else None
    if (bindir / name).exists():
        return [str(bindir / name)]
    if name == "mypy" and importlib.util.find_spec("mypy") is not None:
        return [sys.executable, "-m", "mypy"]
    found = shutil.which(name)
    return [found] if found else None


def find_tools(spec: str, log: Log) -> Dict[str, List[str]]:
    """The comparison tools asked for by ``--tools`` that can be found."""
    found: Dict[str, List[str]] = {}
    for name, given in parse_tools(spec).items():
        cmd = locate_tool(name, given, Path(sys.executable).parent)
        if cmd is None:
            if spec.strip() != "auto":
                log("note     %s is not installed: skipped" % name)
            continue
        found[name] = cmd
    return found


def _first_field(path: str, prefix: str) -> Optional[str]:
    """The text after ``:`` on the first line of ``path`` that starts with ``prefix``."""
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def machine_info() -> MachineInfo:
    info: MachineInfo = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "cpu_count": os.cpu_count(),
        "cpu_model": _first_field("/proc/cpuinfo", "model name") or platform.processor()
        or "unknown",
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
    }
    if sys.platform == "linux":
        info["cpus_usable"] = len(os.sched_getaffinity(0))
    mem = _first_field("/proc/meminfo", "MemTotal")
    if mem is not None:
        info["mem_total_gib"] = round(int(mem.split()[0]) / 1024.0 / 1024.0, 1)
    return info
