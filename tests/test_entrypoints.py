"""The commands a project declares (console and GUI scripts), read from its configuration
without running anything, and AGN219 following them: a changed configuration is noticed by
the result cache."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from agn_harness import write_files
from flake8_asyncgen import analyzer, cli, entrypoints
from flake8_asyncgen import project as project_module
from flake8_asyncgen import projectroots


@pytest.fixture(autouse=True)
def _fresh_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entrypoints, "_SCRIPTS", {})
    monkeypatch.setattr(analyzer, "_CONFIG_DIGESTS", {})
    monkeypatch.setattr(projectroots, "_PROJECTS", {})
    monkeypatch.setattr(projectroots, "_ROOTS", {})


def _declared(tmp_path: Path, files: Dict[str, str]) -> Dict[str, Dict[str, str]]:
    write_files(tmp_path, files)
    return {
        module: {function: f"{s.name} ({s.declared_in})" for function, s in functions.items()}
        for module, functions in entrypoints.declared_scripts(str(tmp_path)).items()
    }


def test_setup_cfg_console_and_gui_scripts(tmp_path: Path) -> None:
    found = _declared(tmp_path, {"setup.cfg": (
        "[metadata]\nname = tools\n[options.entry_points]\nconsole_scripts =\n"
        "    scan = tools.cli:main\n    sync = tools.cli:run [extra]\n"
        "gui_scripts =\n    gui = tools.gui:main\n"
        "other.group =\n    plugin = tools.plugin:main\n"
    )})
    assert found == {
        "tools.cli": {"main": "scan (setup.cfg)", "run": "sync (setup.cfg)"},
        "tools.gui": {"main": "gui (setup.cfg)"},
    }


def test_setup_py_literals_are_read_not_run(tmp_path: Path) -> None:
    found = _declared(tmp_path, {"setup.py": (
        "import sys\nfrom setuptools import setup\nsys.exit('never run')\n"
        "setup(name='tools', entry_points={'console_scripts': ['scan = tools.cli:main'],"
        " 'pytest11': ['p = tools.plugin']})\n"
    )})
    assert found == {"tools.cli": {"main": "scan (setup.py)"}}


@pytest.mark.parametrize("files", [
    {"pyproject.toml": "[project.scripts\nscan = 'tools.cli:main'\n"},  # malformed TOML
    {"pyproject.toml": "[project]\nscripts = 'tools.cli:main'\n"},  # not a table
    {"pyproject.toml": "[project.scripts]\nscan = 'tools.cli:Scanner.main'\n"},  # a method
    {"setup.cfg": "[options.entry_points\nconsole_scripts = x = a:b\n"},  # malformed INI
    {"setup.py": "setup(entry_points=ENTRY_POINTS)\n"},  # not a literal
    {"setup.py": "setup(\n"},  # not Python
])
def test_what_cannot_be_read_declares_nothing(tmp_path: Path, files: Dict[str, str]) -> None:
    assert _declared(tmp_path, files) == {}


MAIN = "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0)\n"


def _lint(folder: Path, capsys: pytest.CaptureFixture[str]) -> Tuple[int, List[str]]:
    project_module.forget_all()
    analyzer._ENVIRONMENTS.clear()
    entrypoints._SCRIPTS.clear()
    analyzer._CONFIG_DIGESTS.clear()
    projectroots._PROJECTS.clear()
    status = cli.main(["-j", "1", "--agn-cache-dir", str(folder / "cache"), "tools"])
    out = capsys.readouterr().out
    return status, sorted(line for line in out.splitlines() if line.startswith("tools"))


def test_a_changed_configuration_is_noticed_by_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {
        "pyproject.toml": "[project]\nname = 'tools'\n[project.scripts]\nscan = 'tools.cli:main'\n",
        "tools/__init__.py": "", "tools/cli.py": MAIN,
    })
    status, lines = _lint(tmp_path, capsys)
    assert status == 1 and [line.split()[1] for line in lines] == ["AGN219"]
    assert "the command `scan` (pyproject.toml)" in lines[0]
    # The script now names a plain function elsewhere: the cached finding must not come back.
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'tools'\n[project.scripts]\nscan = 'tools.run:main'\n"
    )
    assert _lint(tmp_path, capsys) == (0, [])
