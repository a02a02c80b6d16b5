"""``--agn-max-file-size`` (issue 12, part 6): a file above the limit that has findings gets one
AGN900 saying why instead of the libcst pass; its ``ast`` facts still serve other modules.

Everything runs as a user runs it: flake8 (or the command) in a subprocess, on files in tmp_path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import pytest

FINDING = "async def agen():\n    yield 1\n\n\nasync def main():\n    await agen()\n"
NO_FINDING = "async def agen():\n    yield 1\n\n\nasync def main():\n    async for x in agen():\n"
NO_FINDING += "        print(x)\n"
LIMIT = 200


def padded(source: str, size: int) -> str:
    """``source`` followed by comment lines, exactly ``size`` bytes in all (ASCII)."""
    assert len(source) + 4 <= size
    rest = size - len(source)
    lines = []
    while rest > 80:
        lines.append("#" + "x" * 78 + "\n")
        rest -= 80
    lines.append("#" + "x" * (rest - 2) + "\n")
    text = source + "".join(lines)
    assert len(text.encode()) == size
    return text


def flake8(
    cwd: Path, *args: str, cache: Optional[Path] = None
) -> subprocess.CompletedProcess[str]:
    caching = ["--agn-cache-dir", str(cache)] if cache else ["--agn-no-cache"]
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "AGN", *caching, *args],
        cwd=cwd, capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def lines_of(result: subprocess.CompletedProcess[str]) -> List[str]:
    return sorted(result.stdout.splitlines())


def test_file_just_over_the_limit_gets_one_agn900_naming_the_option(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(padded(FINDING, LIMIT + 1))
    result = flake8(tmp_path, f"--agn-max-file-size={LIMIT}", "m.py")
    (line,) = lines_of(result)
    assert line.startswith("m.py:1:1: AGN900 "), line
    assert f"the file has {LIMIT + 1} bytes, more than --agn-max-file-size={LIMIT}" in line
    assert result.returncode == 1


@pytest.mark.parametrize("limit", [str(LIMIT + 1), str(LIMIT + 1000), "0", None])
def test_file_within_the_limit_gets_its_finding(tmp_path: Path, limit: Optional[str]) -> None:
    # At the limit exactly, under it, no limit (0), and the default (2,000,000 bytes).
    (tmp_path / "m.py").write_text(padded(FINDING, LIMIT + 1))
    option = [] if limit is None else [f"--agn-max-file-size={limit}"]
    result = flake8(tmp_path, *option, "m.py")
    (line,) = lines_of(result)
    assert line.startswith("m.py:6:5: AGN200 "), line
    assert result.returncode == 1


def test_file_over_the_limit_without_findings_gives_nothing(tmp_path: Path) -> None:
    # The pre-scan finds nothing a rule fires on: the libcst pass would not run, no AGN900.
    (tmp_path / "m.py").write_text(padded(NO_FINDING, 5 * LIMIT))
    result = flake8(tmp_path, f"--agn-max-file-size={LIMIT}", "m.py")
    assert result.stdout == "" and result.returncode == 0, result.stdout


BIG_WITH_FINDING = "async def fetch():\n    return 1\n\n\n" + FINDING
BIG_WITHOUT_FINDING = "async def fetch():\n    return 1\n"
USER = "from app.big import fetch\n\n\nasync def main():\n    async for item in fetch():\n"
USER += "        print(item)\n"


@pytest.mark.parametrize(
    "big", [BIG_WITH_FINDING, BIG_WITHOUT_FINDING], ids=["big-has-a-finding", "big-is-clean"]
)
@pytest.mark.parametrize(
    "targets",
    [["app"], ["app/use.py"], ["app/use.py", "app/big.py"], ["app/big.py", "app/use.py"]],
)
@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
def test_file_over_the_limit_still_serves_other_modules(
    tmp_path: Path, big: str, targets: List[str], cached: bool
) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "big.py").write_text(padded(big, 3 * LIMIT))
    (app / "use.py").write_text(USER)
    assert len(USER) < LIMIT
    cache = tmp_path / "cache" if cached else None
    linted_big = "app" in targets or "app/big.py" in targets
    expected = ["app/use.py:5:23: AGN201"]
    if linted_big and big is BIG_WITH_FINDING:
        expected.insert(0, "app/big.py:1:1: AGN900")
    # Twice with the cache: the second run reads the big module's facts from it.
    for _ in range(2 if cached else 1):
        result = flake8(tmp_path, f"--agn-max-file-size={LIMIT}", *targets, cache=cache)
        assert [line[: line.index(" AGN") + 7] for line in lines_of(result)] == expected, (
            result.stdout
        )
        if linted_big and big is BIG_WITH_FINDING:
            assert f"more than --agn-max-file-size={LIMIT}" in result.stdout
        assert result.returncode == 1


@pytest.mark.parametrize(
    "value",
    [
        "-1",
        "abc",
        "1.5",
        "",
    ],
)
def test_bad_value_on_the_command_line_stops_flake8(tmp_path: Path, value: str) -> None:
    (tmp_path / "m.py").write_text(FINDING)
    result = flake8(tmp_path, f"--agn-max-file-size={value}", "m.py")
    assert result.stdout == ""
    assert "--agn-max-file-size" in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr


@pytest.mark.parametrize(
    "value",
    [
        "-1",
        "abc",
    ],
)
def test_bad_value_in_the_configuration_stops_flake8(tmp_path: Path, value: str) -> None:
    (tmp_path / "m.py").write_text(FINDING)
    (tmp_path / "setup.cfg").write_text(f"[flake8]\nagn-max-file-size = {value}\n")
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "AGN", "--agn-no-cache", "m.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stdout == ""
    assert "agn-max-file-size" in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr


def test_the_command_gives_the_same_agn900(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(padded(FINDING, LIMIT + 1))
    command = shutil.which("flake8-asyncgen", path=os.path.dirname(sys.executable))
    assert command is not None
    result = subprocess.run(
        [command, "--agn-no-cache", f"--agn-max-file-size={LIMIT}", "m.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr
    plugin = flake8(tmp_path, f"--agn-max-file-size={LIMIT}", "m.py")
    assert result.stdout == plugin.stdout
    assert result.returncode != 0  # 4 today: the command counts every AGN900 as internal
