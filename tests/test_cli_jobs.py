"""``flake8-asyncgen -j N`` checks files in N processes and reports exactly what one process
reports, in the same order (as ``flake8 -j``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"


def _command(args: List[str], cwd: Path) -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [sys.executable, "-m", "flake8_asyncgen.cli", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300,
    )


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_parallel_run_reports_what_one_process_reports(tmp_path: Path, jobs: str) -> None:
    serial = _command(["-j", "1", "--agn-no-cache", "."], CASES)
    parallel = _command(["-j", jobs, "--agn-no-cache", "."], CASES)
    assert serial.returncode == parallel.returncode == 1, (serial.stderr, parallel.stderr)
    assert "Traceback" not in parallel.stderr
    assert serial.stdout.count("\n") > 100  # the case files are full of findings
    assert parallel.stdout == serial.stdout


def test_bad_jobs_value_is_a_usage_error(tmp_path: Path) -> None:
    done = _command(["-j", "many", "."], tmp_path)
    assert done.returncode == 2
    assert "--jobs: 'many' is not a number or 'auto'" in done.stderr
