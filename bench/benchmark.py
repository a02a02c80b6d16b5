"""What the benchmark runs, and the result document: flake8 with and without the plugin
(cold and warm cache) on every corpus fraction, the comparison tools on the largest one.

:func:`benchmark` takes explicit command prefixes, so it runs without venvs or downloads
(tests/test_bench_smoke.py)."""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, TypedDict

from corpus_files import count_lines, import_roots, select_fraction
from environments import MachineInfo, machine_info, tool_version
from measure import BenchError, Command, Log, Summary, measure, run_once, stderr_log
from results import (Fraction, Ratios, ScalingRow, Target, ratios, same_output, scaling_row,
                     targets)

SCHEMA = 2
CACHE_OPTION = "--agn-cache-dir"

LABELS = {
    "without": "flake8 --select AGN, without the plugin",
    "with_cold": "flake8 --select AGN, with the plugin, cold cache",
    "with_warm": "flake8 --select AGN, with the plugin, warm cache",
    "command_cold": "flake8-asyncgen (the command), cold cache",
    "command_warm": "flake8-asyncgen (the command), warm cache",
    "parse_floor": "ast.parse of every file (the floor)",
    "pyright": "pyright",
    "mypy": "mypy --check-untyped-defs",
}
MYPY_OPTIONS = ["--check-untyped-defs", "--ignore-missing-imports", "--no-site-packages"]


class _SettingsFields(TypedDict):
    corpus: Optional[str]
    files: int
    lines: int
    jobs: int
    repeat: int
    fractions: List[float]
    tools: List[str]
    warmup: bool
    flake8_options: List[str]
    plugin_extra_options: List[str]


class Settings(_SettingsFields, total=False):
    corpus_pinned: bool  # set by run_bench.main
    interpreter: str


class CacheInfo(TypedDict):
    dir: str
    locations_seen: List[str]  # [dir] when the plugin wrote its cache there, else []
    note: str


class Result(TypedDict):
    schema: int
    created: str
    machine: MachineInfo
    settings: Settings
    versions: Dict[str, str]
    fractions: Dict[str, Fraction]
    commands: Dict[str, Summary]
    ratios: Ratios
    targets: Dict[str, Target]
    scaling: List[ScalingRow]
    cache: CacheInfo
    elapsed_s: float


def cache_info(cache_dir: Path, written: bool) -> CacheInfo:
    return CacheInfo(
        dir=str(cache_dir), locations_seen=[str(cache_dir)] if written else [],
        note=("deleted before every cold run" if written else
              "the plugin wrote no cache: cold and warm runs are the same work"))


