"""What today's engine reports on the pending case files, compared with their annotations.

Usage (repository root, test virtual environment):

    python tests/cases_pending/engine_status.py [name ...]

For every pending file or project it lints the files the way tests/test_cases.py does (a project
from its own folder, as users run flake8) and prints: annotated findings, how many the engine
reports, and every report on a line without that annotation (a flagged trap: a precision bug, or
an annotation to fix). A unit is ready to move to tests/cases/ when both "missing" and
"unexpected" are 0.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import List

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from agn_harness import configure, expected_in, lint_file, options_of  # noqa: E402


OLD_ADVICE = re.compile(r"a plain `def`|itself an async generator")


def mixed_lines(path: Path) -> set:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {n for n, text in enumerate(lines, start=1) if re.search(r"#\s*error:[^#]*\[mixed\]", text)}


def units(selected: List[str]) -> List[List[Path]]:
    found = []
    for path in sorted(HERE.iterdir()):
        if path.name in ("verify_runtime.py", "engine_status.py", "conftest.py") or path.name.startswith("_"):
            continue
        if selected and path.name not in selected and path.stem not in selected:
            continue
        if path.suffix == ".py":
            found.append([path])
        elif path.is_dir() and path.name != "__pycache__":
            found.append(sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts))
    return [unit for unit in found if unit]


def main(argv: List[str]) -> int:
    total_expected = total_found = total_unexpected = 0
    for unit in units(argv):
        name = unit[0].name if len(unit) == 1 else unit[0].relative_to(HERE).parts[0]
        cwd = os.getcwd()
        if len(unit) > 1:
            os.chdir(HERE / name)
        configure(options_of(unit))
        expected = found = 0
        unexpected = []
        missing: List[str] = []
        wording = []
        try:
            for path in unit:
                want = {(line, code) for line, code, _ in expected_in(path)}
                got = lint_file(path)
                got_keys = {(line, message[:6]) for line, _, message in got}
                mixed = mixed_lines(path)
                wording += [
                    f"{path.relative_to(HERE)}:{line}: {message[:6]} still gives the single-kind advice"
                    for line, _, message in got
                    if line in mixed and OLD_ADVICE.search(message)
                ]
                missing += [f"{path.relative_to(HERE)}:{line}: {code}" for line, code in sorted(want - got_keys)]
                expected += len(want)
                found += len(want & got_keys)
                unexpected += [
                    f"{path.relative_to(HERE)}:{line}:{col}: {message}"
                    for line, col, message in got
                    if (line, message[:6]) not in want
                ]
        finally:
            configure()
            os.chdir(cwd)
        print(f"{name:40} annotated {expected:3}  reported {found:3}  missing {expected - found:3}  unexpected {len(unexpected)}")
        for line in unexpected:
            print("    UNEXPECTED " + line)
        for line in missing:
            print("    missing " + line)
        if wording:
            print(f"    advice for mixed returns not yet adapted on {len(wording)} line(s), e.g. {wording[0]}")
        total_expected += expected
        total_found += found
        total_unexpected += len(unexpected)
    print(f"TOTAL annotated {total_expected}, reported {total_found}, unexpected {total_unexpected}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
