"""What a user checks before depending on the package: one address, one version, the hooks."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from flake8_asyncgen import __version__
from flake8_asyncgen.ruledocs import REPOSITORY_URL

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_one_project_address() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for name, url in project["urls"].items():
        assert url.startswith(REPOSITORY_URL), name
    readme = (ROOT / "README.md").read_text()
    hosted = set(re.findall(r"https://github\.com/[\w.-]+/flake8-asyncgen", readme))
    assert hosted == {REPOSITORY_URL}


def test_one_version_and_the_readme_rev_follows_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]
    readme = (ROOT / "README.md").read_text()
    revs = set(re.findall(r"rev: (v[\d.]+)\n", readme)) - {"v0.8.0"}  # ruff-pre-commit's
    assert revs == {f"v{__version__}"}
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert f"## {__version__}" in changelog


def test_readme_links_are_absolute() -> None:
    # The README is the package's long description on PyPI, where relative links break.
    readme = (ROOT / "README.md").read_text()
    relative = re.findall(r"\]\((?!https?://|#)([^)]+)\)", readme)
    assert relative == []


def test_pre_commit_hooks() -> None:
    yaml = pytest.importorskip("yaml")
    hooks = {hook["id"]: hook for hook in yaml.safe_load(
        (ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"flake8-asyncgen", "flake8-asyncgen-fix", "flake8-asyncgen-project"}
    for hook in hooks.values():
        assert hook["entry"].split()[0] == "flake8-asyncgen"  # the fast command
        assert set(hook["types_or"]) == {"python", "pyi"}
        assert hook["language"] == "python"
    assert "--fix" in hooks["flake8-asyncgen-fix"]["entry"].split()
    assert hooks["flake8-asyncgen-project"]["pass_filenames"] is False
    assert hooks["flake8-asyncgen"].get("pass_filenames", True) is True


def test_licence_file() -> None:
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
