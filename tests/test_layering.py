"""The package's import graph has no cycle (type-only imports count), rule modules import
only the rule API, and every module imports on its own."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Set

PACKAGE = Path(__file__).resolve().parent.parent / "flake8_asyncgen"


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> Set[str]:
    """The package modules ``path`` imports, wherever the import statement is."""
    module = _module_of(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: Set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("flake8_asyncgen"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("flake8_asyncgen"):
                target = node.module
            else:
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in MODULES else target)
    return {name for name in found if name in MODULES and name != module}


FILES = sorted(PACKAGE.rglob("*.py"))
MODULES = {_module_of(path) for path in FILES}
GRAPH: Dict[str, Set[str]] = {_module_of(path): _imports(path) for path in FILES}


def _cycle() -> List[str]:
    state: Dict[str, int] = {}
    stack: List[str] = []

    def visit(node: str) -> List[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(GRAPH):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_no_import_cycle() -> None:
    assert _cycle() == []


def test_rule_modules_import_only_the_rule_api() -> None:
    for name, imported in GRAPH.items():
        if name.startswith("flake8_asyncgen.rules.agn"):
            assert imported == {"flake8_asyncgen.rules.api"}, name


def test_the_graph_is_read() -> None:
    # The reader itself must see imports, or the tests above prove nothing.
    assert "flake8_asyncgen.rules.api" in GRAPH["flake8_asyncgen.rules"]
    assert "flake8_asyncgen.evaluator" in GRAPH["flake8_asyncgen.checker"]


def test_every_module_imports_alone() -> None:
    script = (
        "import importlib, sys\n"
        f"names = {sorted(MODULES)!r}\n"
        "for name in names:\n"
        "    for loaded in [m for m in sys.modules if m.startswith('flake8_asyncgen')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
        "print(len(names))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        cwd=PACKAGE.parent,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(len(MODULES))
