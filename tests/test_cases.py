"""The annotated case files: every `# error: AGNnnn` is reported, nothing else is."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

from agn_harness import compare, configure, lint_file, options_of

HERE = Path(__file__).parent
CASES = HERE / "cases"
FIXTURES = HERE.parent / "fixtures"


def _units() -> List[List[Path]]:
    units = [[path] for path in sorted(CASES.glob("*.py"))]
    for folder in sorted(p for p in CASES.iterdir() if p.is_dir() and p.name != "__pycache__"):
        # A case's fake environment (``env/``) holds installed packages, not linted code.
        units.append(sorted(p for p in folder.rglob("*.py") if "site-packages" not in p.parts))
    for folder in sorted((FIXTURES / "incident").glob("state*")):
        units.append(sorted(folder.rglob("*.py")))
    return [unit for unit in units if unit]


def _name(unit: List[Path]) -> str:
    first = unit[0]
    base = CASES if CASES in first.parents else FIXTURES
    return str(first.relative_to(base)).split("/")[0] if len(unit) > 1 else first.name


UNITS = _units()


@pytest.mark.parametrize("unit", UNITS, ids=[_name(u) for u in UNITS])
def test_case(unit: List[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    if len(unit) > 1:
        # A multi-module case is a project: lint it from its folder, as users run flake8.
        folder = unit[0].parent
        while folder.parent not in (CASES, FIXTURES / "incident"):
            folder = folder.parent
        monkeypatch.chdir(folder)
    configure(options_of(unit))
    try:
        problems = []
        for path in unit:
            problems += compare(path, lint_file(path))
    finally:
        configure()
    assert not problems, "\n".join(problems)


def test_every_code_has_positive_cases() -> None:
    from flake8_asyncgen.messages import CODES

    annotated = set()
    for unit in UNITS:
        for path in unit:
            lines = path.read_text().splitlines()
            annotated |= {line.split("error:")[1] for line in lines if "error:" in line}
    text = " ".join(annotated)
    missing = [code for code in CODES if code != "AGN900" and code not in text]
    assert not missing, f"codes without a positive case: {missing}"
