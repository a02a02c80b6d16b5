"""Fix safety on real code: inject the bug class, fix everything, check nothing broke (issue 12).

    bash ../shared/corpus/get-corpus.sh /tmp/agn-corpus     # or: python bench/run_bench.py
    python bench/fix_safety.py /tmp/agn-corpus [--work DIR] [--seed 1] [--every 4] [--json F]

Not run in CI (it needs the downloaded corpus).  For every project folder of the corpus (each
is an import root), a copy is made and the bug class is injected into every ``--every``-th
importable module (picked with ``--seed``), in four shapes, all with names of their own:

* ``same``: an async generator, a coroutine returning it (AGN101, unsafe fix) and a caller
  doing ``async for`` over the coroutine (AGN201, safe fix), in one module;
* ``cross``: the generator and the coroutine in one module, the ``async for`` caller in
  another module of the project, and (every other time) a caller in a third module that
  does ``await`` first, so the unsafe fix would break it and must be refused;
* ``nested``: a coroutine returning an async generator defined inside it (AGN100) and a
  caller; every other time a second caller awaits it;
* ``stub``: an abstract ``async def`` annotated ``AsyncIterator`` whose body awaits (AGN103,
  whose fix would be a SyntaxError) beside one whose body does not;
* ``existing``: for every other module-level async generator of the project itself, a
  coroutine in another module that returns it (AGN101) and a caller that iterates the
  coroutine (AGN201); these are only linted, not run (they would need the project's
  dependencies).

The injected callers of the first three shapes are self-contained: they are run with
asyncio before fixing (most fail: that is the bug) and after (none may fail).

Then ``flake8-asyncgen --fix --unsafe-fixes --agn-no-cache .`` runs in the copy (as a
subprocess, from the project folder), and the script checks that (1) every file still
compiles, (2) the findings after fixing, compared as (path, code, message without line
numbers), hold nothing that was not there before, (3) a second run changes no file.  It
prints one line per project and the totals; the exit status is 1 if any check failed.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import contextlib
import hashlib
import io
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, List, Tuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from flake8_asyncgen.fixer import message_key  # noqa: E402
from flake8_asyncgen.project import module_name  # noqa: E402

COMMAND = [sys.executable, "-c", "import sys; from flake8_asyncgen.cli import main; "
           "sys.exit(main())"]
FINDING = re.compile(r"^(?P<path>[^:]+):\d+:\d+: (?P<code>[A-Z]+\d+) (?P<message>.*?)"
                     r"(?: \[(?:unsafe )?fix\])?$")
SHAPES = ("same", "cross", "nested", "stub")


def modules(project: Path) -> List[Tuple[Path, str]]:
    found = []
    for path in sorted(project.rglob("*.py")):
        name, _ = module_name(str(path), str(project))
        if name and all(part.isidentifier() for part in name.split(".")):
            found.append((path, name))
    return found


def append(path: Path, text: str, tag: str = "", order: int = 0) -> None:
    """Append ``text``; with a tag, between marker comments that :func:`run_injected` finds
    (fixes keep comments)."""
    if tag:
        text = f"\n\n# agn-inject-begin {tag} {order}\n{text.lstrip()}# agn-inject-end {tag}\n"
    data = path.read_bytes()
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    if data and not data.endswith((b"\n", b"\r")):
        data += newline
    path.write_bytes(data + text.replace("\n", newline.decode()).encode())


def inject(project: Path, rng: random.Random, every: int) -> Counter[str]:
    """Inject the bug shapes; return how many of each."""
    found = modules(project)
    real = real_async_generators(found)  # before anything is injected
    counts: Counter[str] = Counter()
    if len(found) < 3:
        return counts
    chosen = [m for m in found if rng.randrange(every) == 0]
    for n, (path, name) in enumerate(chosen):
        shape = SHAPES[n % len(SHAPES)]
        tag = f"_agn_inj_{n}"
        others = [m for m in found if m[0] != path]
        counts[shape] += 1
        if shape == "same":
            append(path, f"\n\nasync def {tag}_gen():\n    yield 1\n\n\n"
                         f"async def {tag}_coro():\n    return {tag}_gen()\n\n\n"
                         f"async def {tag}_use():\n    async for _x in {tag}_coro():\n"
                         f"        print(_x)\n", tag)
        elif shape == "cross":
            append(path, f"\n\nasync def {tag}_gen():\n    yield 1\n\n\n"
                         f"async def {tag}_coro():\n    return {tag}_gen()\n", tag)
            caller = rng.choice(others)
            append(caller[0], f"\n\nfrom {name} import {tag}_coro  # noqa: E402\n\n\n"
                              f"async def {tag}_use():\n    async for _x in {tag}_coro():\n"
                              f"        print(_x)\n", tag, 1)
            if n % 2:
                awaiter = rng.choice(others)
                append(awaiter[0], f"\n\nfrom {name} import {tag}_coro  # noqa: E402\n\n\n"
                                   f"async def {tag}_awaits():\n    stream = await {tag}_coro()\n"
                                   f"    async for _x in stream:\n        print(_x)\n", tag, 2)
        elif shape == "nested":
            text = (f"\n\nasync def {tag}_nested():\n    async def _gen():\n        yield 1\n\n"
                    f"    return _gen()\n\n\n"
                    f"async def {tag}_use():\n    async for _x in {tag}_nested():\n"
                    f"        print(_x)\n")
            if n % 2:
                text += (f"\n\nasync def {tag}_awaits():\n    stream = await {tag}_nested()\n"
                         f"    async for _x in stream:\n        print(_x)\n")
            append(path, text, tag)
        else:
            append(path, f"\n\nimport abc as {tag}_abc  # noqa: E402\n"
                         f"import asyncio as {tag}_asyncio  # noqa: E402\n"
                         f"from typing import AsyncIterator as {tag}_AI  # noqa: E402\n\n\n"
                         f"class {tag}_Source({tag}_abc.ABC):\n"
                         f"    @{tag}_abc.abstractmethod\n"
                         f"    async def awaits(self) -> {tag}_AI[int]:\n"
                         f"        await {tag}_asyncio.sleep(0)\n"
                         f"        raise NotImplementedError\n\n"
                         f"    @{tag}_abc.abstractmethod\n"
                         f"    async def plain(self) -> {tag}_AI[int]:\n"
                         f"        raise NotImplementedError\n")
    # Real async generators of the project, misused through a new coroutine wrapper.
    for n, (path, name, function) in enumerate(real):
        if rng.randrange(2):
            continue
        tag = f"_agn_inj_real_{n}"
        caller = rng.choice([m for m in found if m[0] != path])
        counts["existing"] += 1
        append(caller[0], f"\n\nfrom {name} import {function} as {tag}_real  # noqa: E402\n\n\n"
                          f"async def {tag}_wrap():\n    return {tag}_real()\n\n\n"
                          f"async def {tag}_use():\n    async for _x in {tag}_wrap():\n"
                          f"        print(_x)\n")
    return counts


def real_async_generators(found: List[Tuple[Path, str]]) -> List[Tuple[Path, str, str]]:
    """Module-level ``async def`` functions with a ``yield`` of their own."""
    out = []
    for path, name in found:
        try:
            tree = ast.parse(path.read_bytes())
        except (SyntaxError, ValueError):
            continue
        for node in tree.body:
            if isinstance(node, ast.AsyncFunctionDef) and _yields(node):
                out.append((path, name, node.name))
    return out


def _yields(function: ast.AsyncFunctionDef) -> bool:
    todo: List[ast.AST] = list(function.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                 ast.ClassDef)):
            todo.extend(ast.iter_child_nodes(node))
    return False


_BLOCK = re.compile(r"^# agn-inject-begin (\w+) (\d+)\r?$(.*?)^# agn-inject-end \1\r?$",
                    re.M | re.S)


def run_injected(project: Path) -> Tuple[int, List[str]]:
    """Run every injected caller (``*_use``, ``*_awaits``) of the same/cross/nested shapes,
    as fixed, with asyncio: (callers run, failures).  The blocks are self-contained apart
    from their ``from <module> import`` lines, which are dropped: the blocks of one tag run
    in one namespace."""
    blocks: Dict[str, List[Tuple[int, str]]] = {}
    for path in sorted(project.rglob("*.py")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in _BLOCK.finditer(text):
            body = "\n".join(line for line in match.group(3).splitlines()
                             if not line.startswith("from "))
            blocks.setdefault(match.group(1), []).append((int(match.group(2)), body))
    ran, failures = 0, []
    for tag, parts in sorted(blocks.items()):
        namespace: Dict[str, object] = {"__name__": f"agn_injected_{tag}"}
        try:
            for _, body in sorted(parts):
                exec(compile(body, tag, "exec"), namespace)  # our own injected code only
        except Exception as exc:  # noqa: BLE001 - what the fixed code raises is the result
            failures.append(f"{tag}: {type(exc).__name__}: {exc}")
            continue
        for suffix in ("_use", "_awaits"):
            function = namespace.get(tag + suffix)
            if function is None:
                continue
            ran += 1
            try:
                with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)  # "never awaited"
                    asyncio.run(function())  # type: ignore[operator]
            except Exception as exc:  # noqa: BLE001 - what the fixed code raises is the result
                failures.append(f"{tag}{suffix}: {type(exc).__name__}: {exc}")
    return ran, failures


def run(project: Path, *args: str) -> Tuple[int, str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([*COMMAND, "--agn-no-cache", *args, "."], cwd=project, env=env,
                          capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def findings(project: Path) -> Counter[Tuple[str, str, str]]:
    _, out, _ = run(project)
    found: Counter[Tuple[str, str, str]] = Counter()
    for line in out.splitlines():
        match = FINDING.match(line)
        if match:
            found[(match["path"], match["code"], message_key(match["message"]))] += 1
    return found


def digest(project: Path) -> Dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in project.rglob("*.py")}


def not_compiling(project: Path) -> List[str]:
    bad = []
    for path in sorted(project.rglob("*.py")):
        try:
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            bad.append(f"{path}: {exc}")
    return bad


@dataclass
class Outcome:
    files: int
    injected: Dict[str, int]
    findings_before: int
    findings_after: int
    fixed: int
    refused: int
    exit_status: int
    fix_seconds: float
    fix_cpu_seconds: float  # user + system: what the machine's load does not inflate
    not_compiling: List[str]
    new_findings: List[Tuple[str, str, str]]
    changed_by_second_run: List[str]
    callers_run: int  # injected callers run with asyncio after fixing
    callers_failing_before: int  # ... and before (the injected bugs: most of them fail)
    callers_failing_after: List[str]
    errors: List[str]

    @property
    def failed(self) -> bool:
        return bool(self.not_compiling or self.new_findings or self.changed_by_second_run
                    or self.callers_failing_after)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def check(project: Path, rng: random.Random, every: int) -> Outcome:
    uncompiled = set(not_compiling(project))
    counts = inject(project, rng, every)
    ran_before, failing_before = run_injected(project)
    before = findings(project)
    started, cpu = time.perf_counter(), _children_cpu()
    status, _, err = run(project, "--fix", "--unsafe-fixes")
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
    fixed = re.search(r"fixed (\d+)", err)
    after = findings(project)
    ran, failing = run_injected(project)
    state = digest(project)
    run(project, "--fix", "--unsafe-fixes")
    second = digest(project)
    return Outcome(
        files=len(state),
        injected=dict(counts),
        findings_before=sum(before.values()),
        findings_after=sum(after.values()),
        fixed=int(fixed.group(1)) if fixed else 0,
        refused=err.count(" fix not applied: "),
        exit_status=status,
        fix_seconds=round(seconds, 2),
        fix_cpu_seconds=round(cpu, 2),
        not_compiling=[b for b in not_compiling(project) if b not in uncompiled],
        new_findings=sorted(after - before),
        changed_by_second_run=sorted(p for p in state if state[p] != second.get(p)),
        callers_run=ran,
        callers_failing_before=len(failing_before),
        callers_failing_after=failing,
        errors=[line for line in err.splitlines() if " error: " in line],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("corpus", help="folder of project folders (get-corpus.sh's target)")
    parser.add_argument("--work", help="where the copies go (default: a new temporary folder)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--every", type=int, default=4, help="inject into 1 module in N")
    parser.add_argument("--json", help="write the results here")
    options = parser.parse_args()
    work = Path(options.work or tempfile.mkdtemp(prefix="agn-fix-safety-"))
    results: Dict[str, Outcome] = {}
    for source in sorted(p for p in Path(options.corpus).iterdir() if p.is_dir()):
        project = work / source.name
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(source, project)
        result = results[source.name] = check(
            project, random.Random(f"{options.seed}:{source.name}"), options.every
        )
        verdict = "ok"
        if result.failed:
            verdict = "FAIL " + json.dumps({
                "not_compiling": result.not_compiling, "new_findings": result.new_findings,
                "changed_by_second_run": result.changed_by_second_run,
                "callers_failing_after": result.callers_failing_after,
            })
        print(f"{source.name:16} files {result.files:4}  injected "
              f"{sum(result.injected.values()):3}  findings {result.findings_before:4} -> "
              f"{result.findings_after:4}  fixed {result.fixed:3}  refused {result.refused:3}  "
              f"errors {len(result.errors)}  runs {result.callers_run:3} "
              f"(failing {result.callers_failing_before:3} -> "
              f"{len(result.callers_failing_after)})  {result.fix_seconds:6.1f}s "
              f"(cpu {result.fix_cpu_seconds:5.1f}s)  {verdict}", flush=True)
    outcomes = list(results.values())
    totals = {
        "projects": len(outcomes),
        "files": sum(r.files for r in outcomes),
        "injected": sum(sum(r.injected.values()) for r in outcomes),
        "findings_before": sum(r.findings_before for r in outcomes),
        "findings_after": sum(r.findings_after for r in outcomes),
        "fixed": sum(r.fixed for r in outcomes),
        "refused": sum(r.refused for r in outcomes),
        "errors": sum(len(r.errors) for r in outcomes),
        "not_compiling": sum(len(r.not_compiling) for r in outcomes),
        "new_findings": sum(len(r.new_findings) for r in outcomes),
        "changed_by_second_run": sum(len(r.changed_by_second_run) for r in outcomes),
        "callers_run": sum(r.callers_run for r in outcomes),
        "callers_failing_before": sum(r.callers_failing_before for r in outcomes),
        "callers_failing_after": sum(len(r.callers_failing_after) for r in outcomes),
        "fix_seconds": round(sum(r.fix_seconds for r in outcomes), 1),
        "fix_cpu_seconds": round(sum(r.fix_cpu_seconds for r in outcomes), 1),
    }
    print("total", json.dumps(totals))
    if options.json:
        Path(options.json).write_text(json.dumps(
            {"totals": totals, "projects": {k: asdict(v) for k, v in results.items()}},
            indent=2,
        ))
    print(f"copies in {work}")
    return 1 if any(r.failed for r in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
