"""Where a project says its importable code lives.

A user should not need ``--agn-roots`` when their configuration already says it.  The project
is the nearest folder above a file holding ``pyproject.toml``, ``setup.cfg``, ``setup.py`` or
``.git`` (as ruff and pytest find it); its declared import roots are read from the packaging
and type-checker configuration: poetry's ``packages`` (``from``), setuptools' ``package-dir``
and ``packages.find.where`` (also in ``setup.cfg``), hatch's wheel ``packages``, pdm's
``package-dir`` / ``includes``, mypy's ``mypy_path`` and pyright's ``extraPaths``.  Nothing is
imported or executed; unreadable or malformed files declare nothing.
"""

from __future__ import annotations

import configparser
import os
import sys
from typing import Any, Dict, Iterable, List, Optional, Tuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on older interpreters
    import tomli as tomllib

MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", ".git")
_MAX_CONFIG_BYTES = 1_000_000
_ROOTS: Dict[str, Tuple[str, ...]] = {}
_PROJECTS: Dict[str, Optional[str]] = {}


def project_root(folder: str) -> Optional[str]:
    """The nearest folder at or above ``folder`` holding a project marker."""
    folder = os.path.abspath(folder)
    if folder in _PROJECTS:
        return _PROJECTS[folder]
    current, found = folder, None
    while True:
        if any(os.path.exists(os.path.join(current, marker)) for marker in MARKERS):
            found = current
            break
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    _PROJECTS[folder] = found
    return found


def declared_roots(project: str) -> Tuple[str, ...]:
    """The existing folders ``project``'s configuration declares as import roots."""
    if project not in _ROOTS:
        found: List[str] = []
        for relative in _from_pyproject(project) + _from_setup_cfg(project):
            path = os.path.normpath(os.path.join(project, relative))
            if os.path.isdir(path) and path not in found:
                found.append(path)
        _ROOTS[project] = tuple(found)
    return _ROOTS[project]


def read_config(path: str) -> Optional[str]:
    """A configuration file's text; None when it is missing, too large or not UTF-8."""
    try:
        if os.path.getsize(path) > _MAX_CONFIG_BYTES:
            return None
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def _table(data: Any, *keys: str) -> Dict[str, Any]:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else {}


def _strings(value: Any) -> List[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def _paths(text: str) -> List[str]:
    """``a:b`` / ``a,b`` (mypy's ``mypy_path``)."""
    return [part.strip() for part in text.replace(",", ":").split(":") if part.strip()]


def _parent_of_package(path: str) -> str:
    """``python/agentflow`` (a package path) -> ``python`` (its import root)."""
    return os.path.dirname(path.rstrip("/\\")) or "."


def read_pyproject(project: str) -> Dict[str, Any]:
    """``project``'s ``pyproject.toml`` as a table; empty when unreadable or malformed."""
    text = read_config(os.path.join(project, "pyproject.toml"))
    if text is None:
        return {}
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return {}


def read_setup_cfg(project: str) -> Optional[configparser.RawConfigParser]:
    """``project``'s ``setup.cfg``, parsed; None when unreadable or malformed."""
    text = read_config(os.path.join(project, "setup.cfg"))
    if text is None:
        return None
    parser = configparser.RawConfigParser()
    try:
        parser.read_string(text)
    except (configparser.Error, ValueError):
        return None
    return parser


def _from_pyproject(project: str) -> List[str]:
    tool = _table(read_pyproject(project), "tool")
    roots: List[str] = []
    for entry in _table(tool, "poetry").get("packages", []) or []:
        if isinstance(entry, dict) and isinstance(entry.get("include"), str):
            source = entry.get("from")
            roots.append(source if isinstance(source, str) else ".")
    setuptools = _table(tool, "setuptools")
    package_dir = setuptools.get("package-dir")
    if isinstance(package_dir, dict):
        roots.extend(_package_dir_roots(package_dir.items()))
    roots.extend(_strings(_table(setuptools, "packages", "find").get("where")))
    wheel = _table(tool, "hatch", "build", "targets", "wheel")
    roots.extend(_parent_of_package(path) for path in _strings(wheel.get("packages")))
    pdm = _table(tool, "pdm", "build")
    roots.extend(_strings(pdm.get("package-dir")))
    roots.extend(_parent_of_package(path) for path in _strings(pdm.get("includes"))
                 if not path.endswith(".py"))
    mypy_path = _table(tool, "mypy").get("mypy_path")
    roots.extend(_paths(mypy_path) if isinstance(mypy_path, str) else _strings(mypy_path))
    roots.extend(_strings(_table(tool, "pyright").get("extraPaths")))
    return roots


def _package_dir_roots(entries: Iterable[Tuple[Any, Any]]) -> List[str]:
    roots = []
    for package, folder in entries:
        if not isinstance(package, str) or not isinstance(folder, str):
            continue
        if package == "":
            roots.append(folder)  # ``{"" = "src"}``: every package lives in src/
        elif os.path.basename(folder.rstrip("/\\")) == package.rsplit(".", 1)[-1]:
            roots.append(_parent_of_package(folder))
    return roots


def _from_setup_cfg(project: str) -> List[str]:
    parser = read_setup_cfg(project)
    if parser is None:
        return []
    roots: List[str] = []
    if parser.has_option("options", "package_dir"):
        entries = []
        for line in parser.get("options", "package_dir").splitlines():
            package, _, folder = line.partition("=")
            if _:
                entries.append((package.strip(), folder.strip()))
        roots.extend(_package_dir_roots(entries))
    if parser.has_option("options.packages.find", "where"):
        roots.extend(_paths(parser.get("options.packages.find", "where").replace("\n", ",")))
    if parser.has_option("mypy", "mypy_path"):
        roots.extend(_paths(parser.get("mypy", "mypy_path")))
    return roots
