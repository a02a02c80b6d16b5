#!/usr/bin/env python3
"""Benchmark flake8-asyncgen: the cost of ``flake8 --select AGN`` with the plugin
against the identical command without it, cold and warm cache, peak memory,
scaling with code size, and (if installed) pyright and mypy on the same files.

    python bench/run_bench.py [--corpus PATH] [--repeat 3] [--jobs 2]
                              [--json out.json] [--fractions 25,50,100]
                              [--tools auto|none|pyright,mypy|mypy=/path/to/mypy]

Without ``--corpus`` a pinned real-world corpus (12 async projects, wheels from
the package registry, hash-checked, ``.py`` files only) is fetched into the
cache folder ($AGN_BENCH_CACHE, default ~/.cache/flake8-asyncgen-bench).  Two
virtual environments are made there from the same interpreter: one with flake8
only, one with flake8 + this repository installed (re-installed on every run so
that the current code is measured).  See docs/performance.md for the method.

Standard library only.  The measuring core (``benchmark``) takes explicit
commands, so it can run without venvs or downloads (tests/test_bench_smoke.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # when imported from the tests
    sys.path.insert(0, str(HERE))

import _corpus  # noqa: E402

REPO = HERE.parent
MEASURE_CHILD = HERE / "_measure_child.py"
FLAKE8_PIN = "7.5.0"
PLUGIN_DIST = "flake8-asyncgen"
CACHE_OPTION = "--agn-cache-dir"
PLUGIN_CACHE_NAMES = (".agn_cache",)  # the plugin's default cache folder name
SCHEMA = 1

# targets of issue 5 (on the pinned corpus, 2 cores, -j 2)
TARGETS = {
    "cold_time": ("<=", 1.3),
    "warm_time": ("<=", 1.1),
    "memory": ("<=", 1.5),
    "pyright_speedup": (">=", 3.0),
}

LABELS = {
    "without": "flake8 --select AGN, without the plugin",
    "with_cold": "flake8 --select AGN, with the plugin, cold cache",
    "with_warm": "flake8 --select AGN, with the plugin, warm cache",
    "pyright": "pyright",
    "mypy": "mypy --check-untyped-defs",
}

Log = Callable[[str], None]


class BenchError(RuntimeError):
    pass


def _stderr_log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- files

SKIP_DIRS = {"__pycache__", "node_modules", "site-packages"}


def collect_files(root: Path) -> List[str]:
    """All ``.py`` files under ``root`` (hidden folders skipped), sorted by their
    path relative to ``root``; absolute paths are returned."""
    root = Path(root).resolve()
    if root.is_file():
        return [str(root)]
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS
                       and not d.endswith(".tmp")]
        for name in filenames:
            if name.endswith(".py"):
                full = Path(dirpath, name)
                found.append((full.relative_to(root).as_posix(), str(full)))
    found.sort()
    return [full for _, full in found]


def select_fraction(files: Sequence[str], percent: float) -> List[str]:
    """Deterministic subset: ``round(n * percent / 100)`` files spread evenly over
    the sorted list (every 4th file for 25 %, every 2nd for 50 %), so that every
    project and every kind of file is represented at every size."""
    n = len(files)
    if percent >= 100 or n == 0:
        return list(files)
    k = max(1, int(round(n * percent / 100.0)))
    return [files[(i * n) // k] for i in range(k)]


def count_lines(files: Sequence[str]) -> int:
    total = 0
    for f in files:
        with open(f, "rb") as fh:
            data = fh.read()
        total += data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    return total


def import_roots(files: Sequence[str]) -> List[str]:
    """The folder above the top-most package of each file (as mypy computes it)."""
    roots = set()
    for f in files:
        d = Path(f).parent
        while (d / "__init__.py").is_file() and d.parent != d:
            d = d.parent
        roots.add(str(d))
    return sorted(roots)


# --------------------------------------------------------------------------- measuring

class Command:
    """One measured command.  ``reset`` runs before every measured run (cold
    cache: delete the cache); ``group`` commands always run together, in order."""

    def __init__(self, name: str, argv: List[str], cwd: str, env: Optional[Dict[str, str]] = None,
                 reset: Optional[Callable[[], None]] = None,
                 ok_returncodes: Tuple[int, ...] = (0, 1),
                 label: Optional[str] = None, shown_argv: Optional[List[str]] = None):
        self.name = name
        self.argv = argv
        self.cwd = cwd
        self.env = env
        self.reset = reset
        self.ok_returncodes = ok_returncodes
        self.label = label or LABELS.get(name, name)
        self.shown_argv = shown_argv or argv


def run_once(cmd: Command, outdir: Path) -> Dict[str, Any]:
    """Run ``cmd`` once through the wrapper process; return one sample."""
    if cmd.reset is not None:
        cmd.reset()
    os.makedirs(cmd.cwd, exist_ok=True)
    outdir.mkdir(parents=True, exist_ok=True)
    report = outdir / (cmd.name + ".json")
    out = outdir / (cmd.name + ".out")
    err = outdir / (cmd.name + ".err")
    if report.exists():
        report.unlink()
    wrapper = [sys.executable, str(MEASURE_CHILD), str(report), str(out), str(err), "--"]
    subprocess.run(wrapper + list(cmd.argv), cwd=cmd.cwd, env=cmd.env, check=False)
    if not report.is_file():
        raise BenchError("the measuring wrapper failed for %s" % cmd.name)
    sample: Dict[str, Any] = json.loads(report.read_text())
    lines = out.read_bytes().splitlines()
    sample["output_lines"] = len(lines)
    # -j N prints in completion order: hash the sorted lines
    sample["output_sha256"] = hashlib.sha256(b"\n".join(sorted(lines))).hexdigest()
    sample["maxrss_mib"] = sample.pop("maxrss_kib") / 1024.0
    stderr_text = err.read_text(errors="replace")
    # exit status 1 means "findings" for flake8, mypy and pyright, but flake8
    # also exits with 1 when a plugin fails to load or crashes: then nothing
    # is printed on stdout and a traceback goes to stderr
    rc = sample["returncode"]
    sample["ok"] = rc in cmd.ok_returncodes and not (rc != 0 and not lines) \
        and "Traceback (most recent call last)" not in stderr_text
    if not sample["ok"]:
        tail = stderr_text.strip().splitlines()[-15:]
        tail = tail or out.read_text(errors="replace").strip().splitlines()[-15:]
        sample["error"] = "\n".join(tail)
    return sample


def _summary(cmd: Command, samples: List[Dict[str, Any]], n_files: int) -> Dict[str, Any]:
    good = [s for s in samples if s["ok"]] or samples
    shown = list(cmd.shown_argv)
    res = {
        "label": cmd.label,
        "argv": shown + ["<%d files>" % n_files],
        "samples": samples,
        "ok": all(s["ok"] for s in samples),
        "median_wall_s": statistics.median(s["wall_s"] for s in good),
        "median_cpu_s": statistics.median(s["cpu_s"] for s in good),
        "median_maxrss_mib": statistics.median(s["maxrss_mib"] for s in good),
        "max_maxrss_mib": max(s["maxrss_mib"] for s in good),
        "output_lines": samples[-1]["output_lines"],
        "outputs_identical": len({s["output_sha256"] for s in samples}) == 1,
    }
    errors = [s["error"] for s in samples if "error" in s]
    if errors:
        res["error"] = errors[-1]
    return res


def measure(groups: List[List[Command]], repeat: int, outdir: Path, n_files: int,
            log: Log = _stderr_log, tag: str = "") -> Dict[str, Dict[str, Any]]:
    """Run every group ``repeat`` times, alternating: round r starts with group
    r mod len(groups), so no command is always first or always last.  Inside a
    group the order is fixed (cold cache, then warm cache)."""
    samples: Dict[str, List[Dict[str, Any]]] = {c.name: [] for g in groups for c in g}
    commands = {c.name: c for g in groups for c in g}
    for r in range(repeat):
        start = r % len(groups)
        for group in groups[start:] + groups[:start]:
            for cmd in group:
                s = run_once(cmd, outdir)
                samples[cmd.name].append(s)
                log("%s round %d/%d  %-9s %7.2f s wall %7.2f s cpu %7.1f MiB  rc=%d%s" % (
                    tag, r + 1, repeat, cmd.name, s["wall_s"], s["cpu_s"], s["maxrss_mib"],
                    s["returncode"], "" if s["ok"] else "  FAILED"))
    return {name: _summary(commands[name], samples[name], n_files) for name in samples}


def _rm(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def find_cache_dirs(roots: Sequence[Path]) -> List[str]:
    """Folders named like the plugin's cache anywhere under ``roots``."""
    found = []
    for root in roots:
        if not Path(root).is_dir():
            continue
        for dirpath, dirnames, _ in os.walk(root):
            for d in list(dirnames):
                if d in PLUGIN_CACHE_NAMES:
                    found.append(os.path.join(dirpath, d))
                    dirnames.remove(d)
    return sorted(found)


