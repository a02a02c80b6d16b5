"""Prove the pending case files against Python itself.

Usage (from the repository root, in the test virtual environment):

    python tests/cases_pending/verify_runtime.py                 # every pending file and project
    python tests/cases_pending/verify_runtime.py recall_properties.py xmod_roots_poetry

This is a script, not a pytest module (pytest does not collect it: its name does not start with
``test_``), because the files it checks are not part of the harness yet.

What it checks, per case file (or per multi-module project folder):

* Every top-level ``async def scenario_*()`` is run with ``asyncio.run`` (a fresh loop each),
  with every warning recorded.
  - If it raises, the exception must be the one Python raises for the code annotated on the line
    where it was raised (the innermost traceback frame in a case file must be on a line carrying
    ``# error: AGNnnn``, and the message must be that code's runtime error). A scenario whose own
    body carries an annotation must raise this way.
  - If it does not raise, it is a trap: it must also leave no "coroutine ... was never awaited"
    warning behind.
* Every call-site annotation (AGN2xx) must be proven by at least one scenario raising on its line.
* Every definition-site annotation (AGN100-AGN103) is checked by introspection: the enclosing
  function is, for Python, a coroutine function (``inspect.iscoroutinefunction``), and for
  AGN102/AGN103 its return annotation, evaluated with ``typing.get_type_hints`` (so conditional
  imports are resolved the way Python resolves them), is an async-iterator type. For AGN103 on an
  ``@overload`` stub the implementation must be an async generator function; on a stub with
  overrides in the file, at least one override must be an async generator function.
* Conversely, every *unannotated* coroutine function annotated as an async iterator must be
  consistent by Python's own reading: an ``@overload`` stub whose implementation is a coroutine
  function, or a stub every one of whose overrides in the file is a coroutine function.

Exit status 0 when everything holds; otherwise every failure is printed and the status is 1.
"""

from __future__ import annotations

import ast
import asyncio
import collections.abc
import contextlib
import io
import gc
import importlib
import importlib.util
import inspect
import json
import re
import sys
import traceback
import typing
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

HERE = Path(__file__).resolve().parent
ERROR_COMMENT = re.compile(r"#\s*error:\s*(?P<body>AGN\d{3}[^#]*)")
CODE = re.compile(r"AGN\d{3}")

# The exception Python raises for each call-site code (type, message pattern).
RUNTIME: Dict[str, Tuple[Tuple[type, ...], str]] = {
    "AGN200": ((TypeError,), r"object async_generator can't be used in 'await' expression"),
    "AGN201": ((TypeError,), r"'async for' requires an object with __aiter__ method, got coroutine"),
    "AGN202": (
        (TypeError, ValueError),
        r"a coroutine was expected, got <async_generator|"
        r"An asyncio.Future, a coroutine or an awaitable is required",
    ),
    "AGN203": (
        (TypeError,),
        r"'async_generator' object is not (iterable|an iterator)|can only join an iterable|"
        r"argument after \* must be an iterable, not async_generator",
    ),
    "AGN204": (
        (TypeError,),
        r"'async_generator' object does not support the asynchronous context manager protocol",
    ),
    "AGN205": ((TypeError,), r"'coroutine' object does not support the asynchronous context manager protocol"),
    "AGN206": (
        (TypeError,),
        r"_AsyncGeneratorContextManager can't be used in 'await' expression|"
        r"'async for' requires an object with __aiter__ method, got _AsyncGeneratorContextManager",
    ),
    # A discarded async generator call does nothing: its scenario asserts the missing effect.
    "AGN207": ((AssertionError,), r""),
}
ASYNC_ITERATOR_TYPES = {
    collections.abc.AsyncIterator,
    collections.abc.AsyncIterable,
    collections.abc.AsyncGenerator,
}
ASYNC_ITERATOR_NAMES = re.compile(r"\b(AsyncIterator|AsyncIterable|AsyncGenerator)\b")


