"""Each rule's own VALID / INVALID examples (Fixit's idea), run through the plugin."""

from __future__ import annotations

from pathlib import Path
from typing import List, Tuple, Type

import pytest

from agn_harness import configure, lint_file
from flake8_asyncgen.messages import CODES
from flake8_asyncgen.rules import ALL_RULES, rule_codes
from flake8_asyncgen.rules.api import Rule

EXAMPLES: List[Tuple[Type[Rule], str, bool]] = [
    (rule, code, valid) for rule in ALL_RULES for valid in (True, False)
    for code in (rule.VALID if valid else rule.INVALID)
]


@pytest.mark.parametrize(
    "rule, code, valid", EXAMPLES, ids=[f"{r.__name__}-{'valid' if v else 'invalid'}-{i}"
                                        for i, (r, _, v) in enumerate(EXAMPLES)]
)
def test_example(rule: Type[Rule], code: str, valid: bool, tmp_path: Path) -> None:
    path = tmp_path / "example.py"
    path.write_text(code)
    for name, text in rule.EXAMPLE_FILES.items():
        (tmp_path / name).write_text(text)
    configure()
    found = {message[:6] for _, _, message in lint_file(path)}
    if valid:
        assert not found
    else:
        assert found and found <= set(rule_codes(rule)), found


def test_every_rule_has_examples_and_every_code_a_rule() -> None:
    covered = set()
    for rule in ALL_RULES:
        assert rule.VALID and rule.INVALID, rule.__name__
        covered |= set(rule_codes(rule))
    assert covered == set(CODES) - {"AGN900"}


def test_every_code_has_a_documentation_page() -> None:
    docs = Path(__file__).resolve().parent.parent / "docs" / "rules"
    sections = ["## What it does", "## Why is this bad?", "## Example", "## Use instead",
                "## Fix safety"]
    for code, entry in CODES.items():
        page = docs / f"{code}.md"
        assert page.is_file(), page
        text = page.read_text()
        assert text.startswith(f"# {code}: {entry.name}"), page
        positions = [text.find(section) for section in sections]
        assert -1 not in positions and positions == sorted(positions), (page, positions)