def _ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    if a is None or b is None or b <= 0:
        return None
    return a / b


def _wall(results: Dict[str, Dict[str, Any]], name: str) -> Optional[float]:
    r = results.get(name)
    return r["median_wall_s"] if r and r["ok"] else None


def _cpu(results: Dict[str, Dict[str, Any]], name: str) -> Optional[float]:
    r = results.get(name)
    return r["median_cpu_s"] if r and r["ok"] else None


def _mem(results: Dict[str, Dict[str, Any]], name: str) -> Optional[float]:
    r = results.get(name)
    return r["median_maxrss_mib"] if r and r["ok"] else None


def _version(prefix: Sequence[str]) -> Tuple[int, str]:
    try:
        proc = subprocess.run(list(prefix) + ["--version"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, universal_newlines=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return -1, "unknown (%s)" % exc
    return proc.returncode, proc.stdout.strip()


def tool_version(prefix: Sequence[str]) -> str:
    rc, text = _version(prefix)
    if rc != 0:
        return "unknown (--version failed, rc=%d: %s)" % (rc, text.splitlines()[-1:])
    return " ".join(text.split())


def machine_info() -> Dict[str, Any]:
    info: Dict[str, Any] = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "cpu_count": os.cpu_count(),
    }
    if hasattr(os, "sched_getaffinity"):
        info["cpus_usable"] = len(os.sched_getaffinity(0))
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    info["cpu_model"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        info["cpu_model"] = platform.processor() or "unknown"
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    info["mem_total_gib"] = round(int(line.split()[1]) / 1024.0 / 1024.0, 1)
                    break
    except OSError:
        pass
    if hasattr(os, "getloadavg"):
        info["loadavg_start"] = [round(x, 2) for x in os.getloadavg()]
    return info


def benchmark(files: Sequence[str], *, flake8_with: Sequence[str], flake8_without: Sequence[str],
              workdir: Path, jobs: int = 2, repeat: int = 3,
              fractions: Sequence[float] = (25, 50, 100),
              tools: Optional[Mapping[str, Sequence[str]]] = None,
              with_extra_args: Sequence[str] = (), cache_dir: Optional[Path] = None,
              corpus_root: Optional[Path] = None, warmup: bool = True,
              tools_python: Optional[str] = None, log: Log = _stderr_log) -> Dict[str, Any]:
    """Measure and return the result (the JSON document).

    ``flake8_with`` / ``flake8_without``: command prefixes that start flake8
    with and without the plugin, e.g. ``[venv/bin/python, "-m", "flake8"]``.
    ``cache_dir``: passed to the plugin as ``--agn-cache-dir`` (only when given:
    the plain flake8 does not know that option).  ``tools``: name -> command
    prefix for "pyright" and/or "mypy"; they run on the largest fraction only.
    ``tools_python``: the interpreter pyright resolves third-party imports
    against (default: whatever ``python`` is on PATH).
    ``workdir``: scratch folder (working directories, caches, outputs).
    """
    files = list(files)
    if not files:
        raise BenchError("no .py files to measure")
    if repeat < 1:
        raise BenchError("repeat must be >= 1")
    tools = dict(tools or {})
    workdir = Path(workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    outdir = workdir / "out"
    fractions = sorted({float(f) for f in fractions})
    if not fractions or fractions[0] <= 0 or fractions[-1] > 100:
        raise BenchError("fractions must be in (0, 100]")
    started = time.time()

    cwd_without = workdir / "without"
    cwd_with = workdir / "with"
    for d in (cwd_without, cwd_with):
        d.mkdir(parents=True, exist_ok=True)

    def env_for(cwd: Path) -> Dict[str, str]:
        env = dict(os.environ)
        # a plugin that caches under the user cache folder must not share it
        # between runs of this benchmark and the user's own runs
        env["XDG_CACHE_HOME"] = str(cwd / "xdg-cache")
        env.pop("PYTHONPATH", None)
        return env

    plugin_args = list(with_extra_args)
    if cache_dir is not None:
        plugin_args += [CACHE_OPTION, str(cache_dir)]
    scan_roots = [cwd_with] + ([Path(corpus_root)] if corpus_root else [])

    def reset_plugin_cache() -> None:
        # the cache can be: the explicit --agn-cache-dir, ``.agn_cache`` in the
        # working directory (the default), under XDG_CACHE_HOME, or (if the
        # plugin puts it next to the code) inside the corpus: delete them all
        if cache_dir is not None:
            _rm(Path(cache_dir))
        _rm(cwd_with / "xdg-cache")
        for d in find_cache_dirs(scan_roots):
            _rm(Path(d))

    def flake8_argv(prefix: Sequence[str], extra: Sequence[str], subset: List[str]) -> List[str]:
        options = ["--isolated", "--select", "AGN", "-j", str(jobs)]
        return list(prefix) + options + list(extra) + subset

    result: Dict[str, Any] = {
        "schema": SCHEMA,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine_info(),
        "settings": {
            "corpus": str(corpus_root) if corpus_root else None,
            "files": len(files),
            "lines": count_lines(files),
            "jobs": jobs,
            "repeat": repeat,
            "fractions": fractions,
            "tools": sorted(tools),
            "warmup": warmup,
            "flake8_options": ["--isolated", "--select", "AGN", "-j", str(jobs)],
            "plugin_extra_options": plugin_args,
        },
        "versions": {
            "flake8_with": tool_version(flake8_with),
            "flake8_without": tool_version(flake8_without),
        },
        "fractions": {},
    }
    for name, prefix in sorted(tools.items()):
        result["versions"][name] = tool_version(prefix)

    if warmup:
        # untimed: fills the OS page cache and fails early on a broken command
        for cmd in (Command("warmup_without", flake8_argv(flake8_without, (), files),
                            str(cwd_without), env_for(cwd_without)),
                    Command("warmup_with", flake8_argv(flake8_with, plugin_args, files),
                            str(cwd_with), env_for(cwd_with))):
            s = run_once(cmd, outdir)
            log("warm-up  %-14s %7.2f s  rc=%d" % (cmd.name, s["wall_s"], s["returncode"]))
            if not s["ok"]:
                raise BenchError("%s failed (rc=%d):\n%s" % (
                    cmd.name, s["returncode"], s.get("error", "")))

    cache_seen: List[str] = []
    for pct in fractions:
        subset = select_fraction(files, pct)
        tag = "[%3g%%]" % pct
        groups: List[List[Command]] = [
            [Command("without", flake8_argv(flake8_without, (), subset), str(cwd_without),
                     env_for(cwd_without),
                     shown_argv=flake8_argv(["flake8"], (), []))],
            [Command("with_cold", flake8_argv(flake8_with, plugin_args, subset), str(cwd_with),
                     env_for(cwd_with), reset=reset_plugin_cache,
                     shown_argv=flake8_argv(["flake8"], plugin_args, [])),
             Command("with_warm", flake8_argv(flake8_with, plugin_args, subset), str(cwd_with),
                     env_for(cwd_with),
                     shown_argv=flake8_argv(["flake8"], plugin_args, []))],
        ]
        if pct == fractions[-1]:
            groups += _tool_groups(tools, subset, workdir, tools_python)
        res = measure(groups, repeat, outdir, len(subset), log=log, tag=tag)
        cache_seen += [d for d in find_cache_dirs(scan_roots) if d not in cache_seen]
        if cache_dir is not None and Path(cache_dir).exists() and str(cache_dir) not in cache_seen:
            cache_seen.append(str(cache_dir))
        if (cwd_with / "xdg-cache").exists() and str(cwd_with / "xdg-cache") not in cache_seen:
            cache_seen.append(str(cwd_with / "xdg-cache"))
        entry = {
            "percent": pct,
            "files": len(subset),
            "lines": count_lines(subset),
            "commands": res,
            "ratios": _ratios(res),
            "cold_warm_outputs_identical": _same_output(res, "with_cold", "with_warm"),
        }
        result["fractions"]["%g" % pct] = entry

    full = result["fractions"]["%g" % fractions[-1]]
    result["commands"] = full["commands"]
    result["ratios"] = full["ratios"]
    result["targets"] = _targets(full["ratios"]) if fractions[-1] == 100 else {}
    result["scaling"] = [_scaling_row(result["fractions"]["%g" % p]) for p in fractions]
    result["cache"] = {
        "option_passed": cache_dir is not None,
        "locations_seen": cache_seen,
        "note": ("no plugin cache folder was seen: cold and warm runs are the same work"
                 if not cache_seen else "deleted before every cold run"),
    }
    if hasattr(os, "getloadavg"):
        result["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    result["elapsed_s"] = round(time.time() - started, 1)
    return result


def _same_output(res: Dict[str, Dict[str, Any]], a: str, b: str) -> Optional[bool]:
    if a not in res or b not in res:
        return None
    ha = {s["output_sha256"] for s in res[a]["samples"]}
    hb = {s["output_sha256"] for s in res[b]["samples"]}
    return len(ha | hb) == 1


def _tool_groups(tools: Mapping[str, Sequence[str]], subset: List[str], workdir: Path,
                 tools_python: Optional[str] = None) -> List[List[Command]]:
    groups = []
    roots = import_roots(subset)
    if "pyright" in tools:
        cwd = workdir / "pyright"
        cwd.mkdir(parents=True, exist_ok=True)
        # the files' import roots, so that `import httpcore` inside httpx resolves
        # to the corpus and not to whatever the environment has installed
        (cwd / "pyrightconfig.json").write_text(json.dumps({"extraPaths": roots}, indent=1))
        argv = list(tools["pyright"]) + ["--project", str(cwd / "pyrightconfig.json")]
        if tools_python:
            # third-party imports resolve against this interpreter's site-packages
            argv += ["--pythonpath", tools_python]
        groups.append([Command("pyright", argv + subset, str(cwd),
                               shown_argv=[Path(tools["pyright"][-1]).name, "--project",
                                           "pyrightconfig.json(extraPaths=import roots)"])])
    if "mypy" in tools:
        cwd = workdir / "mypy"
        mypy_cache = cwd / ".mypy_cache"
        opts = ["--check-untyped-defs", "--ignore-missing-imports", "--no-site-packages",
                "--cache-dir", str(mypy_cache)]
        groups.append([Command("mypy", list(tools["mypy"]) + opts + subset, str(cwd),
                               reset=lambda: _rm(mypy_cache),
                               shown_argv=["mypy"] + opts[:3] + ["(cache deleted: cold)"])])
    return groups


def _ratios(res: Dict[str, Dict[str, Any]]) -> Dict[str, Optional[float]]:
    without, cold, warm = _wall(res, "without"), _wall(res, "with_cold"), _wall(res, "with_warm")
    return {
        "cold_time": _ratio(cold, without),
        "warm_time": _ratio(warm, without),
        # CPU time summed over the process tree: less sensitive than wall time
        # to other load on a shared machine (not a target, a cross-check)
        "cold_cpu": _ratio(_cpu(res, "with_cold"), _cpu(res, "without")),
        "warm_cpu": _ratio(_cpu(res, "with_warm"), _cpu(res, "without")),
        "memory_cold": _ratio(_mem(res, "with_cold"), _mem(res, "without")),
        "memory_warm": _ratio(_mem(res, "with_warm"), _mem(res, "without")),
        "pyright_over_with_cold": _ratio(_wall(res, "pyright"), cold),
        "pyright_over_with_warm": _ratio(_wall(res, "pyright"), warm),
        "mypy_over_with_cold": _ratio(_wall(res, "mypy"), cold),
    }


def _targets(ratios: Dict[str, Optional[float]]) -> Dict[str, Dict[str, Any]]:
    mems = [m for m in (ratios["memory_cold"], ratios["memory_warm"]) if m is not None]
    values = {
        "cold_time": ratios["cold_time"],
        "warm_time": ratios["warm_time"],
        "memory": max(mems) if mems else None,
        "pyright_speedup": ratios["pyright_over_with_cold"],
    }
    out = {}
    for key, (op, limit) in TARGETS.items():
        v = values[key]
        met = None if v is None else (v <= limit if op == "<=" else v >= limit)
        out[key] = {"value": v, "target": "%s %g" % (op, limit), "met": met}
    return out


def _scaling_row(entry: Dict[str, Any]) -> Dict[str, Any]:
    res = entry["commands"]
    cold, without, warm = _wall(res, "with_cold"), _wall(res, "without"), _wall(res, "with_warm")
    return {
        "percent": entry["percent"],
        "files": entry["files"],
        "lines": entry["lines"],
        "without_s": without,
        "with_cold_s": cold,
        "with_warm_s": warm,
        "plugin_cold_extra_s": None if cold is None or without is None else cold - without,
        "with_cold_us_per_line": (None if cold is None or not entry["lines"]
                                  else 1e6 * cold / entry["lines"]),
        "cold_ratio": entry["ratios"]["cold_time"],
        "warm_ratio": entry["ratios"]["warm_time"],
    }


# --------------------------------------------------------------------------- report

def _f(v: Optional[float], fmt: str = "%.2f") -> str:
    return "n/a" if v is None else fmt % v


def render_table(result: Dict[str, Any]) -> str:
    s = result["settings"]
    m = result["machine"]
    lines = [
        "flake8-asyncgen benchmark: %d files, %s lines, -j %d, %d round(s), medians" % (
            s["files"], format(s["lines"], ","), s["jobs"], s["repeat"]),
        "machine: %s, %s CPUs usable, %s GiB, Python %s; load %s -> %s" % (
            m.get("cpu_model", "?"), m.get("cpus_usable", m.get("cpu_count")),
            m.get("mem_total_gib", "?"),
            m["python"], m.get("loadavg_start"), m.get("loadavg_end")),
        "flake8 with plugin: %s" % result["versions"]["flake8_with"],
        "",
        "| command | wall s | CPU s | peak RSS MiB | wall vs without | output lines |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    res = result["commands"]
    base = _wall(res, "without")
    for name in ("without", "with_cold", "with_warm", "pyright", "mypy"):
        if name not in res:
            continue
        r = res[name]
        if not r["ok"]:
            lines.append("| %s | FAILED (rc=%s) | | | | |" % (
                r["label"], r["samples"][-1]["returncode"]))
            continue
        lines.append("| %s | %.2f | %.2f | %.1f | %s | %d |" % (
            r["label"], r["median_wall_s"], r["median_cpu_s"], r["median_maxrss_mib"],
            _f(_ratio(r["median_wall_s"], base), "%.2fx"), r["output_lines"]))
    rt = result["ratios"]
    lines += [
        "",
        "ratios: cold %s, warm %s (with/without wall; CPU: cold %s, warm %s); memory cold %s, "
        "warm %s; pyright/with(cold) %s; mypy/with(cold) %s" % (
            _f(rt["cold_time"]), _f(rt["warm_time"]), _f(rt["cold_cpu"]), _f(rt["warm_cpu"]),
            _f(rt["memory_cold"]), _f(rt["memory_warm"]),
            _f(rt["pyright_over_with_cold"]), _f(rt["mypy_over_with_cold"])),
    ]
    for key, t in result.get("targets", {}).items():
        verdict = {True: "met", False: "NOT met", None: "not measured"}[t["met"]]
        lines.append("target %-16s %s (%s): %s" % (key, _f(t["value"]), t["target"], verdict))
    lines += [
        "",
        "| corpus | files | lines | without s | with cold s | with warm s | cold ratio "
        "| warm ratio | with cold us/line |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in result["scaling"]:
        lines.append("| %g %% | %d | %s | %s | %s | %s | %s | %s | %s |" % (
            row["percent"], row["files"], format(row["lines"], ","), _f(row["without_s"]),
            _f(row["with_cold_s"]), _f(row["with_warm_s"]), _f(row["cold_ratio"]),
            _f(row["warm_ratio"]), _f(row["with_cold_us_per_line"], "%.1f")))
    lines.append("")
    seen = result["cache"]["locations_seen"]
    lines.append("plugin cache: %s%s" % (
        result["cache"]["note"], (" (" + ", ".join(seen) + ")") if seen else ""))
    for pct, entry in result["fractions"].items():
        if entry["cold_warm_outputs_identical"] is False:
            lines.append("WARNING %s%%: the plugin's findings differ between cold and warm cache"
                         % pct)
        for name, r in entry["commands"].items():
            if not r["ok"]:
                lines.append("FAILED %s%% %s:\n%s" % (pct, name, r.get("error", "")))
    return "\n".join(lines)


def write_json(result: Dict[str, Any], path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")
    os.replace(tmp, path)


# --------------------------------------------------------------------------- environments

def _run(argv: Sequence[str], log: Log, what: str) -> str:
    proc = subprocess.run(list(argv), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    if proc.returncode != 0:
        raise BenchError("%s failed (rc=%d): %s\n%s" % (
            what, proc.returncode, " ".join(argv), proc.stdout[-3000:]))
    return proc.stdout


def venv_python(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def ensure_venv(venv: Path, python: str, requirements: List[str], log: Log) -> Path:
    """Create (or reuse) ``venv`` from ``python`` with ``requirements`` installed."""
    probe = ("import sys; print(sys.version); "
             "print(getattr(sys, '_base_executable', sys.executable)); print(sys.base_prefix)")
    ident = _run([python, "-c", probe], log, "inspect %s" % python).split("\n")
    spec = {"python": ident, "requirements": requirements}
    marker = venv / ".agn-bench.json"
    py = venv_python(venv)
    if py.exists() and marker.is_file():
        try:
            if json.loads(marker.read_text()) == spec:
                return py
        except ValueError:
            pass
    log("create   %s" % venv)
    shutil.rmtree(venv, ignore_errors=True)
    _run([python, "-m", "venv", str(venv)], log, "create venv")
    _run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + requirements,
         log, "pip install in %s" % venv)
    marker.write_text(json.dumps(spec))
    return py


def install_plugin(py: Path, repo: Path, flake8_pin: str, workdir: Path, log: Log) -> None:
    """Install the CURRENT code of ``repo`` into the venv of ``py`` (a copy of the
    repository is built, so no build files land in the repository)."""
    src = workdir / "plugin-src"
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(str(repo), str(src), ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "__pycache__", ".agn_cache", ".mypy_cache",
        ".pytest_cache", ".venv", "venv", ".tox"))
    log("install  plugin from %s" % repo)
    pip = [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    # dependencies first (no-op when satisfied), then the plugin itself, forced,
    # so an unchanged version number still measures the current code
    _run(pip + ["flake8==%s" % flake8_pin, str(src)], log, "pip install plugin")
    _run(pip + ["--force-reinstall", "--no-deps", str(src)], log, "pip reinstall plugin")
    shutil.rmtree(src, ignore_errors=True)


def check_plugin_registered(prefix: Sequence[str], expected: bool) -> str:
    rc, out = _version(prefix)
    if rc != 0:
        raise BenchError("`%s --version` failed (rc=%d): a plugin that does not load?\n%s" % (
            " ".join(prefix), rc, "\n".join(out.splitlines()[-3:])))
    present = PLUGIN_DIST + ":" in out
    if present != expected:
        raise BenchError("%s: plugin %s %s in `flake8 --version`: %s" % (
            " ".join(prefix), PLUGIN_DIST, "missing" if expected else "unexpectedly present", out))
    return out


def supports_cache_option(prefix: Sequence[str]) -> bool:
    proc = subprocess.run(list(prefix) + ["--help"], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)
    return CACHE_OPTION in proc.stdout


def find_tools(spec: str, log: Log) -> Dict[str, List[str]]:
    """``auto`` (what is installed), ``none``, or ``pyright,mypy`` / ``mypy=/path``."""
    spec = spec.strip()
    if spec == "none":
        return {}
    wanted: Dict[str, Optional[str]] = {}
    if spec == "auto":
        wanted = {"pyright": None, "mypy": None}
    else:
        for item in spec.split(","):
            name, _, path = item.strip().partition("=")
            if name not in ("pyright", "mypy"):
                raise BenchError("unknown tool %r (pyright, mypy)" % name)
            wanted[name] = path or None
    found: Dict[str, List[str]] = {}
    bindir = Path(sys.executable).parent
    for name, given in wanted.items():
        cmd: Optional[List[str]] = None
        if given:
            exe = shutil.which(given)
            cmd = [exe] if exe else None
        elif (bindir / name).exists():
            cmd = [str(bindir / name)]
        elif name == "mypy" and _importable("mypy"):
            cmd = [sys.executable, "-m", "mypy"]
        elif shutil.which(name):
            cmd = [str(shutil.which(name))]
        if cmd is None:
            if spec != "auto":
                log("note     %s is not installed: skipped" % name)
            continue
        found[name] = cmd
    return found


def _importable(module: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(module) is not None


def default_cache() -> Path:
    env = os.environ.get("AGN_BENCH_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "flake8-asyncgen-bench"


# --------------------------------------------------------------------------- main

def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=Path, help="folder of .py files to measure on "
                   "(default: fetch the pinned corpus into the cache folder)")
    p.add_argument("--cache-dir", type=Path, default=None,
                   help="venvs, corpus and scratch files ($AGN_BENCH_CACHE, "
                   "default ~/.cache/flake8-asyncgen-bench)")
    p.add_argument("--repeat", type=int, default=3, help="runs of each command (default 3)")
    p.add_argument("--jobs", "-j", type=int, default=2, help="flake8 -j (default 2)")
    p.add_argument("--json", type=Path, help="write the result as JSON here")
    p.add_argument("--fractions", default="25,50,100",
                   help="corpus sizes in percent for the scaling table (default 25,50,100)")
    p.add_argument("--tools", default="auto",
                   help="comparison tools: auto (those installed), none, or a list such as "
                   "pyright,mypy or mypy=/path/to/mypy (run on the largest fraction only)")
    p.add_argument("--python", default=sys.executable,
                   help="interpreter both venvs are made from (default: this one)")
    p.add_argument("--repo", type=Path, default=REPO,
                   help="the plugin's repository (default: this one)")
    p.add_argument("--flake8-version", default=FLAKE8_PIN, help="flake8 pinned in both venvs")
    p.add_argument("--with-python", help="use this interpreter's flake8 as 'with the plugin' "
                   "(no venv is made; the plugin must be installed there)")
    p.add_argument("--without-python", help="use this interpreter's flake8 as 'without the plugin'")
    p.add_argument("--no-warmup", action="store_true", help="skip the untimed warm-up runs")
    return p.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    log = _stderr_log
    if args.repeat < 3:
        log("note     --repeat %d: fewer than 3 runs, medians are not robust" % args.repeat)
    try:
        fractions = [float(x) for x in args.fractions.split(",") if x.strip()]
    except ValueError:
        log("bad --fractions %r" % args.fractions)
        return 2
    cache = (args.cache_dir or default_cache()).expanduser().resolve()
    cache.mkdir(parents=True, exist_ok=True)
    try:
        if args.corpus is not None:
            corpus = args.corpus.expanduser().resolve()
            if not corpus.exists():
                raise BenchError("no corpus at %s" % corpus)
        else:
            corpus = _corpus.ensure_corpus(cache / "corpus", cache / "wheels", log=log)
        files = collect_files(corpus)
        if not files:
            raise BenchError("no .py files under %s" % corpus)

        flake8_req = ["flake8==%s" % args.flake8_version]
        if args.without_python:
            flake8_without = [args.without_python, "-m", "flake8"]
        else:
            py = ensure_venv(cache / "venv-plain", args.python, flake8_req, log)
            flake8_without = [str(py), "-m", "flake8"]
        if args.with_python:
            flake8_with = [args.with_python, "-m", "flake8"]
        else:
            py = ensure_venv(cache / "venv-plugin", args.python, flake8_req, log)
            install_plugin(py, args.repo.resolve(), args.flake8_version, cache, log)
            flake8_with = [str(py), "-m", "flake8"]
        check_plugin_registered(flake8_with, True)
        check_plugin_registered(flake8_without, False)

        scratch = Path(tempfile.mkdtemp(prefix="run-", dir=str(cache)))
        cache_dir = scratch / "with" / "agn-cache" if supports_cache_option(flake8_with) else None
        tools = find_tools(args.tools, log)
        log("measure  %d files under %s; tools: %s; scratch %s" % (
            len(files), corpus, ", ".join(sorted(tools)) or "none", scratch))
        try:
            result = benchmark(files, flake8_with=flake8_with, flake8_without=flake8_without,
                               workdir=scratch, jobs=args.jobs, repeat=args.repeat,
                               fractions=fractions, tools=tools, cache_dir=cache_dir,
                               corpus_root=corpus, warmup=not args.no_warmup,
                               tools_python=flake8_without[0], log=log)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    except BenchError as exc:
        log("error: %s" % exc)
        return 2
    result["settings"]["corpus_pinned"] = args.corpus is None
    result["settings"]["interpreter"] = args.python
    print(render_table(result))
    if args.json:
        write_json(result, args.json)
        log("wrote    %s" % args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
