"""Run the plugin the way flake8 does, on files, and read `# error:` annotations."""

from __future__ import annotations

import argparse
import ast
import re
import shlex
import textwrap
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

from flake8_asyncgen.plugin import AsyncGenChecker
from flake8_asyncgen.settings import add_argparse_options, settings_from_namespace

ERROR_COMMENT = re.compile(r"#\s*error:\s*(?P<body>AGN\d{3}[^#]*)")
CODE_ITEM = re.compile(r"(AGN\d{3})(?:\s*@\s*(\d+))?")
OPTIONS_COMMENT = re.compile(r"^#\s*OPTIONS:\s*(.*)$")

Expected = Tuple[int, str, Optional[int]]
EMPTY_ENVIRONMENT = Path(__file__).parent / "environments" / "empty"


def configure(args: Iterable[str] = (), cache_dir: Optional[str] = None) -> None:
    """Set the plugin's settings as flake8 would from these command-line options."""
    parser = argparse.ArgumentParser()
    add_argparse_options(parser.add_argument)
    options = parser.parse_args(list(args))
    if options.agn_python is None:
        # Nothing installed unless the case says otherwise: findings must not depend on the
        # packages of the environment running the tests.
        options.agn_python = str(EMPTY_ENVIRONMENT)
    if cache_dir is None:
        options.agn_no_cache = True
    elif options.agn_cache_dir is None:
        options.agn_cache_dir = cache_dir
    AsyncGenChecker.settings = settings_from_namespace(options)


def lint_file(path: Path) -> List[Tuple[int, int, str]]:
    """(line, 1-based column, message) as flake8 would print them."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    lines = source.splitlines(keepends=True)
    checker = AsyncGenChecker(tree, str(path), lines)
    return sorted((line, col + 1, message) for line, col, message, _ in checker.run())


def expected_in(path: Path) -> Set[Expected]:
    found: Set[Expected] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = ERROR_COMMENT.search(line)
        if match:
            for code, col in CODE_ITEM.findall(match.group("body")):
                found.add((number, code, int(col) if col else None))
    return found


def options_of(paths: Iterable[Path]) -> List[str]:
    for path in paths:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        match = OPTIONS_COMMENT.match(first)
        if match:
            return shlex.split(match.group(1))
    return []


def compare(path: Path, actual: List[Tuple[int, int, str]]) -> List[str]:
    """Differences between annotations and findings, as readable lines (empty: agree)."""
    expected = expected_in(path)
    got: Dict[Tuple[int, str], List[int]] = {}
    for line, col, message in actual:
        got.setdefault((line, message[:6]), []).append(col)
    problems = []
    for line, code, want_col in sorted(expected, key=lambda e: (e[0], e[1])):
        if (line, code) not in got:
            problems.append(f"{path}:{line}: expected {code}, not reported")
        elif want_col is not None and want_col not in got[(line, code)]:
            problems.append(
                f"{path}:{line}: {code} at column {got[(line, code)]}, expected {want_col}"
            )
    wanted = {(line, code) for line, code, _ in expected}
    for line, col, message in actual:
        if (line, message[:6]) not in wanted:
            problems.append(f"{path}:{line}:{col}: unexpected {message}")
    return problems


def write_files(folder: Path, files: Dict[str, str]) -> None:
    """Write each ``name: text`` under ``folder`` (folders made, text dedented)."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
