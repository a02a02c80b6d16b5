"""Autofix golden files: ``tests/fixes/NAME.py`` fixed with the CLI must equal ``NAME.expected``.

A first line ``# FIX: <flags>`` adds CLI flags (``--unsafe-fixes``). Every fix must be
idempotent (fixing the result changes nothing) and leave valid Python.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path
from typing import List

import pytest

from agn_harness import configure
from flake8_asyncgen import cli

FIXES = Path(__file__).parent / "fixes"
CASES = sorted(FIXES.glob("*.py"))


def _flags(path: Path) -> List[str]:
    first = path.read_text().split("\n", 1)[0]
    return first.split("FIX:", 1)[1].split() if first.startswith("# FIX:") else []


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_fix(case: Path, tmp_path: Path) -> None:
    target = tmp_path / case.name
    shutil.copy(case, target)
    args = ["--fix", "--agn-no-cache", *_flags(case), str(target)]
    try:
        cli.main(args)
        fixed = target.read_text()
        assert fixed == case.with_suffix(".expected").read_text()
        ast.parse(fixed)
        cli.main(args)
        assert target.read_text() == fixed, "fixing twice changed the file again"
    finally:
        configure()


def test_diff_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = FIXES / "agn103_protocol_stub.py"
    target = tmp_path / case.name
    shutil.copy(case, target)
    try:
        safe_only = cli.main(["--diff", "--agn-no-cache", str(target)])
        assert "+++" not in capsys.readouterr().out
        status = cli.main(
            ["--diff", "--unsafe-fixes", "--show-fixes", "--agn-no-cache", str(target)]
        )
    finally:
        configure()
    captured = capsys.readouterr()
    out, err = captured.out, captured.err
    assert safe_only == status == 1
    assert target.read_text() == case.read_text()
    assert "-    async def stream(self, prompt: str) -> AsyncIterator[str]:" in out
    assert "+    def stream(self, prompt: str) -> AsyncIterator[str]:" in out
    # Standard output is the diff alone (`git apply` takes it); the problems go to stderr.
    assert "AGN103" not in out
    assert "AGN103" in err and "[unsafe fix]" in err


def test_cli_reports_like_flake8_and_honours_noqa(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = (
        "async def gen():\n    yield 1\n\n\nasync def main():\n"
        "    a = await gen()\n    b = await gen()  # noqa: AGN200\n    return a, b\n"
    )
    (tmp_path / "m.py").write_text(source)
    try:
        status = cli.main(["--agn-no-cache", str(tmp_path)])
    finally:
        configure()
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert len(lines) == 1 and lines[0].startswith(f"{tmp_path / 'm.py'}:6:9: AGN200 ")
