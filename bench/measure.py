"""Measuring commands: one run through the wrapper process (``_measure_child.py``), and
rounds of runs that alternate the order of the commands.  Standard library only; POSIX."""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple, TypedDict

MEASURE_CHILD = Path(__file__).resolve().parent / "_measure_child.py"

Log = Callable[[str], None]


class BenchError(RuntimeError):
    """The benchmark cannot go on (a failed install, a command that does not start, ...)."""


def stderr_log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Command:
    """One measured command.  ``reset`` runs before every measured run (for a cold cache: it
    deletes the cache); ``label`` names it in the report, ``shown_argv`` in the JSON."""

    name: str
    argv: List[str]
    cwd: str
    env: Optional[Mapping[str, str]] = None
    reset: Optional[Callable[[], None]] = None
    ok_returncodes: Tuple[int, ...] = (0, 1)
    label: str = ""
    shown_argv: List[str] = field(default_factory=list)


class _SampleFields(TypedDict):

    returncode: int
    wall_s: float
    user_s: float
    sys_s: float
    cpu_s: float
    maxrss_mib: float
    output_lines: int
    output_sha256: str  # of the sorted output lines (-j N prints in completion order)
    ok: bool


class Sample(_SampleFields, total=False):
    """One run, as the wrapper measured it, plus what this module reads of its output."""

    error: str  # the end of stderr (or stdout) of a run that does not count


class _SummaryFields(TypedDict):

    label: str
    argv: List[str]
    samples: List[Sample]
    ok: bool
    median_wall_s: float
    median_cpu_s: float
    median_maxrss_mib: float
    max_maxrss_mib: float
    output_lines: int
    outputs_identical: bool


class Summary(_SummaryFields, total=False):
    """Every sample of one command, and their medians (over the good samples)."""

    error: str  # the last failed sample's


TRACEBACK = "Traceback (most recent call last)"


def judge(returncode: int, ok_returncodes: Sequence[int], stdout_lines: int,
          stderr_text: str) -> bool:
    """Whether a run counts.  Exit status 1 means "findings" for flake8, mypy and pyright, but
    flake8 also exits with 1 when a plugin fails to load or crashes: then nothing is printed on
    stdout and a traceback goes to stderr."""
    return (returncode in ok_returncodes
            and not (returncode != 0 and stdout_lines == 0)
            and TRACEBACK not in stderr_text)


def run_once(cmd: Command, outdir: Path) -> Sample:
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
    raw = json.loads(report.read_text())
    lines = out.read_bytes().splitlines()
    stderr_text = err.read_text(errors="replace")
    ok = judge(raw["returncode"], cmd.ok_returncodes, len(lines), stderr_text)
    sample = Sample(
        returncode=raw["returncode"], wall_s=raw["wall_s"], user_s=raw["user_s"],
        sys_s=raw["sys_s"], cpu_s=raw["cpu_s"], maxrss_mib=raw["maxrss_kib"] / 1024.0,
        output_lines=len(lines),
        output_sha256=hashlib.sha256(b"\n".join(sorted(lines))).hexdigest(), ok=ok,
    )
    if not ok:
        tail = stderr_text.strip().splitlines()[-15:]
        tail = tail or out.read_text(errors="replace").strip().splitlines()[-15:]
        sample["error"] = "\n".join(tail)
    return sample


def summarise(cmd: Command, samples: List[Sample], n_files: int) -> Summary:
    """Medians over the good samples (over all of them when none is good)."""
    good = [s for s in samples if s["ok"]] or samples
    res = Summary(
        label=cmd.label or cmd.name,
        argv=list(cmd.shown_argv or cmd.argv) + ["<%d files>" % n_files],
        samples=samples,
        ok=all(s["ok"] for s in samples),
        median_wall_s=statistics.median(s["wall_s"] for s in good),
        median_cpu_s=statistics.median(s["cpu_s"] for s in good),
        median_maxrss_mib=statistics.median(s["maxrss_mib"] for s in good),
        max_maxrss_mib=max(s["maxrss_mib"] for s in good),
        output_lines=samples[-1]["output_lines"],
        outputs_identical=len({s["output_sha256"] for s in samples}) == 1,
    )
    errors = [s["error"] for s in samples if "error" in s]
    if errors:
        res["error"] = errors[-1]
    return res


def round_order(groups: Sequence[Sequence[Command]], r: int) -> List[Command]:
    """The commands of round ``r``: it starts with group ``r mod len(groups)``, so no command
    is always first or always last; inside a group the order is kept (cold, then warm)."""
    start = r % len(groups)
    return [cmd for group in list(groups[start:]) + list(groups[:start]) for cmd in group]


def measure(groups: Sequence[Sequence[Command]], repeat: int, outdir: Path, n_files: int,
            log: Log = stderr_log, tag: str = "",
            run: Callable[[Command, Path], Sample] = run_once) -> Dict[str, Summary]:
    """Run every group ``repeat`` times in alternating order; summarise each command."""
    commands = {c.name: c for g in groups for c in g}
    samples: Dict[str, List[Sample]] = {name: [] for name in commands}
    for r in range(repeat):
        for cmd in round_order(groups, r):
            s = run(cmd, outdir)
            samples[cmd.name].append(s)
            log("%s round %d/%d  %-9s %7.2f s wall %7.2f s cpu %7.1f MiB  rc=%d%s" % (
                tag, r + 1, repeat, cmd.name, s["wall_s"], s["cpu_s"], s["maxrss_mib"],
                s["returncode"], "" if s["ok"] else "  FAILED"))
    return {name: summarise(commands[name], samples[name], n_files) for name in commands}
