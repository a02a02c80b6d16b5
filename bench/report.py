"""The benchmark's outputs: the Markdown report printed on stdout, and the JSON file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import List, Mapping, Optional

from benchmark import CacheInfo, Result
from measure import Summary
from results import Fraction, ratio, wall

COMMAND_ORDER = ("without", "with_cold", "with_warm", "command_cold", "command_warm",
                 "parse_floor", "pyright", "mypy")
VERDICTS = {True: "met", False: "NOT met", None: "not measured"}


def fmt(v: Optional[float], spec: str = "%.2f") -> str:
    return "n/a" if v is None else spec % v


def header(result: Result) -> List[str]:
    s, m = result["settings"], result["machine"]
    return [
        "flake8-asyncgen benchmark: %d files, %s lines, -j %d, %d round(s), medians" % (
            s["files"], format(s["lines"], ","), s["jobs"], s["repeat"]),
        "machine: %s, %s CPUs usable, %s GiB, Python %s; load %s -> %s" % (
            m.get("cpu_model", "?"), m.get("cpus_usable", m.get("cpu_count")),
            m.get("mem_total_gib", "?"), m["python"], m.get("loadavg_start"),
            m.get("loadavg_end")),
        "flake8 with plugin: %s" % result["versions"]["flake8_with"],
    ]


def command_table(res: Mapping[str, Summary]) -> List[str]:
    lines = ["| command | wall s | CPU s | peak RSS MiB | wall vs without | output lines |",
             "|---|---:|---:|---:|---:|---:|"]
    base = wall(res, "without")
    for name in COMMAND_ORDER:
        if name not in res:
            continue
        r = res[name]
        if not r["ok"]:
            lines.append("| %s | FAILED (rc=%s) | | | | |" % (
                r["label"], r["samples"][-1]["returncode"]))
            continue
        lines.append("| %s | %.2f | %.2f | %.1f | %s | %d |" % (
            r["label"], r["median_wall_s"], r["median_cpu_s"], r["median_maxrss_mib"],
            fmt(ratio(r["median_wall_s"], base), "%.2fx"), r["output_lines"]))
    return lines


def ratio_lines(result: Result) -> List[str]:
    rt = result["ratios"]
    lines = [
        "ratios: cold %s, warm %s (with/without wall; CPU: cold %s, warm %s); memory cold %s, "
        "warm %s; pyright/with(cold) %s; mypy/with(cold) %s" % (
            fmt(rt["cold_time"]), fmt(rt["warm_time"]), fmt(rt["cold_cpu"]),
            fmt(rt["warm_cpu"]), fmt(rt["memory_cold"]), fmt(rt["memory_warm"]),
            fmt(rt["pyright_over_with_cold"]), fmt(rt["mypy_over_with_cold"])),
    ]
    if rt.get("command_speedup_cold") is not None:
        lines.append(
            "command: %s x faster than flake8 --select AGN cold, %s x warm; %s x the parse floor"
            % (fmt(rt.get("command_speedup_cold")), fmt(rt.get("command_speedup_warm")),
               fmt(rt.get("command_over_floor"))))
    for key, t in result["targets"].items():
        lines.append("target %-16s %s (%s): %s" % (
            key, fmt(t["value"]), t["target"], VERDICTS[t["met"]]))
    return lines


def scaling_table(result: Result) -> List[str]:
    lines = ["| corpus | files | lines | without s | with cold s | with warm s | cold ratio "
             "| warm ratio | with cold us/line |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in result["scaling"]:
        lines.append("| %g %% | %d | %s | %s | %s | %s | %s | %s | %s |" % (
            row["percent"], row["files"], format(row["lines"], ","), fmt(row["without_s"]),
            fmt(row["with_cold_s"]), fmt(row["with_warm_s"]), fmt(row["cold_ratio"]),
            fmt(row["warm_ratio"]), fmt(row["with_cold_us_per_line"], "%.1f")))
    return lines


def cache_line(cache: CacheInfo) -> str:
    seen = cache["locations_seen"]
    return "plugin cache: %s%s" % (cache["note"], (" (" + ", ".join(seen) + ")") if seen else "")


def problems(fractions: Mapping[str, Fraction]) -> List[str]:
    """A warning when cold and warm findings differ, and the error of every failed command."""
    lines: List[str] = []
    for pct, entry in fractions.items():
        if entry["cold_warm_outputs_identical"] is False:
            lines.append("WARNING %s%%: the plugin's findings differ between cold and warm cache"
                         % pct)
        for name, r in entry["commands"].items():
            if not r["ok"]:
                lines.append("FAILED %s%% %s:\n%s" % (pct, name, r.get("error", "")))
    return lines


def render_table(result: Result) -> str:
    """The Markdown report: the commands, the ratios and targets, the scaling table."""
    return "\n".join(header(result) + [""] + command_table(result["commands"]) + [""]
                     + ratio_lines(result) + [""] + scaling_table(result) + [""]
                     + [cache_line(result["cache"])] + problems(result["fractions"]))


def write_json(result: Result, path: Path) -> None:
    """Write ``result`` to ``path`` atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")
    os.replace(tmp, path)
