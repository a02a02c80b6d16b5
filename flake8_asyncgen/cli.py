"""``flake8-asyncgen``: the same checks without flake8, and the only way to apply fixes.

flake8 has no fix mode, so fixing is a command of its own (as for flake8-async and
Fixit): ``flake8-asyncgen --fix path`` applies the safe fixes, ``--unsafe-fixes``
also those that change what callers must write, ``--diff`` shows them instead.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import fnmatch
import os
import re
import sys
from typing import TYPE_CHECKING, Iterable, Iterator, List, Optional, Sequence, Tuple

from . import __version__
from .analyzer import Finding, Result, analyse
from .settings import ConfigurationError, Settings, add_argparse_options, settings_from_namespace

if TYPE_CHECKING:  # pragma: no cover
    from .fixer import FixReport

DEFAULT_EXCLUDE = (
    ".svn", "CVS", ".bzr", ".hg", ".git", "__pycache__", ".tox", ".nox", ".eggs", "*.egg",
    ".venv", "venv", ".agn_cache", "node_modules", "build", "dist",
)
_NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z][0-9]*(?:[,\s]+[A-Z][0-9]*)*))?", re.I)


def python_files(paths: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    def excluded(name: str) -> bool:
        return any(fnmatch.fnmatch(name, pattern) for pattern in exclude)

    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not excluded(d))
                for name in sorted(files):
                    if name.endswith(".py") and not excluded(name):
                        yield os.path.join(folder, name)
        else:
            yield path


def suppressed(line: str, code: str) -> bool:
    """flake8's ``# noqa`` semantics: bare silences all, a list silences matching prefixes."""
    match = _NOQA.search(line)
    if match is None:
        return False
    codes = match.group("codes")
    if not codes:
        return True
    return any(code.startswith(c.strip().upper()) for c in re.split(r"[,\s]+", codes) if c)


def _selected(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    chosen = not select or any(code.startswith(s) for s in select)
    return chosen and not any(code.startswith(i) for i in ignore)


def check_file(
    path: str, options: argparse.Namespace, settings: Settings, out: List[str]
) -> Optional[Tuple[str, Result, List[Finding]]]:
    """Print the file's findings; return (source, result, shown findings) for fixing."""
    try:
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        tree = ast.parse(source, filename=path)
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError) as exc:
        out.append(f"{path}:1:1: E902 cannot read or parse the file: {exc}")
        return None
    lines = source.splitlines(keepends=True)
    try:
        result = analyse(tree, lines, os.path.abspath(path), settings)
    except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the run
        out.append(f"{path}:1:1: AGN900 flake8-asyncgen could not analyse this file ({exc!r})")
        return None
    shown: List[Finding] = []
    for finding in result.findings:
        code = finding.code
        if not _selected(code, options.select, options.ignore):
            continue
        if suppressed(lines[finding.line - 1] if finding.line <= len(lines) else "", code):
            continue
        shown.append(finding)
        marker = ""
        if finding.fix is not None:
            marker = " [fix]" if finding.fix.safe else " [unsafe fix]"
        out.append(f"{path}:{finding.line}:{finding.col + 1}: {finding.message}{marker}")
    return source, result, shown


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="flake8-asyncgen",
        description="Find (and fix) coroutines, async generators and async context managers "
        "used the wrong way. Inside flake8 the same checks run as the AGN plugin.",
    )
    parser.add_argument("paths", nargs="*", default=["."])
    parser.add_argument("--fix", action="store_true", help="apply the safe fixes")
    parser.add_argument(
        "--unsafe-fixes", action="store_true",
        help="with --fix or --diff, also apply fixes that change what callers must write",
    )
    parser.add_argument("--diff", action="store_true", help="print fixes as a diff, change nothing")
    parser.add_argument("--select", default="", help="comma-separated code prefixes to report")
    parser.add_argument("--ignore", default="", help="comma-separated code prefixes to skip")
    parser.add_argument("--exclude", default=",".join(DEFAULT_EXCLUDE),
                        help="comma-separated file or folder name patterns to skip")
    add_argparse_options(parser.add_argument)
    parser.add_argument("--version", action="version", version=f"flake8-asyncgen {__version__}")
    options = parser.parse_args(argv)
    options.select = [s.strip().upper() for s in options.select.split(",") if s.strip()]
    options.ignore = [s.strip().upper() for s in options.ignore.split(",") if s.strip()]
    try:
        settings = settings_from_namespace(options)
    except ConfigurationError as exc:
        parser.error(str(exc))
    exclude = [p.strip() for p in options.exclude.split(",") if p.strip()]
    if options.fix and not options.diff:  # --diff: change nothing, even with --fix
        return _fix_command(options, settings, exclude)

    remaining = 0
    out: List[str] = []
    for path in python_files(options.paths, exclude):
        checked = check_file(path, options, settings, out)
        if checked is None:
            remaining += 1
            continue
        remaining += len(checked[2])
    for line in out:
        print(line)
    if options.diff and remaining:
        _print_fix_diffs(options, settings, exclude)
    return 1 if remaining else 0


# --- --fix and --diff: through fixer.fix_project (issue 12) ----------------------------------
# Kept apart from the reporting code above: the fixes of a run are computed together, in
# verified rounds, on a working copy (see fixer.py); --diff shows the same result unwritten.


def _fix_project(
    options: argparse.Namespace, settings: Settings, exclude: Sequence[str], write: bool
) -> "FixReport":
    from .fixer import fix_project

    select, ignore = options.select, options.ignore
    return fix_project(
        list(python_files(options.paths, exclude)),
        settings,
        unsafe=options.unsafe_fixes,
        selected=lambda code: _selected(code, select, ignore),
        noqa=suppressed,
        write=write,
        allowed_roots=[p for p in options.paths if os.path.isdir(p)],
    )


def _print_fix_diffs(
    options: argparse.Namespace, settings: Settings, exclude: Sequence[str]
) -> None:
    report = _fix_project(options, settings, exclude, write=False)
    for path, (old, new) in report.changes.items():
        for line in _diff(path, old, new):
            print(line)
    _print_problems(report)


def _print_problems(report: "FixReport") -> None:
    for refused in report.refused:
        print(f"flake8-asyncgen: {refused.path}:{refused.line}: {refused.code} fix not applied: "
              f"{refused.reason}", file=sys.stderr)
    for error in report.errors:
        where = f"{error.path}: " if error.path and error.path not in error.message else ""
        print(f"flake8-asyncgen: error: {where}{error.message}", file=sys.stderr)


def _fix_command(options: argparse.Namespace, settings: Settings, exclude: Sequence[str]) -> int:
    report = _fix_project(options, settings, exclude, write=True)
    for finding in report.remaining:
        marker = {"safe": " [fix]", "unsafe": " [unsafe fix]"}.get(finding.fix or "", "")
        print(f"{finding.path}:{finding.line}:{finding.col + 1}: {finding.message}{marker}")
    _print_problems(report)
    written = set(report.written)
    fixed = sum(1 for applied in report.applied if applied.path in written)
    print(f"flake8-asyncgen: fixed {fixed}, {len(report.remaining)} left"
          + (f", {len(report.refused)} fix(es) refused" if report.refused else "")
          + (f", {len(report.errors)} error(s)" if report.errors else ""), file=sys.stderr)
    return report.exit_status


def _diff(path: str, old: str, new: str) -> Iterable[str]:
    return (
        line.rstrip("\n")
        for line in difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), path, path
        )
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