def remove(path: Path) -> None:
    """Delete a file or folder if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


@dataclass(frozen=True)
class Flake8Runs:
    """How flake8 is started on both sides.  Each side has its own scratch working
    directory; only the plugin side gets ``--agn-cache-dir`` (plain flake8 rejects it), and
    the cold run deletes that folder first."""

    with_plugin: Sequence[str]
    without_plugin: Sequence[str]
    workdir: Path
    jobs: int
    env: Optional[Mapping[str, str]] = None  # None: this process's environment
    # The standalone command (``flake8-asyncgen``) and an interpreter for the parse floor,
    # from the plugin's environment; None: not measured.
    command: Optional[Sequence[str]] = None
    floor_python: Optional[str] = None

    @property
    def options(self) -> List[str]:
        return ["--isolated", "--select", "AGN", "-j", str(self.jobs)]

    @property
    def cache_dir(self) -> Path:
        return self.workdir / "with" / "agn-cache"

    @property
    def plugin_args(self) -> List[str]:
        return [CACHE_OPTION, str(self.cache_dir)]

    def reset_cache(self) -> None:
        remove(self.cache_dir)

    def plain(self, files: List[str], name: str = "without") -> Command:
        return Command(name, [*self.without_plugin, *self.options, *files],
                       str(self.workdir / "without"), self.env, label=LABELS.get(name, name),
                       shown_argv=["flake8", *self.options])

    def plugin(self, files: List[str], name: str, cold: bool = False) -> Command:
        return Command(name, [*self.with_plugin, *self.options, *self.plugin_args, *files],
                       str(self.workdir / "with"), self.env,
                       reset=self.reset_cache if cold else None, label=LABELS.get(name, name),
                       shown_argv=["flake8", *self.options, *self.plugin_args])

    @property
    def command_cache_dir(self) -> Path:
        return self.workdir / "command" / "agn-cache"

    def standalone(self, files: List[str], name: str, cold: bool = False) -> Command:
        assert self.command is not None
        options = ["--isolated", "-j", str(self.jobs), CACHE_OPTION, str(self.command_cache_dir)]
        return Command(name, [*self.command, *options, *files], str(self.workdir / "command"),
                       self.env, reset=(lambda: remove(self.command_cache_dir)) if cold else None,
                       label=LABELS.get(name, name),
                       shown_argv=["flake8-asyncgen", *options])

    def floor(self, files: List[str]) -> Command:
        assert self.floor_python is not None
        script = ("import ast, sys\nfor name in sys.argv[1:]:\n"
                  "    with open(name, 'rb') as handle:\n        ast.parse(handle.read())\n")
        return Command("parse_floor", [self.floor_python, "-c", script, *files],
                       str(self.workdir / "command"), self.env, label=LABELS["parse_floor"],
                       shown_argv=["python", "-c", "ast.parse(every file)"])

    def groups(self, files: List[str]) -> List[List[Command]]:
        """[without], [with cold -> with warm] (the warm run must follow a cold one), and the
        command cold -> warm and the parse floor when they are measured."""
        groups = [[self.plain(files)],
                  [self.plugin(files, "with_cold", cold=True), self.plugin(files, "with_warm")]]
        if self.command is not None:
            groups.append([self.standalone(files, "command_cold", cold=True),
                           self.standalone(files, "command_warm")])
        if self.floor_python is not None:
            groups.append([self.floor(files)])
        return groups


# Not passed to the measured commands: PYTHONPATH would put another copy of the plugin first,
# and an activated virtual environment (VIRTUAL_ENV) is where the plugin reads installed
# packages, so the numbers would depend on the shell the benchmark was started from (measured:
# the command's cold run over the corpus took 1.33 s with the developer's venv active, 1.13 s
# without, the plugin's 1.23x and 1.20x).  Each venv's own packages are what is measured;
# ``--with-deps`` installs the corpus's dependencies there.
_NOT_PASSED = ("PYTHONPATH", "VIRTUAL_ENV")


def measured_environment(environ: Mapping[str, str]) -> Dict[str, str]:
    """The environment the measured commands run in: this one without :data:`_NOT_PASSED`."""
    return {k: v for k, v in environ.items() if k not in _NOT_PASSED}


def tool_groups(tools: Mapping[str, Sequence[str]], files: List[str], workdir: Path,
                tools_python: Optional[str] = None) -> List[List[Command]]:
    """pyright (imports resolved against the files' own roots, third-party ones against
    ``tools_python``) and mypy (cold cache, no site-packages), one group each."""
    groups: List[List[Command]] = []
    if "pyright" in tools:
        cwd = workdir / "pyright"
        cwd.mkdir(parents=True, exist_ok=True)
        config = cwd / "pyrightconfig.json"
        config.write_text(json.dumps({"extraPaths": import_roots(files)}, indent=1))
        argv = [*tools["pyright"], "--project", str(config)]
        if tools_python:
            argv += ["--pythonpath", tools_python]
        groups.append([Command("pyright", argv + files, str(cwd), label=LABELS["pyright"],
                               shown_argv=[Path(tools["pyright"][-1]).name, "--project",
                                           "pyrightconfig.json(extraPaths=import roots)"])])
    if "mypy" in tools:
        cwd = workdir / "mypy"
        mypy_cache = cwd / ".mypy_cache"
        opts = MYPY_OPTIONS + ["--cache-dir", str(mypy_cache)]
        groups.append([Command("mypy", [*tools["mypy"], *opts, *files], str(cwd),
                               reset=lambda: remove(mypy_cache), label=LABELS["mypy"],
                               shown_argv=["mypy", *MYPY_OPTIONS, "(cache deleted: cold)"])])
    return groups


def versions_of(runs: Flake8Runs, tools: Mapping[str, Sequence[str]]) -> Dict[str, str]:
    """``--version`` of both flake8 sides and of each tool."""
    versions = {"flake8_with": tool_version(runs.with_plugin),
                "flake8_without": tool_version(runs.without_plugin)}
    versions.update((name, tool_version(prefix)) for name, prefix in sorted(tools.items()))
    return versions


def warm_up(runs: Flake8Runs, files: List[str], outdir: Path, log: Log) -> None:
    """One untimed run of each flake8 command: fills the OS page cache, and stops the
    benchmark early if a command fails."""
    for cmd in (runs.plain(files, "warmup_without"), runs.plugin(files, "warmup_with")):
        s = run_once(cmd, outdir)
        log("warm-up  %-14s %7.2f s  rc=%d" % (cmd.name, s["wall_s"], s["returncode"]))
        if not s["ok"]:
            raise BenchError("%s failed (rc=%d):\n%s" % (
                cmd.name, s["returncode"], s.get("error", "")))


def check_fractions(fractions: Sequence[float]) -> List[float]:
    """Sorted, without duplicates, each in (0, 100]."""
    out = sorted({float(f) for f in fractions})
    if not out or out[0] <= 0 or out[-1] > 100:
        raise BenchError("fractions must be in (0, 100]")
    return out


def measure_fraction(runs: Flake8Runs, files: List[str], pct: float,
                     tool_cmds: Mapping[str, Sequence[str]], tools_python: Optional[str],
                     repeat: int, outdir: Path, log: Log) -> Fraction:
    """Both flake8 sides (and the given tools) on ``pct`` % of ``files``."""
    subset = select_fraction(files, pct)
    groups = runs.groups(subset) + tool_groups(tool_cmds, subset, runs.workdir, tools_python)
    res = measure(groups, repeat, outdir, len(subset), log=log, tag="[%3g%%]" % pct)
    return Fraction(percent=pct, files=len(subset), lines=count_lines(subset), commands=res,
                    ratios=ratios(res),
                    cold_warm_outputs_identical=same_output(res, "with_cold", "with_warm"))


def benchmark(files: Sequence[str], *, flake8_with: Sequence[str],
              flake8_without: Sequence[str], workdir: Path, jobs: int = 2, repeat: int = 3,
              fractions: Sequence[float] = (25, 50, 100),
              tools: Optional[Mapping[str, Sequence[str]]] = None,
              corpus_root: Optional[Path] = None, warmup: bool = True,
              tools_python: Optional[str] = None, command: Optional[Sequence[str]] = None,
              floor_python: Optional[str] = None, log: Log = stderr_log) -> Result:
    """Measure and return the result (the JSON document).

    ``flake8_with`` / ``flake8_without``: command prefixes that start flake8 with and without
    the plugin, e.g. ``[venv/bin/python, "-m", "flake8"]``.  ``tools``: name -> command prefix
    for "pyright" and/or "mypy"; they run on the largest fraction only.  ``tools_python``: the
    interpreter pyright resolves third-party imports against.  ``workdir``: scratch folder
    (working directories, the plugin's cache, outputs).
    """
    file_list = list(files)
    if not file_list:
        raise BenchError("no .py files to measure")
    if repeat < 1:
        raise BenchError("repeat must be >= 1")
    sizes = check_fractions(fractions)
    tool_cmds = dict(tools or {})
    workdir = Path(workdir).resolve()
    outdir = workdir / "out"
    env = measured_environment(os.environ)
    runs = Flake8Runs(flake8_with, flake8_without, workdir, jobs, env, command, floor_python)
    for side in ("with", "without", "command"):
        (workdir / side).mkdir(parents=True, exist_ok=True)
    started = time.time()
    machine = machine_info()
    settings = Settings(
        corpus=str(corpus_root) if corpus_root else None, files=len(file_list),
        lines=count_lines(file_list), jobs=jobs, repeat=repeat, fractions=sizes,
        tools=sorted(tool_cmds), warmup=warmup, flake8_options=runs.options,
        plugin_extra_options=runs.plugin_args)
    versions = versions_of(runs, tool_cmds)

    if warmup:
        warm_up(runs, file_list, outdir, log)
    by_size: Dict[str, Fraction] = {}
    cache_written = False
    for pct in sizes:
        tools_here = tool_cmds if pct == sizes[-1] else {}  # tools: largest fraction only
        by_size["%g" % pct] = measure_fraction(runs, file_list, pct, tools_here, tools_python,
                                               repeat, outdir, log)
        cache_written = cache_written or runs.cache_dir.is_dir()

    full = by_size["%g" % sizes[-1]]
    machine["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    return Result(
        schema=SCHEMA,
        created=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        machine=machine,
        settings=settings,
        versions=versions,
        fractions=by_size,
        commands=full["commands"],
        ratios=full["ratios"],
        targets=targets(full["ratios"]) if sizes[-1] == 100 else {},
        scaling=[scaling_row(by_size["%g" % p]) for p in sizes],
        cache=cache_info(runs.cache_dir, cache_written),
        elapsed_s=round(time.time() - started, 1),
    )
