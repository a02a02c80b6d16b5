"""Where modules live and what they contain: import roots, module files, summaries.

Other modules are read with ``ast`` (never imported, never executed), summarised
by :mod:`facts`, and kept in memory for the life of the process and on disk
(:mod:`cache`) for other processes and later runs.
"""

from __future__ import annotations

import ast
import hashlib
import os
from typing import Any, Dict, List, Optional, Tuple

from .cache import DiskCache
from .facts import SCHEMA_VERSION, collect


class ModuleInfo:
    __slots__ = (
        "name", "path", "display", "scopes", "stars", "exports", "after_star", "aliases",
        "patched", "is_package", "memo",
    )

    def __init__(self, name: str, path: str, display: str, summary: Dict[str, Any]) -> None:
        self.name = name
        self.path = path
        self.display = display
        self.scopes: List[Dict[str, Any]] = summary["scopes"]
        # Modules star-imported here (None: could not be resolved), and ``__all__`` if literal.
        self.stars: List[Optional[str]] = summary["stars"]
        self.exports: Optional[List[str]] = summary["all"]
        self.after_star = frozenset(summary["post"])
        self.aliases = frozenset(summary["alias"])
        self.patched = frozenset(summary["patched"])
        self.is_package: bool = summary["pkg"]
        self.memo: Dict[Any, Any] = {}


def find_root(path: str) -> str:
    """The folder above the top package that holds ``path`` (walking up while ``__init__.py``)."""
    folder = os.path.dirname(os.path.abspath(path))
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return folder


