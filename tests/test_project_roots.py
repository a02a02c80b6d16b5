"""Import roots a project declares (packaging and type-checker configuration), and the project
found from any folder inside it, as ruff and pytest find it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

from flake8_asyncgen import projectroots
from flake8_asyncgen.analyzer import import_roots

CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(autouse=True)
def _fresh_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(projectroots, "_ROOTS", {})
    monkeypatch.setattr(projectroots, "_PROJECTS", {})


def _project(tmp_path: Path, files: Dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


@pytest.mark.parametrize(
    "config, folders, expected",
    [
        ("pyproject.toml", "[tool.poetry]\npackages = [{include = 'pkg', from = 'backend'}]\n",
         ["backend"]),
        ("pyproject.toml", "[tool.setuptools]\npackage-dir = {'' = 'src'}\n", ["src"]),
        ("pyproject.toml", "[tool.setuptools.packages.find]\nwhere = ['lib', 'plugins']\n",
         ["lib", "plugins"]),
        ("pyproject.toml", "[tool.hatch.build.targets.wheel]\npackages = ['python/pkg']\n",
         ["python"]),
        ("pyproject.toml", "[tool.pdm.build]\npackage-dir = 'source'\n", ["source"]),
        ("pyproject.toml", "[tool.mypy]\nmypy_path = 'services:shared'\n",
         ["services", "shared"]),
        ("pyproject.toml", "[tool.pyright]\nextraPaths = ['shared']\n", ["shared"]),
        ("setup.cfg", "[options]\npackage_dir =\n    =src\n", ["src"]),
        ("setup.cfg", "[options.packages.find]\nwhere = lib\n", ["lib"]),
        ("setup.cfg", "[mypy]\nmypy_path = stubs,shared\n", ["stubs", "shared"]),
    ],
    ids=["poetry", "setuptools-package-dir", "setuptools-find", "hatch", "pdm", "mypy",
         "pyright", "setup.cfg-package_dir", "setup.cfg-find", "setup.cfg-mypy"],
)
def test_declared_roots(tmp_path: Path, config: str, folders: str, expected: List[str]) -> None:
    project = _project(tmp_path, {config: folders})
    for name in ("backend", "src", "lib", "plugins", "python", "source", "services", "shared",
                 "stubs"):
        (project / name).mkdir()
    roots = projectroots.declared_roots(str(project))
    assert [os.path.relpath(root, project) for root in roots] == expected


def test_missing_folders_and_malformed_files_declare_nothing(tmp_path: Path) -> None:
    _project(tmp_path, {"pyproject.toml": "[tool.setuptools.packages.find]\nwhere = ['gone']\n"})
    assert projectroots.declared_roots(str(tmp_path)) == ()
    _project(tmp_path, {"pyproject.toml": "[tool.mypy\nmypy_path = 'x'\n"})
    projectroots._ROOTS.clear()
    assert projectroots.declared_roots(str(tmp_path)) == ()


def test_the_project_is_found_from_a_folder_without_init(tmp_path: Path) -> None:
    project = _project(tmp_path, {"pyproject.toml": "", "tests/test_x.py": "",
                                  "pkg/__init__.py": ""})
    roots = import_roots(str(project / "tests" / "test_x.py"))
    assert str(project) in roots


def test_findings_do_not_disappear_when_run_from_tests(tmp_path: Path) -> None:
    # Run from the project's tests/ folder (no __init__.py): the module under test is found
    # through the nearest pyproject.toml.
    folder = CASES / "xmod_roots_nearest_marker" / "tests"
    done = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "AGN", "--agn-no-cache", "."],
        cwd=folder, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 1, done.stderr
    codes = sorted(line.split(": ")[1][:6] for line in done.stdout.splitlines())
    assert codes == ["AGN200", "AGN201", "AGN202"]


def test_a_src_package_is_not_a_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # ``src/__init__.py`` makes ``src`` a package (``from src import redis``): its
    # ``redis.py`` must not stand for the installed ``redis`` that ``import redis`` finds.
    project = _project(tmp_path, {
        "pyproject.toml": "", "src/__init__.py": "", "src/main.py": "", "lib/src/x.py": "",
    })
    monkeypatch.chdir(project)
    roots = import_roots(str(project / "src" / "main.py"))
    assert str(project / "src") not in roots
    assert str(project) in roots
    # A src layout (no ``__init__.py`` in ``src``) keeps ``src`` as a root.
    (project / "src" / "__init__.py").unlink()
    roots = import_roots(str(project / "src" / "main.py"))
    assert str(project / "src") in roots
