"""What the measurements mean: ratios between commands, the targets, the scaling rows.
Pure functions of the summaries that :mod:`measure` returns."""

from __future__ import annotations

from typing import Dict, Mapping, Optional, Tuple, TypedDict

from measure import Summary

Summaries = Mapping[str, Summary]
Ratios = Dict[str, Optional[float]]

# targets of issue 5 (on the pinned corpus, 2 cores, -j 2): name -> (comparison, limit)
TARGETS: Dict[str, Tuple[str, float]] = {
    "cold_time": ("<=", 1.3),
    "warm_time": ("<=", 1.1),
    "memory": ("<=", 1.5),
    "pyright_speedup": (">=", 3.0),
    # issue 11: the command against ``flake8 --select AGN`` with the plugin, same -j
    "command_speedup": (">=", 6.0),
}


class Target(TypedDict):
    value: Optional[float]
    target: str
    met: Optional[bool]


class Fraction(TypedDict):
    """The measurements on one corpus size."""

    percent: float
    files: int
    lines: int
    commands: Dict[str, Summary]
    ratios: Ratios
    cold_warm_outputs_identical: Optional[bool]


class ScalingRow(TypedDict):
    percent: float
    files: int
    lines: int
    without_s: Optional[float]
    with_cold_s: Optional[float]
    with_warm_s: Optional[float]
    plugin_cold_extra_s: Optional[float]
    with_cold_us_per_line: Optional[float]
    cold_ratio: Optional[float]
    warm_ratio: Optional[float]


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    if a is None or b is None or b <= 0:
        return None
    return a / b


def wall(res: Summaries, name: str) -> Optional[float]:
    """The median wall time of ``name``, or None when it did not run or failed."""
    r = res.get(name)
    return r["median_wall_s"] if r and r["ok"] else None


def cpu(res: Summaries, name: str) -> Optional[float]:
    r = res.get(name)
    return r["median_cpu_s"] if r and r["ok"] else None


def memory(res: Summaries, name: str) -> Optional[float]:
    r = res.get(name)
    return r["median_maxrss_mib"] if r and r["ok"] else None


def ratios(res: Summaries) -> Ratios:
    without, cold, warm = wall(res, "without"), wall(res, "with_cold"), wall(res, "with_warm")
    return {
        "cold_time": ratio(cold, without),
        "warm_time": ratio(warm, without),
        # CPU time summed over the process tree: less sensitive than wall time to other
        # load on a shared machine (not a target, a cross-check)
        "cold_cpu": ratio(cpu(res, "with_cold"), cpu(res, "without")),
        "warm_cpu": ratio(cpu(res, "with_warm"), cpu(res, "without")),
        "memory_cold": ratio(memory(res, "with_cold"), memory(res, "without")),
        "memory_warm": ratio(memory(res, "with_warm"), memory(res, "without")),
        "pyright_over_with_cold": ratio(wall(res, "pyright"), cold),
        "pyright_over_with_warm": ratio(wall(res, "pyright"), warm),
        "mypy_over_with_cold": ratio(wall(res, "mypy"), cold),
        "command_speedup_cold": ratio(cold, wall(res, "command_cold")),
        "command_speedup_warm": ratio(warm, wall(res, "command_warm")),
        "command_over_floor": ratio(wall(res, "command_warm"), wall(res, "parse_floor")),
    }


def targets(r: Ratios) -> Dict[str, Target]:
    """Each target's value and verdict; memory takes the larger of the cold and warm ratios."""
    mems = [m for m in (r["memory_cold"], r["memory_warm"]) if m is not None]
    values = {
        "cold_time": r["cold_time"],
        "warm_time": r["warm_time"],
        "memory": max(mems) if mems else None,
        "pyright_speedup": r["pyright_over_with_cold"],
        "command_speedup": _smaller(r.get("command_speedup_cold"), r.get("command_speedup_warm")),
    }
    out: Dict[str, Target] = {}
    for key, (op, limit) in TARGETS.items():
        v = values[key]
        met = None if v is None else (v <= limit if op == "<=" else v >= limit)
        out[key] = Target(value=v, target="%s %g" % (op, limit), met=met)
    return out


def _smaller(a: Optional[float], b: Optional[float]) -> Optional[float]:
    values = [v for v in (a, b) if v is not None]
    return min(values) if values else None


def same_output(res: Summaries, a: str, b: str) -> Optional[bool]:
    """Whether every run of ``a`` and ``b`` printed the same lines (None: one did not run)."""
    if a not in res or b not in res:
        return None
    hashes = {s["output_sha256"] for name in (a, b) for s in res[name]["samples"]}
    return len(hashes) == 1


def scaling_row(entry: Fraction) -> ScalingRow:
    res = entry["commands"]
    cold, without, warm = wall(res, "with_cold"), wall(res, "without"), wall(res, "with_warm")
    return ScalingRow(
        percent=entry["percent"],
        files=entry["files"],
        lines=entry["lines"],
        without_s=without,
        with_cold_s=cold,
        with_warm_s=warm,
        plugin_cold_extra_s=None if cold is None or without is None else cold - without,
        with_cold_us_per_line=(None if cold is None or not entry["lines"]
                               else 1e6 * cold / entry["lines"]),
        cold_ratio=entry["ratios"]["cold_time"],
        warm_ratio=entry["ratios"]["warm_time"],
    )