def module_name(path: str, root: str) -> Tuple[str, bool]:
    relative = os.path.relpath(os.path.abspath(path), root)
    parts = relative.replace(os.sep, "/").split("/")
    stem = parts[-1]
    for suffix in (".pyi", ".py"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    is_package = stem == "__init__"
    parts = parts[:-1] if is_package else parts[:-1] + [stem]
    return ".".join(p for p in parts if p and p != "."), is_package


_TUPLE_FIELDS = ("d", "r", "an", "bs", "mc")


def _tuples(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


def restore(summary: Dict[str, Any]) -> Dict[str, Any]:
    """Turn a summary read back from JSON into the in-memory form, checking its shape."""
    if summary.get("v") != SCHEMA_VERSION or not isinstance(summary.get("scopes"), list):
        raise ValueError("not a summary")
    if not isinstance(summary.get("stars"), list) or not isinstance(summary.get("pkg"), bool):
        raise ValueError("bad summary header")
    if not all(s is None or isinstance(s, str) for s in summary["stars"]):
        raise ValueError("bad star imports")
    for field in ("post", "alias", "patched"):
        if not isinstance(summary.get(field), list):
            raise ValueError(f"bad {field}")
    exports = summary.get("all")
    if exports is not None and not (
        isinstance(exports, list) and all(isinstance(e, str) for e in exports)
    ):
        raise ValueError("bad __all__")
    for scope in summary["scopes"]:
        if not isinstance(scope, dict) or scope.get("k") not in ("m", "c", "f"):
            raise ValueError("bad scope")
        if not isinstance(scope.get("p"), int) or not isinstance(scope.get("b"), dict):
            raise ValueError("bad scope")
        if not isinstance(scope.get("q"), str) or not isinstance(scope.get("l"), int):
            raise ValueError("bad scope")
        if scope["p"] >= len(summary["scopes"]):
            raise ValueError("bad parent")
        scope["b"] = {str(k): _tuples(v) for k, v in scope["b"].items()}
        if "ia" in scope:
            scope["ia"] = {str(k): _tuples(v) for k, v in scope["ia"].items()}
        for field in _TUPLE_FIELDS:
            if field in scope:
                scope[field] = _tuples(scope[field])
        if scope["k"] == "f":
            for field, kind in (("a", bool), ("y", bool), ("st", bool), ("d", tuple), ("r", tuple)):
                if not isinstance(scope.get(field), kind):
                    raise ValueError("bad function scope")
        if scope["k"] == "c" and not isinstance(scope.get("bs"), tuple):
            raise ValueError("bad class scope")
    return summary


# Summaries of files read from disk, for the life of this process, shared by every Project:
# (path, module name) -> (size, mtime, summary).  Each Project wraps them in its own
# ModuleInfo, because what a summary's names resolve to depends on the import roots.
_BY_PATH: Dict[Tuple[str, str], Tuple[int, int, Optional[Dict[str, Any]]]] = {}
_PROJECTS: Dict[Tuple[Tuple[str, ...], Optional[str]], "Project"] = {}


def forget_all() -> None:
    """Forget every module summary and project this process has learnt.

    For a caller that changes files and analyses them again in the same process (the fix
    command re-analyses its working copy after each round): without this, summaries keyed by
    (size, mtime) could survive an edit that keeps both.
    """
    _BY_PATH.clear()
    _PROJECTS.clear()


NAMESPACE = "<namespace>"
AMBIGUOUS = "<ambiguous>"


class Project:
    """The modules importable from ``roots``; anything else is outside the project."""

    def __init__(self, roots: Tuple[str, ...], cache: Optional[DiskCache]) -> None:
        self.roots = roots
        self.cache = cache
        self._located: Dict[str, Optional[Tuple[str, str]]] = {}
        self._modules: Dict[str, Optional[ModuleInfo]] = {}

    @classmethod
    def get(cls, roots: Tuple[str, ...], cache_dir: Optional[str]) -> "Project":
        key = (roots, cache_dir)
        project = _PROJECTS.get(key)
        if project is None:
            cache = DiskCache(cache_dir) if cache_dir else None
            project = _PROJECTS[key] = cls(roots, cache)
        return project

    def locate(self, name: str) -> Optional[Tuple[str, str]]:
        """(path or NAMESPACE, root) of module ``name`` inside the project."""
        if name in self._located:
            return self._located[name]
        found: Optional[Tuple[str, str]] = None
        if name and all(part.isidentifier() for part in name.split(".")):
            relative = name.replace(".", os.sep)
            candidates = []
            for root in self.roots:
                base = os.path.join(root, relative)
                if os.path.isfile(os.path.join(base, "__init__.py")):
                    candidates.append((os.path.realpath(os.path.join(base, "__init__.py")), root))
                elif os.path.isfile(base + ".py"):
                    candidates.append((os.path.realpath(base + ".py"), root))
                elif os.path.isdir(base):
                    candidates.append((NAMESPACE, root))
            files = {path for path, _ in candidates if path != NAMESPACE}
            if len(files) > 1:
                # Two files under two roots: which one Python imports depends on how the
                # program is run (a script folder beside the project root, say).
                found = (AMBIGUOUS, candidates[0][1])
            elif candidates:
                found = next((c for c in candidates if c[0] != NAMESPACE), candidates[0])
        self._located[name] = found
        return found

    def has_module(self, name: str) -> bool:
        return self.locate(name) is not None

    def loaded(self, name: str) -> Optional[ModuleInfo]:
        """The module's facts if this project already has them (never reads a file)."""
        return self._modules.get(name)

    def publish(self, name: str, path: str, text: str, summary: Dict[str, Any]) -> None:
        """Offer the summary of a linted file (made from flake8's own tree) to the other
        worker processes and later runs, so none of them parses that file again."""
        if self.cache is None or self.cache.has(f"{path}\0{name}"):
            return
        try:
            stat = os.stat(path)
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return
        if text.encode("utf-8") != data:
            return  # not the text on disk (stdin, other encodings, edited meanwhile)
        digest = hashlib.sha256(data).hexdigest()
        self.cache.store(f"{path}\0{name}", stat.st_size, stat.st_mtime_ns, digest, summary)
        _BY_PATH[(path, name)] = (stat.st_size, stat.st_mtime_ns, summary)

    def register(self, info: ModuleInfo) -> None:
        """Make the file being linted (summarised from flake8's own tree) known by name."""
        self._modules[info.name] = info

    def module(self, name: str) -> Optional[ModuleInfo]:
        if name in self._modules:
            return self._modules[name]
        located = self.locate(name)
        info = None
        if located is not None and located[0] not in (NAMESPACE, AMBIGUOUS):
            info = self._load(name, located[0], located[1])
        self._modules[name] = info
        return info

    def _load(self, name: str, path: str, root: str) -> Optional[ModuleInfo]:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        key = (path, name)
        known = _BY_PATH.get(key)
        if known is not None and known[:2] == (stat.st_size, stat.st_mtime_ns):
            summary = known[2]
        else:
            summary = self._read(name, path, stat.st_size, stat.st_mtime_ns)
            _BY_PATH[key] = (stat.st_size, stat.st_mtime_ns, summary)
        if summary is None:
            return None
        return ModuleInfo(name, path, display_path(path, root), summary)

    def _read(self, name: str, path: str, size: int, mtime_ns: int) -> Optional[Dict[str, Any]]:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        digest = hashlib.sha256(data).hexdigest()
        entry_key = f"{path}\0{name}"
        if self.cache is not None:
            cached = self.cache.load(entry_key, size, mtime_ns, digest)
            if cached is not None:
                try:
                    return restore(cached)
                except (ValueError, TypeError, KeyError, AttributeError):
                    pass
        try:
            tree = ast.parse(data, filename=path)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
        is_package = os.path.basename(path) == "__init__.py"
        try:
            summary, _ = collect(tree, name, is_package)
        except RecursionError:
            return None
        if self.cache is not None:
            self.cache.store(entry_key, size, mtime_ns, digest, summary)
        return summary


def display_path(path: str, root: str) -> str:
    """How messages name a file: as flake8 does (relative to the current directory) when it
    is below it, else relative to its import root."""
    for base in (os.getcwd(), root):
        try:
            relative = os.path.relpath(path, base)
        except ValueError:
            continue
        if not relative.startswith(".."):
            return relative.replace(os.sep, "/")
    return path
