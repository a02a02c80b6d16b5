"""A project file read for another file's sake is not walked (nor parsed) again when it is
linted later in the same process, and what that gives is exactly what linting it alone gives.
"""

from __future__ import annotations

from collections import Counter
import os
from pathlib import Path
from typing import Any, List, Tuple

import pytest

from agn_harness import write_files
from flake8_asyncgen import analyzer, cli
from flake8_asyncgen import project as project_module

LIB = """\
async def fetch():
    return 1


async def local_misuse():
    async for item in fetch():
        print(item)
"""
LIB_CHANGED = """\
async def fetch():
    yield 1


async def local_misuse():
    await fetch()
"""
USE = """\
from pkg.lib import fetch


async def main():
    async for item in fetch():
        print(item)
"""


@pytest.fixture
def walked(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each module was walked (``facts.collect``), for reading or linting."""
    seen: Counter[str] = Counter()
    for module in (analyzer, project_module):
        real = module.collect

        def counting(tree: Any, name: str, *args: Any, _real: Any = real, **kw: Any) -> Any:
            seen[name] += 1
            return _real(tree, name, *args, **kw)

        monkeypatch.setattr(module, "collect", counting)
    return seen


def lint(capsys: pytest.CaptureFixture[str], *paths: str) -> Tuple[int, List[str]]:
    """A fresh run of the command in this process (exit status, reported lines)."""
    project_module.forget_all()
    status = cli.main(["-j", "1", "--agn-no-cache", *paths])
    return status, sorted(capsys.readouterr().out.splitlines())


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    # ``a_use.py`` is linted first and reads ``lib.py``, linted after it.
    write_files(tmp_path, {"pkg/__init__.py": "", "pkg/lib.py": LIB, "pkg/a_use.py": USE})
    return tmp_path


def test_a_file_read_earlier_is_linted_without_walking_it_again(
    folder: Path, capsys: pytest.CaptureFixture[str], walked: Counter[str]
) -> None:
    together = lint(capsys, "pkg/a_use.py", "pkg/lib.py")
    assert walked["pkg.lib"] == 1 and walked["pkg.a_use"] == 1
    alone = [lint(capsys, "pkg/a_use.py")[1], lint(capsys, "pkg/lib.py")[1]]
    assert together[1] == sorted(alone[0] + alone[1])
    assert [line.split()[1] for line in together[1]] == ["AGN201", "AGN201"]


def test_a_file_changed_after_it_was_read_is_walked_as_it_now_is(
    folder: Path, capsys: pytest.CaptureFixture[str], walked: Counter[str]
) -> None:
    project_module.forget_all()
    cli.main(["-j", "1", "--agn-no-cache", "pkg/a_use.py"])  # reads pkg/lib.py
    capsys.readouterr()
    (folder / "pkg" / "lib.py").write_text(LIB_CHANGED)
    status = cli.main(["-j", "1", "--agn-no-cache", "pkg/lib.py"])  # same process
    reported = capsys.readouterr().out.splitlines()
    assert walked["pkg.lib"] == 2
    assert status == 1 and [line.split()[1] for line in reported] == ["AGN200"]


def test_a_file_that_does_not_parse_is_still_reported(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "pkg" / "broken.py").write_text("def broken(:\n")
    status, reported = lint(capsys, "pkg/broken.py")
    assert status == 1 and len(reported) == 1 and " E999 SyntaxError: " in reported[0]


@pytest.mark.parametrize("jobs", [1, 2, 4, 7])
def test_neighbour_chunks_keep_every_file_in_order(tmp_path: Path, jobs: int) -> None:
    files = []
    sizes = [10, 500, 3, 3, 3, 800, 1, 40, 40, 40] * 5
    for index, size in enumerate(sizes):
        path = tmp_path / f"m{index}.py"
        path.write_text("x" * size)
        files.append(str(path))
    files.append(str(tmp_path / "missing.py"))
    chunks = cli._neighbour_chunks(files, jobs)
    assert [path for chunk in chunks for path in chunk] == files and all(chunks)
    # The first run is about 1 / (2 * jobs) of the bytes; runs shrink towards the end, so
    # the processes finish together.
    weight = [sum(os.path.getsize(p) if os.path.exists(p) else 1 for p in c) for c in chunks]
    total = sum(weight)
    assert total / (2 * jobs) <= weight[0] <= total / (2 * jobs) + 800
    assert len(chunks) > jobs  # more runs than processes: the last ones even out the end
    assert weight[-1] <= weight[0]