@dataclass
class Unit:
    name: str
    files: List[Path]
    roots: List[Path] = field(default_factory=list)


@dataclass
class Report:
    failures: List[str] = field(default_factory=list)
    positives: int = 0
    traps: int = 0
    definitions: int = 0
    def_traps: int = 0

    def fail(self, text: str) -> None:
        self.failures.append(text)


def annotations_of(path: Path) -> Dict[int, Set[str]]:
    found: Dict[int, Set[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = ERROR_COMMENT.search(line)
        if match:
            found[number] = set(CODE.findall(match.group("body")))
    return found


def units(selected: List[str]) -> List[Unit]:
    result = []
    # Files already promoted to tests/cases keep their runtime proof here.
    promoted = [
        p for p in sorted((HERE.parent / "cases").iterdir())
        if p.name.startswith(("defsite_", "recall_", "xmod_roots_"))
    ]
    for path in sorted(HERE.iterdir()) + promoted:
        if path.name.startswith(("_", ".")) or path.name in (Path(__file__).name, "engine_status.py", "conftest.py", "README.md"):
            continue
        if selected and path.name not in selected and path.stem not in selected:
            continue
        if path.suffix == ".py":
            result.append(Unit(path.name, [path]))
        elif path.is_dir():
            config = path / "verify.json"
            roots = [path]
            if config.exists():
                roots = [path / r for r in json.loads(config.read_text())["roots"]]
            files = sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts)
            result.append(Unit(path.name, files, roots))
    return result


def load(unit: Unit) -> Dict[Path, ModuleType]:
    """Import every file of the unit; for a project, through its declared roots."""
    modules: Dict[Path, ModuleType] = {}
    if not unit.roots:
        path = unit.files[0]
        name = "pending_" + path.stem
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        modules[path] = module
        return modules
    saved_path = list(sys.path)
    saved_modules = set(sys.modules)
    sys.path[:0] = [str(r) for r in unit.roots]
    importlib.invalidate_caches()
    try:
        for path in unit.files:
            root = next((r for r in unit.roots if r in path.parents), None)
            if root is None:
                # A script outside the declared roots (tests/, scripts/): import it by path.
                name = "pending_script_" + "_".join(path.relative_to(HERE.parent).with_suffix("").parts)
                spec = importlib.util.spec_from_file_location(name, path)
                assert spec and spec.loader
                module = importlib.util.module_from_spec(spec)
                sys.modules[name] = module
                spec.loader.exec_module(module)
            else:
                parts = list(path.relative_to(root).with_suffix("").parts)
                if parts[-1] == "__init__":
                    parts.pop()
                module = importlib.import_module(".".join(parts))
            modules[path] = module
    finally:
        sys.path[:] = saved_path
        # Projects reuse package names (app, core, ...): forget them after use... but keep the
        # objects alive in `modules` for the checks below.
        unit.leftover = [m for m in set(sys.modules) - saved_modules]  # type: ignore[attr-defined]
    return modules


def forget(unit: Unit) -> None:
    for name in getattr(unit, "leftover", []):
        sys.modules.pop(name, None)


def scenarios(path: Path, module: ModuleType) -> Iterator[Tuple[str, int, int, Any]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AsyncFunctionDef) and node.name.startswith("scenario_"):
            yield node.name, node.lineno, node.end_lineno or node.lineno, getattr(module, node.name)


class ExternalSource:
    """An implementation that lives outside the project (registered the way plugins are)."""

    async def _tokens(self, prompt: str) -> Any:
        for token in prompt.split():
            yield token

    def tokens(self, prompt: str) -> Any:
        return self._tokens(prompt)

    async def events(self) -> Any:
        yield "started"
        yield "finished"

    async def complete(self, prompt: str) -> str:
        return prompt


OUTSIDE: Dict[str, Any] = {"source": ExternalSource}


def install_outside(module: ModuleType) -> None:
    plugins = getattr(module, "PLUGINS", None)
    if isinstance(plugins, dict):
        plugins.update(OUTSIDE)


def run_scenario(fn: Any) -> Tuple[Optional[BaseException], List[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        error: Optional[BaseException] = None
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                asyncio.run(fn())
        except BaseException as exc:  # noqa: B902 - we report every kind of failure
            error = exc
        gc.collect()
    return error, list(caught)


def raising_line(error: BaseException, files: Set[Path]) -> Optional[Tuple[Path, int]]:
    """The innermost traceback frame that is in one of the case files."""
    found = None
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename).resolve()
        if path in files:
            found = (path, frame.lineno)
    return found


# ---------------------------------------------------------------------------
# Definition-site checks
# ---------------------------------------------------------------------------


def function_objects(module: ModuleType) -> Iterator[Tuple[Any, Optional[type], str]]:
    """(function, owning class or None, how it was found) for everything reachable in module."""
    seen: Set[int] = set()

    def unwrap(obj: Any) -> List[Any]:
        out = []
        if isinstance(obj, (staticmethod, classmethod)):
            obj = obj.__func__
        if isinstance(obj, property):
            return [f for f in (obj.fget, obj.fset, obj.fdel) if f is not None]
        if hasattr(obj, "func") and type(obj).__name__ == "cached_property":
            return [obj.func]
        if inspect.isfunction(obj):
            out.append(obj)
            inner = getattr(obj, "__wrapped__", None)
            if inner is not None and inspect.isfunction(inner):
                out.append(inner)
        return out

    def visit_function(fn: Any, owner: Optional[type], how: str) -> Iterator[Tuple[Any, Optional[type], str]]:
        if id(fn) in seen or getattr(fn, "__module__", None) != module.__name__:
            return
        seen.add(id(fn))
        yield fn, owner, how
        for stub in typing.get_overloads(fn):
            if isinstance(stub, (staticmethod, classmethod)):
                stub = stub.__func__
            if id(stub) not in seen:
                seen.add(id(stub))
                yield stub, owner, "overload"

    def visit_class(cls: type) -> Iterator[Tuple[Any, Optional[type], str]]:
        if id(cls) in seen or cls.__module__ != module.__name__:
            return
        seen.add(id(cls))
        for value in vars(cls).values():
            if inspect.isclass(value):
                yield from visit_class(value)
            for fn in unwrap(value):
                yield from visit_function(fn, cls, "method")

    for value in list(vars(module).values()):
        if inspect.isclass(value):
            yield from visit_class(value)
        for fn in unwrap(value):
            yield from visit_function(fn, None, "function")
    # Overload stubs whose implementation is absent (Protocols): only typing's registry has them.
    registry = getattr(typing, "_overload_registry", {})
    for qualname, by_line in registry.get(module.__name__, {}).items():
        owner: Any = module
        for part in qualname.split(".")[:-1]:
            owner = getattr(owner, part, None)
        for stub in by_line.values():
            if isinstance(stub, (staticmethod, classmethod)):
                stub = stub.__func__
            if id(stub) not in seen:
                seen.add(id(stub))
                yield stub, owner if inspect.isclass(owner) else None, "overload"


def first_line(node: ast.AST) -> int:
    lines = [node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]
    return min(lines)


def enclosing_defs(tree: ast.AST) -> List[ast.AST]:
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def innermost_def(defs: List[ast.AST], line: int) -> Optional[ast.AST]:
    best = None
    for node in defs:
        if first_line(node) <= line <= (node.end_lineno or node.lineno):
            if best is None or first_line(node) >= first_line(best):
                best = node
    return best


def returns_async_iterator(fn: Any, node: ast.AST) -> bool:
    try:
        hint = typing.get_type_hints(fn, include_extras=False).get("return")
        origin = typing.get_origin(hint) or hint
        return origin in ASYNC_ITERATOR_TYPES
    except Exception:  # an annotation naming a TYPE_CHECKING-only import: read its text
        returns = getattr(node, "returns", None)
        return returns is not None and bool(ASYNC_ITERATOR_NAMES.search(ast.unparse(returns)))


def overrides_of(owner: Optional[type], name: str, module: ModuleType) -> List[Any]:
    if owner is None:
        return []
    found = []
    for value in vars(module).values():
        if inspect.isclass(value) and value is not owner and owner in value.__mro__ and name in vars(value):
            member = vars(value)[name]
            if isinstance(member, (staticmethod, classmethod)):
                member = member.__func__
            if isinstance(member, property):
                member = member.fget
            if type(member).__name__ == "cached_property":
                member = member.func
            found.append(member)
    return found


def implementation_of(stub: Any, owner: Optional[type], module: ModuleType) -> Any:
    container = vars(owner) if owner is not None else vars(module)
    impl = container.get(stub.__name__)
    if isinstance(impl, (staticmethod, classmethod)):
        impl = impl.__func__
    return impl


def check_definitions(unit: Unit, modules: Dict[Path, ModuleType], report: Report) -> None:
    for path, module in modules.items():
        notes = annotations_of(path)
        source_lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(source_lines))
        defs = enclosing_defs(tree)
        by_line: Dict[int, List[Tuple[Any, Optional[type], str]]] = {}
        for fn, owner, how in function_objects(module):
            by_line.setdefault(fn.__code__.co_firstlineno, []).append((fn, owner, how))
        node_of = {first_line(n): n for n in defs}
        annotated_defs: Set[int] = set()
        for line, codes in sorted(notes.items()):
            def_codes = {c for c in codes if c in ("AGN100", "AGN101", "AGN102", "AGN103")}
            if not def_codes:
                continue
            node = innermost_def(defs, line)
            where = f"{path.relative_to(HERE.parent)}:{line}"
            if node is None:
                report.fail(f"{where}: {sorted(def_codes)} outside any function")
                continue
            annotated_defs.add(first_line(node))
            candidates = by_line.get(first_line(node), [])
            if not candidates:
                report.fail(f"{where}: cannot reach the function object of `{node.name}` to check it")
                continue
            fn, owner, how = candidates[0]
            report.definitions += 1
            if not inspect.iscoroutinefunction(fn) or inspect.isasyncgenfunction(fn):
                report.fail(f"{where}: `{fn.__qualname__}` is not a coroutine function for Python")
                continue
            if def_codes & {"AGN102", "AGN103"} and not returns_async_iterator(fn, node):
                report.fail(f"{where}: `{fn.__qualname__}` is not annotated as an async iterator")
            if "AGN103" in def_codes:
                if how == "overload":
                    impl = implementation_of(fn, owner, module)
                    absent = getattr(impl, "__name__", "") == "_overload_dummy"
                    if not absent and not inspect.isasyncgenfunction(impl):
                        report.fail(f"{where}: overload stub flagged but its implementation is not an async generator")
                else:
                    overrides = overrides_of(owner, fn.__name__, module)
                    if overrides and not any(inspect.isasyncgenfunction(o) for o in overrides):
                        report.fail(f"{where}: stub flagged but every override is a coroutine function")
        # Unannotated coroutine functions annotated as async iterators must be consistent.
        for first, entries in by_line.items():
            if first in annotated_defs or first not in node_of:
                continue
            fn, owner, how = entries[0]
            node = node_of[first]
            if not isinstance(node, ast.AsyncFunctionDef) or not inspect.iscoroutinefunction(fn):
                continue
            if not returns_async_iterator(fn, node):
                continue
            where = f"{path.relative_to(HERE.parent)}:{node.lineno}"
            header = source_lines[max(0, first - 2) : node.body[0].lineno]
            if any("not-judged:" in line for line in header):
                # A documented trap whose annotation the engine cannot know (e.g. one alternative
                # of a conditional import lies outside the project): nothing to check here.
                report.def_traps += 1
                continue
            if how == "overload":
                impl = implementation_of(fn, owner, module)
                if inspect.isasyncgenfunction(impl):
                    report.fail(f"{where}: unannotated overload stub, but its implementation is an async generator")
                else:
                    report.def_traps += 1
                continue
            overrides = overrides_of(owner, fn.__name__, module)
            if overrides and all(inspect.iscoroutinefunction(o) for o in overrides):
                report.def_traps += 1
                continue
            report.fail(
                f"{where}: `{fn.__qualname__}` is a coroutine function annotated as an async iterator "
                "with no annotation and nothing that makes it consistent"
            )


# ---------------------------------------------------------------------------


def verify(unit: Unit) -> Report:
    report = Report()
    try:
        modules = load(unit)
    except Exception:
        report.fail(f"{unit.name}: import failed\n{traceback.format_exc()}")
        return report
    try:
        files = {p.resolve() for p in unit.files}
        notes = {p.resolve(): annotations_of(p) for p in unit.files}
        proven: Set[Tuple[Path, int]] = set()
        for path, module in modules.items():
            own = notes[path.resolve()]
            install_outside(module)
            for name, start, end, fn in scenarios(path, module):
                where = f"{path.relative_to(HERE.parent)}::{name}"
                own_lines = {line for line, codes in own.items() if start <= line <= end and codes & set(RUNTIME)}
                error, caught = run_scenario(fn)
                if error is None:
                    if own_lines:
                        report.fail(f"{where}: annotated lines {sorted(own_lines)} but it ran cleanly")
                        continue
                    never = [str(w.message) for w in caught if "never awaited" in str(w.message)]
                    if never:
                        report.fail(f"{where}: trap ran but left {never}")
                        continue
                    report.traps += 1
                    continue
                at = raising_line(error, files)
                codes = notes.get(at[0], {}).get(at[1], set()) if at else set()
                if at and not codes and isinstance(error, AssertionError):
                    # AGN207: the assertion right after the discarded call shows the missing work.
                    above = notes.get(at[0], {}).get(at[1] - 1, set())
                    if "AGN207" in above:
                        at, codes = (at[0], at[1] - 1), above
                call_codes = {c for c in codes if c in RUNTIME}
                if not call_codes:
                    report.fail(
                        f"{where}: raised {type(error).__name__}: {error} at an unannotated line "
                        f"{at}\n{''.join(traceback.format_exception(error))}"
                    )
                    continue
                if not any(
                    isinstance(error, RUNTIME[c][0]) and re.search(RUNTIME[c][1], str(error)) for c in call_codes
                ):
                    report.fail(f"{where}: {sorted(call_codes)} at line {at[1]} but Python raised {type(error).__name__}: {error}")
                    continue
                proven.add(at)
                report.positives += 1
        for path, lines in notes.items():
            for line, codes in lines.items():
                if codes & set(RUNTIME) and (path, line) not in proven:
                    report.fail(f"{path.relative_to(HERE.parent)}:{line}: {sorted(codes)} is proven by no scenario")
        check_definitions(unit, modules, report)
    finally:
        forget(unit)
    return report


def main(argv: List[str]) -> int:
    total = Report()
    for unit in units(argv):
        report = verify(unit)
        status = "ok" if not report.failures else "FAILED"
        print(
            f"{unit.name:45} {status:6} positives raised as annotated: {report.positives:3}  "
            f"traps clean: {report.traps:3}  definitions checked: {report.definitions:3}  "
            f"definition traps consistent: {report.def_traps:3}"
        )
        for failure in report.failures:
            print("    " + failure.replace("\n", "\n    "))
        total.failures += report.failures
        total.positives += report.positives
        total.traps += report.traps
        total.definitions += report.definitions
        total.def_traps += report.def_traps
    print(
        f"TOTAL: {total.positives} positives, {total.traps} traps, {total.definitions} definition-site "
        f"annotations, {total.def_traps} definition traps; {len(total.failures)} failure(s)"
    )
    return 1 if total.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
