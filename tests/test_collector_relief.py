"""Inside flake8, what the analysis keeps is moved out of the cyclic collector's reach from time
to time (``analyzer.CollectorRelief``), without keeping any garbage alive."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Iterator

import pytest
from flake8.main.cli import main as flake8_main

from flake8_asyncgen import analyzer
from flake8_asyncgen import project as project_module


def test_freezing_is_due_as_the_work_grows_by_a_tenth() -> None:
    relief = analyzer.CollectorRelief()
    due = [files for files in range(1, 1001) if relief.after_file(0)]
    assert due[0] == relief.FIRST
    for earlier, later in zip(due, due[1:]):
        assert later >= earlier * relief.GROWTH
    assert 30 <= len(due) <= 50  # logarithmic in the run's length, not one per file


def test_modules_read_count_as_work() -> None:
    relief = analyzer.CollectorRelief()
    assert not relief.after_file(0)
    assert relief.after_file(relief.FIRST)  # one file, but many modules read for it


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.collect()
    gc.unfreeze()
    project_module.forget_all()
    saved = analyzer._RELIEF
    analyzer._RELIEF = analyzer.CollectorRelief()
    try:
        yield
    finally:
        analyzer._RELIEF = saved
        gc.unfreeze()


def test_the_plugin_freezes_what_it_keeps_and_no_garbage(
    tmp_path: Path,
    unfrozen: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for index in range(40):
        (package / f"m{index}.py").write_text(
            f"from pkg.m{max(index - 1, 0)} import *\n\n\n"
            f"async def f{index}():\n    return {index}\n"
        )
    (package / "use.py").write_text(
        "from pkg.m3 import f3\n\n\nasync def main():\n    async for x in f3():\n        print(x)\n"
    )
    status = flake8_main(["--isolated", "--select", "AGN", "-j", "1", "--agn-no-cache", "pkg"])
    assert status == 1
    reported = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in reported] == ["AGN201"]  # the findings are unchanged
    assert gc.get_freeze_count() > 0
    gc.collect()
    gc.unfreeze()
    # What was frozen was alive: letting the collector see it again frees (almost) nothing.
    assert gc.collect() < 100
