"""The files a benchmark measures: listing a corpus, deterministic subsets, line counts and
import roots.  Pure functions of the file system; standard library only."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List, Sequence, Set, Tuple, TypeVar

T = TypeVar("T")

SKIP_DIRS = frozenset({"__pycache__", "node_modules", "site-packages"})


def collect_files(root: Path) -> List[str]:
    """All ``.py`` files under ``root`` (hidden, ``*.tmp`` and :data:`SKIP_DIRS` folders
    skipped), sorted by their path relative to ``root``; absolute paths are returned."""
    root = Path(root).resolve()
    if root.is_file():
        return [str(root)]
    found: List[Tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames
                       if not d.startswith(".") and d not in SKIP_DIRS and not d.endswith(".tmp")]
        for name in filenames:
            if name.endswith(".py"):
                full = Path(dirpath, name)
                found.append((full.relative_to(root).as_posix(), str(full)))
    found.sort()
    return [full for _, full in found]


def select_fraction(files: Sequence[T], percent: float) -> List[T]:
    """Deterministic subset: ``round(n * percent / 100)`` items spread evenly over the sorted
    list (every 4th file for 25 %, every 2nd for 50 %), so that every project and every kind
    of file is represented at every size."""
    n = len(files)
    if percent >= 100 or n == 0:
        return list(files)
    k = max(1, int(round(n * percent / 100.0)))
    return [files[(i * n) // k] for i in range(k)]


def count_lines(files: Sequence[str]) -> int:
    """Lines in ``files``; a last line without a newline counts too."""
    total = 0
    for f in files:
        with open(f, "rb") as fh:
            data = fh.read()
        total += data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    return total


def import_roots(files: Sequence[str]) -> List[str]:
    """The folder above the top-most package of each file (as mypy computes it)."""
    roots: Set[str] = set()
    for f in files:
        d = Path(f).parent
        while (d / "__init__.py").is_file() and d.parent != d:
            d = d.parent
        roots.add(str(d))
    return sorted(roots)
