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

Standard library only.  The modules beside this one: ``environments`` (venvs,
tools, machine), ``corpus_files`` (files and subsets), ``measure`` (running
commands), ``benchmark`` (what runs, the result), ``results`` (ratios, targets),
``report`` (table and JSON).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import List, Optional, Sequence

import _corpus
from benchmark import benchmark
from corpus_files import collect_files
from environments import (FLAKE8_PIN, check_plugin_registered, default_cache, ensure_venv,
                          find_tools, install_plugin)
from measure import BenchError, Log, stderr_log
from report import render_table, write_json

REPO = Path(__file__).resolve().parent.parent


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0],
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
    p.add_argument("--with-deps", action="store_true",
                   help="install the pinned corpus projects (and so their dependencies) in "
                   "both venvs, so that the plugin resolves the corpus's imports into real "
                   "installed packages, as in a project's own environment")
    return p.parse_args(argv)


def parse_fractions(text: str) -> List[float]:
    """``"25,50,100"`` -> ``[25.0, 50.0, 100.0]`` (ValueError on anything else)."""
    return [float(x) for x in text.split(",") if x.strip()]


def flake8_prefixes(args: argparse.Namespace, cache: Path, log: Log) -> List[List[str]]:
    """[with the plugin, without it]: the given interpreters, or the two venvs (made or
    reused), the plugin (re)installed from ``--repo``; both checked."""
    requirements = ["flake8==%s" % args.flake8_version]
    if args.with_deps:
        requirements += [requirement for _, requirement, _ in _corpus.PINS]
    if args.without_python:
        without = [args.without_python, "-m", "flake8"]
    else:
        py = ensure_venv(cache / "venv-plain", args.python, requirements, log)
        without = [str(py), "-m", "flake8"]
    if args.with_python:
        with_ = [args.with_python, "-m", "flake8"]
    else:
        py = ensure_venv(cache / "venv-plugin", args.python, requirements, log)
        install_plugin(py, args.repo.resolve(), args.flake8_version, cache, log)
        with_ = [str(py), "-m", "flake8"]
    check_plugin_registered(with_, True)
    check_plugin_registered(without, False)
    return [with_, without]


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    log = stderr_log
    if args.repeat < 3:
        log("note     --repeat %d: fewer than 3 runs, medians are not robust" % args.repeat)
    try:
        fractions = parse_fractions(args.fractions)
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
        flake8_with, flake8_without = flake8_prefixes(args, cache, log)
        tools = find_tools(args.tools, log)
        scratch = Path(tempfile.mkdtemp(prefix="run-", dir=str(cache)))
        log("measure  %d files under %s; tools: %s; scratch %s" % (
            len(files), corpus, ", ".join(sorted(tools)) or "none", scratch))
        try:
            # The standalone command and the parse floor, from the plugin's environment.
            command = [str(Path(flake8_with[0]).parent / "flake8-asyncgen")]
            if not Path(command[0]).exists():
                command = [flake8_with[0], "-m", "flake8_asyncgen.cli"]
            result = benchmark(files, flake8_with=flake8_with, flake8_without=flake8_without,
                               workdir=scratch, jobs=args.jobs, repeat=args.repeat,
                               fractions=fractions, tools=tools, corpus_root=corpus,
                               warmup=not args.no_warmup, tools_python=flake8_without[0],
                               command=command, floor_python=flake8_with[0], log=log)
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
