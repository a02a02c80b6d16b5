"""Every form of ``# noqa``: the command silences exactly what flake8 silences.

Each form is on its own line holding an AGN200; flake8 (with the plugin) and the command
run on the same file and must report the same lines. The forms the issue named are also
pinned: ``# noqa: ASYNC100`` / ``# noqa: ARG001`` do not silence AGN, ``#noqa:AGN200`` and
``# NOQA: agn200`` do not either, ``# noqa: AGN`` (no digits) is a blanket noqa.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

from flake8_asyncgen import cli

FORMS: Dict[str, bool] = {
    # comment -> silenced (as flake8 7 decides)
    "": False,
    "# noqa": True,
    "# NOQA": True,
    "# noqa: AGN200": True,
    "# noqa:AGN200": True,
    "# noqa:  AGN200": True,  # two spaces: the codes are not read: a blanket noqa
    "# noqa: AGN2": True,
    "# noqa: AGN20": True,
    "# noqa: AGN201": False,
    "# noqa: AGN": True,  # no digits: a blanket noqa
    "# noqa: ASYNC100": False,
    "# noqa: ARG001": False,
    "# noqa: A001": False,
    "# noqa: E501,AGN200": True,
    "# noqa: E501, AGN200": True,
    "# noqa: E501 AGN200": True,
    "# noqa: E501": False,
    "#noqa:AGN200": False,
    "#noqa": False,
    "# NOQA: agn200": False,
    "# NOQA: AGN200": True,
    "# noqa : AGN200": True,  # "# noqa" matches; " : AGN200" is not a code list: blanket
    "# something # noqa: AGN200": True,
    "# noqa: AGN200 trailing words": True,
    "# noqa:AGN201,AGN200": True,
}


def _source() -> str:
    lines = ["async def gen():", "    yield 1", "", "", "async def main():"]
    for comment in FORMS:
        lines.append(f"    await gen()  {comment}".rstrip())
    # A multi-line string: flake8 lets a `# noqa` on its last line cover all its lines.
    lines.append('    await gen(), """')
    lines.append('    text""",  # noqa: AGN200')
    return "\n".join(lines) + "\n"


def _reported(output: str) -> List[int]:
    return sorted(int(line.split(":")[1]) for line in output.splitlines() if "AGN" in line)


@pytest.fixture(scope="module")
def module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("noqa")
    (folder / "m.py").write_text(_source())
    return folder


@pytest.fixture(scope="module")
def flake8_lines(module: Path) -> List[int]:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "AGN", "--agn-no-cache", "m.py"],
        cwd=module, capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in result.stderr
    return _reported(result.stdout)


def test_command_silences_what_flake8_silences(
    module: Path, flake8_lines: List[int], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(module)
    cli.main(["--select", "AGN", "--agn-no-cache", "m.py"])
    assert _reported(capsys.readouterr().out) == flake8_lines


def test_each_form_as_flake8_decides(flake8_lines: List[int]) -> None:
    # Pin flake8's verdicts, so a flake8 upgrade that changes them is noticed here.
    first = 6
    expected = [first + n for n, (comment, silenced) in enumerate(FORMS.items())
                if not silenced]
    multi = first + len(FORMS)
    wrong = {
        comment: first + n in flake8_lines
        for n, comment in enumerate(FORMS)
        if (first + n in flake8_lines) == FORMS[comment]
    }
    assert not wrong, f"flake8 decides differently (comment -> reported): {wrong}"
    assert multi not in flake8_lines  # covered by the noqa on the string's last line
    assert [line for line in flake8_lines if line < multi] == expected


def test_disable_noqa_and_file_level_noqa(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = "async def gen():\n    yield 1\n\n\nasync def main():\n    await gen()  # noqa\n"
    (tmp_path / "a.py").write_text(source)
    (tmp_path / "b.py").write_text("# flake8: noqa\n" + source.replace("  # noqa", ""))
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--agn-no-cache", "a.py", "b.py"]) == 0
    assert capsys.readouterr().out == ""
    assert cli.main(["--agn-no-cache", "--disable-noqa", "a.py"]) == 1
    assert capsys.readouterr().out.startswith("a.py:6:5: AGN200 ")
