"""The functions a project declares as its commands: console and GUI scripts.

Why: ``[project.scripts] serve = "app.cli:main"`` makes the installer write a wrapper that
runs ``sys.exit(main())``, a plain call.  When ``main`` is an ``async def``, the command makes
a coroutine, never awaits it, and exits with status 1 having done nothing (``sys.exit`` of an
object that is not an int); the only call is in code generated at install time, never in the
repository, so no call site shows the mistake.

Read without importing or executing anything: ``[project.scripts]`` / ``[project.gui-scripts]``
and poetry's ``[tool.poetry.scripts]`` in ``pyproject.toml``, ``console_scripts`` /
``gui_scripts`` under ``[options.entry_points]`` in ``setup.cfg``, and a literal
``entry_points={"console_scripts": [...]}`` in ``setup.py`` (read with ``ast``).  Unreadable or
malformed files declare nothing.  Only ``module:function`` targets are kept (not
``module:obj.method``).
"""

from __future__ import annotations

import ast
import os
import re
from typing import Any, Dict, Iterable, List, Optional, Tuple

from .projectroots import read_config, read_pyproject, read_setup_cfg

# The files read, in the project's folder: their digests go into the result cache's journal.
CONFIG_FILES = ("pyproject.toml", "setup.cfg", "setup.py")
# ``module:function`` with an optional ``[extras]`` suffix.
_TARGET = re.compile(r"\s*([A-Za-z_][\w.]*)\s*:\s*([A-Za-z_]\w*)\s*(\[[^\]]*\])?\s*")


class Script:
    """A command the project declares: its name and the file that declares it."""

    __slots__ = ("name", "declared_in")

    def __init__(self, name: str, declared_in: str) -> None:
        self.name = name
        self.declared_in = declared_in


# The scripts of each project folder: {module: {function: Script}}.
_SCRIPTS: Dict[str, Dict[str, Dict[str, Script]]] = {}


def declared_scripts(project: str) -> Dict[str, Dict[str, Script]]:
    """``project``'s declared commands, by module and function."""
    found = _SCRIPTS.get(project)
    if found is None:
        found = {}
        for file_name, entries in (
            ("pyproject.toml", _from_pyproject(project)),
            ("setup.cfg", _from_setup_cfg(project)),
            ("setup.py", _from_setup_py(project)),
        ):
            for name, target in entries:
                parsed = _parse_target(target)
                if parsed is not None:
                    module, function = parsed
                    found.setdefault(module, {}).setdefault(
                        function, Script(name, file_name)
                    )
        _SCRIPTS[project] = found
    return found


def _parse_target(target: str) -> Optional[Tuple[str, str]]:
    match = _TARGET.fullmatch(target)
    return (match.group(1), match.group(2)) if match else None


def _from_pyproject(project: str) -> List[Tuple[str, str]]:
    data = read_pyproject(project)
    entries: List[Tuple[str, str]] = []
    pep621 = data.get("project")
    if isinstance(pep621, dict):
        for table in ("scripts", "gui-scripts"):
            entries.extend(_string_items(pep621.get(table)))
    tool = data.get("tool")
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    scripts = poetry.get("scripts") if isinstance(poetry, dict) else None
    if isinstance(scripts, dict):
        for name, value in scripts.items():
            if isinstance(value, dict):
                # ``{ callable = "..." }`` (poetry 1), ``{ reference = "...", type = "console" }``
                if value.get("type", "console") != "console":
                    continue
                value = value.get("reference", value.get("callable"))
            if isinstance(name, str) and isinstance(value, str):
                entries.append((name, value))
    return entries


def _string_items(table: Any) -> Iterable[Tuple[str, str]]:
    if not isinstance(table, dict):
        return []
    return [(k, v) for k, v in table.items() if isinstance(k, str) and isinstance(v, str)]


def _from_setup_cfg(project: str) -> List[Tuple[str, str]]:
    parser = read_setup_cfg(project)
    if parser is None:
        return []
    entries: List[Tuple[str, str]] = []
    for group in ("console_scripts", "gui_scripts"):
        if parser.has_option("options.entry_points", group):
            entries.extend(_lines(parser.get("options.entry_points", group).splitlines()))
    return entries


def _lines(lines: Iterable[str]) -> List[Tuple[str, str]]:
    """``name = module:function`` lines (setuptools' entry point syntax)."""
    entries = []
    for line in lines:
        name, sep, target = line.partition("=")
        if sep and name.strip():
            entries.append((name.strip(), target.strip()))
    return entries


def _from_setup_py(project: str) -> List[Tuple[str, str]]:
    """``entry_points={"console_scripts": ["name = module:function"]}`` written as literals in
    ``setup.py`` (parsed, never run)."""
    text = read_config(os.path.join(project, "setup.py"))
    if text is None or "entry_points" not in text:
        return []
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    entries: List[Tuple[str, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg != "entry_points" or not isinstance(keyword.value, ast.Dict):
                continue
            for key, value in zip(keyword.value.keys, keyword.value.values):
                if isinstance(key, ast.Constant) and key.value in (
                    "console_scripts", "gui_scripts"
                ) and isinstance(value, (ast.List, ast.Tuple)):
                    entries.extend(_lines(
                        item.value for item in value.elts
                        if isinstance(item, ast.Constant) and isinstance(item.value, str)
                    ))
    return entries
