"""The per-file analysis: a cheap ``ast`` pre-scan, then one libcst pass for all rules.

The pre-scan evaluates the sites that :mod:`facts` listed while summarising
the module; only if one of them carries a tag some rule fires on is the file
parsed with libcst, walked once with every rule (:mod:`cst_pass`), and (only
if something was found) given positions.
"""

from __future__ import annotations

import ast
import os
import sys
import threading
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple, TypeVar

from .facts import collect
from .fixes import Fix
from .messages import format_message
from .project import ModuleInfo, Project, display_path, find_root, module_name
from .resolve import Evaluator
from .settings import Settings
from .sites import needs_cst_pass

T = TypeVar("T")


def import_roots(filename: str, extra: Sequence[str] = ()) -> Tuple[str, ...]:
    """Where imports are looked for: the file's own root, then the user's roots, then the
    current directory and ``src/`` beside each (ruff's default source roots)."""
    root = find_root(filename)
    candidates = [root, *extra, os.path.join(root, "src")]
    cwd = os.getcwd()
    if not os.path.isfile(os.path.join(cwd, "__init__.py")):
        candidates += [cwd, os.path.join(cwd, "src")]  # not when run from inside a package
    found: List[str] = []
    for candidate in candidates:
        if candidate not in found and os.path.isdir(candidate):
            found.append(candidate)
    return tuple(found)


class Finding(NamedTuple):
    """One finding: 1-based line, 0-based column (characters), code, flake8-style message
    (``"AGNnnn text"``) and the fix a rule offers, if any."""

    line: int
    col: int
    code: str
    message: str
    fix: Optional[Fix]


class Result(NamedTuple):
    findings: List[Finding]
    module: Any  # the libcst Module when the libcst pass ran, else None


def analyse(
    tree: ast.Module, lines: Sequence[str], filename: str, settings: Settings = Settings()
) -> Result:
    """All findings for one file, sorted by position; raises on internal failure."""
    roots, cache_dir, transparent = (
        settings.roots, settings.cache_dir, settings.transparent_decorators
    )
    try:
        return _analyse(tree, lines, filename, roots, cache_dir, transparent, deep=False)
    except RecursionError:
        # Deeply nested code: once more with a large stack and recursion limit.
        return with_large_stack(
            _analyse, tree, lines, filename, roots, cache_dir, transparent, True
        )


def _analyse(
    tree: ast.Module,
    lines: Sequence[str],
    filename: str,
    roots: Tuple[str, ...],
    cache_dir: Optional[str],
    transparent: Sequence[str],
    deep: bool,
) -> Result:
    all_roots = import_roots(filename, roots)
    root = all_roots[0]
    project = Project.get(all_roots, cache_dir)
    name, is_package = module_name(filename, root)
    summary, sites = collect(tree, name, is_package, want_sites=True)
    located = project.locate(name)
    located_name = name
    known = project.loaded(name)
    if located is not None and os.path.abspath(located[0]) != os.path.abspath(filename):
        # Not what ``import name`` finds (``pkg/feeds.py`` beside ``pkg/feeds/``): keep this
        # file's facts apart from the module that owns the name.
        name = f"{name} <{filename}>"
    elif known is not None and known.scopes != summary["scopes"]:
        # Already read from disk for another file, and the text flake8 gave differs (stdin,
        # a file edited during the run): other modules' facts refer to the disk version.
        name = f"{name} <as linted>"
    info = ModuleInfo(name, filename, display_path(filename, root), summary)
    if known is not None and info.name == known.name:
        info = known  # the same facts: share what was already worked out about them
    else:
        project.register(info)
        if located is not None and info.name == located_name:
            project.publish(info.name, filename, "".join(lines), summary)
    evaluator = Evaluator(project, transparent, info.patched)
    if not needs_cst_pass(evaluator, info, sites):
        return Result([], None)
    # libcst's native parser recurses on nesting and can overflow the C stack (a crash no
    # ``except`` can catch) on code ``ast`` accepts: its pass always runs on a large stack.
    if deep:
        return _cst_pass(evaluator, info, lines)
    return with_large_stack(_cst_pass, evaluator, info, lines)


def _cst_pass(evaluator: Evaluator, info: ModuleInfo, lines: Sequence[str]) -> Result:
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    from .cst_pass import FileContext, InternalError

    module = cst.parse_module("".join(lines))
    context = FileContext(evaluator, info)
    module.visit(context)
    if context._counter != len(info.scopes) - 1:
        raise InternalError("scope numbering differs between ast and libcst")
    if not context.findings:
        return Result([], module)
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    results: Dict[Tuple[int, int, str], Finding] = {}
    for node, code, fields, fix in context.findings:
        start = positions[node].start
        message = format_message(code, **fields)
        results.setdefault((start.line, start.column, message),
                           Finding(start.line, start.column, code, message, fix))
    return Result([results[key] for key in sorted(results)], module)


_LARGE_STACK = 1024 * 1024 * 1024  # address space only: pages are used as the stack grows
_LARGE_RECURSION_LIMIT = 200_000


def with_large_stack(function: Callable[..., T], *args: Any) -> T:
    """Run ``function(*args)`` in a thread with a large stack and recursion limit."""
    outcome: Dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = function(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller below
            outcome["error"] = exc

    previous_limit = sys.getrecursionlimit()
    previous_size = threading.stack_size()
    sys.setrecursionlimit(max(previous_limit, _LARGE_RECURSION_LIMIT))
    try:
        for size in (_LARGE_STACK, _LARGE_STACK // 16):
            threading.stack_size(size)
            try:
                worker = threading.Thread(target=target, name="flake8-asyncgen")
                worker.start()  # the stack size applies when the thread starts
                break
            except RuntimeError:
                continue  # no room for such a stack (a memory limit): try a smaller one
            finally:
                threading.stack_size(previous_size)
        else:
            sys.setrecursionlimit(previous_limit)
            return function(*args)  # run here, with the ordinary stack
        worker.join()
    finally:
        sys.setrecursionlimit(previous_limit)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]
