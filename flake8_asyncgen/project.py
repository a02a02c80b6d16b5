"""Where modules live and what they contain: import roots, module files, summaries.

Other modules are read with ``ast`` (never imported, never executed), summarised
by :mod:`facts`, and kept in memory for the life of the process and on disk
(:mod:`cache`) for other processes and later runs.
"""

from __future__ import annotations

import ast
import hashlib
import os
import sys
from typing import Any, Dict, FrozenSet, List, Optional, Set, Tuple

from .cache import DiskCache, flush_all, shared
from .codec import from_json, to_json
from .environments import BUNDLED_STUBS, NAMESPACE, Environment, locate_installed
from .facts import collect
from .kinds import KNOWN_BY_NAME
from .model import ModuleSummary, Scope
from .resultcache import ChainChecker, Journal
from .sitetypes import Site
from .sourceindex import FileText, SourceIndex


class ModuleInfo:
    """One module's summary as a project sees it, with the memo of what was worked out."""

    __slots__ = (
        "name", "display", "summary", "scopes", "stars", "exports", "after_star", "patched",
        "memo", "draft_memo", "stub_file",
    )

    def __init__(self, name: str, display: str, summary: ModuleSummary) -> None:
        self.name = name
        self.display = display  # how messages name the file
        self.summary = summary
        self.scopes: List[Scope] = summary.scopes
        self.stars: List[Optional[str]] = summary.stars
        self.exports: Optional[List[str]] = summary.exports
        self.after_star = summary.after_star
        self.patched = summary.patched
        self.memo: Dict[Any, Any] = {}
        # What a draft evaluation (expensive precision checks skipped) worked out.
        self.draft_memo: Dict[Any, Any] = {}
        # A ``.pyi`` stub: its ``...`` bodies declare what the runtime module does.
        self.stub_file = display.endswith(".pyi")


def find_root(path: str, relative: bool = False) -> str:
    """The folder above the top package that holds ``path`` (walking up while ``__init__.py``).

    ``relative``: the file imports relatively, so Python runs it as part of a package.  Then
    a folder without ``__init__.py`` right under a package (``api/routes/`` under ``api/``)
    is what Python makes of it, a namespace package inside that package, and the walk goes
    on through it (``from ...browser import x`` in ``src/api/routes/streaming.py``).  Without
    a relative import such a file may as well be a script run from its own folder."""
    folder = os.path.dirname(os.path.abspath(path))
    while True:
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        if os.path.isfile(os.path.join(folder, "__init__.py")) or (
            relative and os.path.isfile(os.path.join(parent, "__init__.py"))
        ):
            folder = parent
            continue
        break
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


# Summaries of files read from disk, for the life of this process, shared by every Project:
# (path, module name) -> (size, mtime, summary, sha256 of the bytes read; None: unreadable).
# Each Project wraps them in its own ModuleInfo, because what a summary's names resolve to
# depends on the import roots.
_BY_PATH: Dict[Tuple[str, str], Tuple[int, int, Optional[ModuleSummary], Optional[str]]] = {}
_PROJECTS: Dict[Tuple[Tuple[str, ...], Optional[str], Tuple[str, ...]], "Project"] = {}
# The sites of project files read from disk (not installed packages), until the file is
# linted in this process: (path, module name) -> (sha256 of the bytes read, sites). A file
# read for another file's sake is usually linted later in the same run; its walk already
# listed its sites, so linting it does not walk it again (measured: of the benchmark
# corpus's 507 files, 197 were read for another file before being linted).
_SITES: Dict[Tuple[str, str], Tuple[str, List[Site]]] = {}

# The index of ``def`` names (overrides of a stub, anywhere in the project) reads at most this
# many files of at most this size; a larger project is not indexed (its stubs are judged as
# if they had no overrides).
MAX_INDEXED_FILES = 20_000
MAX_INDEXED_BYTES = 2_000_000
_NOT_PROJECT = frozenset({"__pycache__", "node_modules", "site-packages", "venv", "build", "dist"})
_TOO_LARGE = SourceIndex()  # marks a project too large to index


# What the source index read of each file, for the life of this process (projects that share
# files share the reading): path -> (size, mtime, text).
_TEXTS: Dict[str, Tuple[int, int, Optional[FileText]]] = {}
# The sha256 of each file's bytes, for the life of this process: path -> (size, mtime, digest).
# What the cached findings of a file depend on is checked against these (see
# :mod:`resultcache`); reading a file for the index records its digest too.
_DIGESTS: Dict[str, Tuple[int, int, Optional[str]]] = {}


def _file_text(path: str) -> Optional[FileText]:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    known = _TEXTS.get(path)
    if known is not None and known[:2] == (stat.st_size, stat.st_mtime_ns):
        return known[2]
    text: Optional[FileText] = None
    if stat.st_size <= MAX_INDEXED_BYTES:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            data = None
        if data is not None:
            _DIGESTS[path] = (stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())
            if len(data) <= MAX_INDEXED_BYTES:
                text = FileText(data)
    _TEXTS[path] = (stat.st_size, stat.st_mtime_ns, text)
    return text


def file_digest(path: str) -> Optional[str]:
    """The sha256 of the file's bytes now (None when it cannot be read), read once per process
    while its size and modification time stay the same."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    known = _DIGESTS.get(path)
    if known is not None and known[:2] == (stat.st_size, stat.st_mtime_ns):
        return known[2]
    try:
        with open(path, "rb") as handle:
            digest: Optional[str] = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        digest = None
    _DIGESTS[path] = (stat.st_size, stat.st_mtime_ns, digest)
    return digest


_TOO_MANY: List[Tuple[str, FileText]] = []  # marks a root with too many files to index
# What each import root holds, read once per process: (module name, what the index reads).
_ROOT_FILES: Dict[str, List[Tuple[str, FileText]]] = {}
_INDEXES: Dict[Tuple[str, ...], SourceIndex] = {}


def _root_files(root: str) -> List[Tuple[str, FileText]]:
    found = _ROOT_FILES.get(root)
    if found is None:
        found = _ROOT_FILES[root] = _folder_files(root, root, (".py",), _NOT_PROJECT)
    return found


def _folder_files(
    folder: str, import_root: str, suffixes: Tuple[str, ...], skipped: FrozenSet[str]
) -> List[Tuple[str, FileText]]:
    """(module name, what the index reads) of the source files below ``folder``, named as
    imported from ``import_root``; ``_TOO_MANY`` past the index's limit."""
    paths = _source_paths(folder, suffixes, skipped)
    if paths is None:
        return _TOO_MANY
    files: List[Tuple[str, FileText]] = []
    for path in paths:
        text = _file_text(path)
        if text is not None:
            files.append((module_name(path, import_root)[0], text))
    return files


# Each folder's walk, once per process: the index built from a folder and the fingerprint of
# what it was built from (:func:`_folder_fingerprint`) read the same listing.
_PATHS: Dict[Tuple[str, Tuple[str, ...], FrozenSet[str]], Optional[List[str]]] = {}


def _source_paths(
    folder: str, suffixes: Tuple[str, ...], skipped: FrozenSet[str]
) -> Optional[List[str]]:
    """The source files below ``folder`` the index reads, in a fixed order; None past the
    index's limit."""
    key = (folder, suffixes, skipped)
    if key not in _PATHS:
        _PATHS[key] = _walk(folder, suffixes, skipped)
    return _PATHS[key]


def _walk(folder: str, suffixes: Tuple[str, ...], skipped: FrozenSet[str]) -> Optional[List[str]]:
    paths: List[str] = []
    for current, dirs, names in os.walk(folder):
        dirs[:] = sorted(
            d for d in dirs if d not in skipped and not d.startswith(".") and d.isidentifier()
        )
        for file_name in sorted(names):
            if not file_name.endswith(suffixes):
                continue
            if len(paths) >= MAX_INDEXED_FILES:
                return None
            paths.append(os.path.join(current, file_name))
    return paths


def _folder_fingerprint(folder: str, suffixes: Tuple[str, ...], skipped: FrozenSet[str]) -> str:
    """What an index of ``folder`` was built from: every file's path and bytes."""
    paths = _source_paths(folder, suffixes, skipped)
    if paths is None:
        return "too many files"
    digest = hashlib.sha256()
    for path in paths:
        digest.update(f"{path}\0{file_digest(path)}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def environment_notes() -> List[Tuple[str, List[str]]]:
    """For each environment the projects of this process read installed packages from: its
    description, and the top-level packages imported but found neither in a project nor
    installed there (what they do is unknown, so uses of them are not judged)."""
    found: Dict[str, set[str]] = {}
    for project in _PROJECTS.values():
        found.setdefault(project.environment.description, set()).update(project.not_installed)
    return [(description, sorted(names)) for description, names in sorted(found.items())]


def modules_read() -> int:
    """How many module files this process has read (for any project)."""
    return len(_BY_PATH)


def forget_all() -> None:
    """Forget every module summary and project this process has learnt.

    For a caller that changes files and analyses them again in the same process (the fix
    command re-analyses its working copy after each round): without this, summaries keyed by
    (size, mtime) could survive an edit that keeps both.
    """
    flush_all()  # close this process's packs: what they hold is kept for the next analysis
    _BY_PATH.clear()
    _PROJECTS.clear()
    _SITES.clear()
    _TEXTS.clear()
    _DIGESTS.clear()
    _PATHS.clear()
    _ROOT_FILES.clear()
    _INDEXES.clear()


AMBIGUOUS = "<ambiguous>"
_STANDARD_LIBRARY: frozenset[str] = frozenset(getattr(sys, "stdlib_module_names", ()))


_NO_ENVIRONMENT = Environment("no Python environment", ())


class Project:
    """The modules importable from ``roots``, then those installed in ``environment`` (read
    the same way: with ``ast``, never imported); anything else is outside."""

    def __init__(
        self,
        roots: Tuple[str, ...],
        cache: Optional[DiskCache],
        environment: Environment = _NO_ENVIRONMENT,
        call_names: FrozenSet[str] = frozenset(),
    ) -> None:
        self.roots = roots
        self.cache = cache
        self.environment = environment
        self._located: Dict[str, Optional[Tuple[str, str]]] = {}
        self._modules: Dict[str, Optional[ModuleInfo]] = {}
        self._index: Optional[SourceIndex] = None
        self._packages: Dict[str, Optional[SourceIndex]] = {}
        # Top-level names imported but found neither in the project nor installed.
        self.not_installed: set[str] = set()
        # Everything read that a file's findings may depend on (see :mod:`resultcache`).
        self.journal = Journal()
        self._checker: Optional[ChainChecker] = None
        # The last names of the APIs whose arguments rules judge (``facts.collect``): the
        # sites of a project file read here are listed as linting it lists them.
        self.call_names = call_names

    def chain_holds(self, head: str) -> bool:
        """Whether every fact of the journal chain ``head`` (written by some earlier process
        for this project) still holds."""
        if self.cache is None:
            return False
        if self._checker is None:
            self._checker = ChainChecker(self.cache, self._current_answer)
        return self._checker.holds(head)

    def _current_answer(self, kind: str, key: str) -> Any:
        if kind == "file":
            return file_digest(key)
        if kind == "locate":
            return self.locate(key)
        if kind == "index":
            return self._index_fingerprint()
        return self._package_fingerprint(key)

    def _index_fingerprint(self) -> str:
        return hashlib.sha256("\0".join(
            _folder_fingerprint(root, (".py",), _NOT_PROJECT) for root in self.roots
        ).encode()).hexdigest()

    def _package_fingerprint(self, top: str) -> str:
        located = self.locate(top)
        if located is None or located[0] in (NAMESPACE, AMBIGUOUS):
            return f"not indexed: {located}"
        if os.path.basename(located[0]).startswith("__init__."):
            return _folder_fingerprint(os.path.dirname(located[0]), (".py", ".pyi"), frozenset())
        return f"{located[0]}\0{file_digest(located[0])}"

    @classmethod
    def get(
        cls,
        roots: Tuple[str, ...],
        cache_dir: Optional[str],
        environment: Environment = _NO_ENVIRONMENT,
        call_names: FrozenSet[str] = frozenset(),
    ) -> "Project":
        key = (roots, cache_dir, environment.site_dirs)
        project = _PROJECTS.get(key)
        if project is None:
            cache = shared(cache_dir) if cache_dir else None
            if cache is not None:
                cache.prune()
            project = _PROJECTS[key] = cls(roots, cache, environment, call_names)
        return project

    def locate(self, name: str) -> Optional[Tuple[str, str]]:
        """(path or NAMESPACE, root) of module ``name``: in the project, else installed."""
        if name in self._located:
            return self._located[name]
        found = self._locate_in_project(name)
        if found is None:
            found = self._locate_installed(name)
        self._located[name] = found
        self.journal.record("locate", name, None if found is None else list(found))
        return found

    def _locate_installed(self, name: str) -> Optional[Tuple[str, str]]:
        """An installed module, with the site folder holding it (how messages name it).

        Packages whose APIs the rules know by name (``anyio``, ``typing_extensions``...) stay
        outside: that knowledge, not their source, says what they do."""
        site_dirs = self.environment.site_dirs
        top = name.split(".", 1)[0]
        if not site_dirs or not name or top in KNOWN_BY_NAME:
            return None
        if not all(part.isidentifier() for part in name.split(".")):
            return None
        path = locate_installed(name, self.environment)
        if path is None:
            if "." not in name and top not in _STANDARD_LIBRARY:
                self.not_installed.add(top)
            return None
        if path == NAMESPACE:
            return (NAMESPACE, site_dirs[0])
        holder = max(
            (d for d in site_dirs + (BUNDLED_STUBS,) if path.startswith(d.rstrip(os.sep) + os.sep)),
            key=len, default=os.path.dirname(path),
        )
        return (path, holder)

    def _locate_in_project(self, name: str) -> Optional[Tuple[str, str]]:
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
        return found

    def _project_index(self) -> Optional[SourceIndex]:
        """The textual index of the project (built once), or None when it is too large."""
        if self._index is None:
            self._index = self._build_index()
            self.journal.record("index", "", self._index_fingerprint())
        return None if self._index is _TOO_LARGE else self._index

    def _indexes_for(self, module: str) -> Optional[List[SourceIndex]]:
        """Where subclasses of a class of ``module`` may be: the project, and, for an
        installed class, its own top-level package. None when one is too large to index."""
        project = self._project_index()
        if project is None:
            return None
        if not self.is_installed(module):
            return [project]
        package = self._package_index(module.split(".", 1)[0])
        return None if package is None else [project, package]

    def override_candidates(self, class_name: str, method: str) -> Optional[List[str]]:
        """Modules that may override ``method`` of a class named ``class_name`` (from a
        textual index of the project, built once), or None when the project is too large."""
        index = self._project_index()
        return None if index is None else index.override_candidates(class_name, method)

    def subclass_names(self, module: str, class_name: str) -> Optional[Set[str]]:
        """Names a base list must mention to derive from class ``class_name`` of ``module``
        (see :meth:`SourceIndex.subclass_names`); None when that cannot be told."""
        indexes = self._indexes_for(module)
        if indexes is None:
            return None
        return set().union(*(index.subclass_names(class_name) for index in indexes))

    def subclass_modules(self, module: str, class_name: str) -> Optional[List[str]]:
        """Modules that may define a subclass of class ``class_name`` of ``module`` (see
        :meth:`_indexes_for`); None when that cannot be told."""
        indexes = self._indexes_for(module)
        if indexes is None:
            return None
        return sorted(set().union(*(index.subclass_modules(class_name) for index in indexes)))

    def dunders_written(self) -> Optional[FrozenSet[Tuple[str, str]]]:
        """(object name, special method) pairs some project module writes outside a class
        body (``Reply.__await__ = ...``)."""
        index = self._project_index()
        return None if index is None else frozenset(index.dunder_writes)

    def attributes_written(self) -> Optional[FrozenSet[str]]:
        """Attribute names some project module writes on an object other than ``self`` /
        ``cls`` (``client.reports = ...``)."""
        index = self._project_index()
        return None if index is None else frozenset(index.attribute_writes)

    def class_attributes_written(self) -> Optional[FrozenSet[str]]:
        """Attribute names some project module writes on a receiver named like a class
        (``pyrogram.methods.Decorators.admins_only = ...``): a class patched from outside."""
        index = self._project_index()
        return None if index is None else frozenset(index.class_attribute_writes)

    def sets_computed_attributes(self, module: str) -> Optional[bool]:
        """Whether some module of installed ``module``'s own package sets attributes by
        computed names on objects (``setattr(source, name, wrapper)``): its classes' methods
        may be replaced at import time (pyrogram wraps every coroutine method so that it runs
        to completion when called from plain code).  None when that cannot be told."""
        index = self._package_index(module.split(".", 1)[0])
        return None if index is None else index.computed_setattr

    def registered_classes(self) -> Optional[FrozenSet[str]]:
        """Names of classes some project module gives virtual subclasses
        (``Resource.register(Lock)``)."""
        index = self._project_index()
        return None if index is None else frozenset(index.registered)

    def is_installed(self, name: str) -> bool:
        located = self.locate(name)
        return located is not None and (
            located[1] in self.environment.site_dirs or located[1] == BUNDLED_STUBS
        )

    def _package_index(self, top: str) -> Optional[SourceIndex]:
        if top in self._packages:
            return self._packages[top]
        located = self.locate(top)
        index: Optional[SourceIndex] = None
        if located is not None and located[0] not in (NAMESPACE, AMBIGUOUS):
            folder = os.path.dirname(located[0])
            if os.path.basename(located[0]).startswith("__init__."):
                index = self._index_folder(folder, located[1])
            else:
                index = SourceIndex()
                text = _file_text(located[0])
                if text is not None:
                    index.add(top, text)
        self._packages[top] = index
        self.journal.record("package", top, self._package_fingerprint(top))
        return index

    def _index_folder(self, folder: str, site_dir: str) -> Optional[SourceIndex]:
        files = _folder_files(folder, site_dir, (".py", ".pyi"), frozenset())
        if files is _TOO_MANY:
            return None
        index = SourceIndex()
        for name, text in files:
            index.add(name, text)
        return index

    def _build_index(self) -> SourceIndex:
        key = self.roots
        index = _INDEXES.get(key)
        if index is None:
            index = SourceIndex()
            seen = 0
            for root in self.roots:
                files = _root_files(root)
                seen += len(files)
                if files is _TOO_MANY or seen > MAX_INDEXED_FILES:
                    index = _TOO_LARGE
                    break
                for name, text in files:
                    # Every file under a root, also one ``import`` cannot reach (shadowed by a
                    # package of the same name): the index may name too many candidates,
                    # never too few.
                    index.add(name, text)
            _INDEXES[key] = index
        return index

    def has_module(self, name: str) -> bool:
        return self.locate(name) is not None

    def loaded(self, name: str) -> Optional[ModuleInfo]:
        """The module's facts if this project already has them (never reads a file)."""
        return self._modules.get(name)

    def publish(self, name: str, path: str, text: str, summary: ModuleSummary) -> None:
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
        self.cache.store(f"{path}\0{name}", digest, to_json(summary))
        _BY_PATH[(path, name)] = (stat.st_size, stat.st_mtime_ns, summary, digest)

    def take_sites(self, path: str, name: str, digest: str) -> Optional[List[Site]]:
        """The sites listed when module ``name`` was read from ``path`` with bytes of sha256
        ``digest``, if it was (forgotten once taken: a file is linted once)."""
        kept = _SITES.pop((path, name), None)
        return kept[1] if kept is not None and kept[0] == digest else None

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
            self.journal.record("file", path, None)
            return None
        key = (path, name)
        known = _BY_PATH.get(key)
        if known is not None and known[:2] == (stat.st_size, stat.st_mtime_ns):
            summary, digest = known[2], known[3]
        else:
            summary, digest = self._read(name, path, root in self.roots)
            _BY_PATH[key] = (stat.st_size, stat.st_mtime_ns, summary, digest)
        self.journal.record("file", path, digest)
        if summary is None:
            return None
        if root == BUNDLED_STUBS:
            # Named as part of this package (``flake8_asyncgen/stubs/aiofiles/base.pyi``), so
            # that a reader looks for it there and not in their site-packages.
            root = os.path.dirname(os.path.dirname(BUNDLED_STUBS))
        return ModuleInfo(name, display_path(path, root), summary)

    def _read(
        self, name: str, path: str, keep_sites: bool = False
    ) -> Tuple[Optional[ModuleSummary], Optional[str]]:
        """The module's summary (None when it cannot be parsed) and its bytes' digest (None
        when it cannot be read); ``keep_sites``: keep the sites listed on the way, for when
        this process lints the file (:meth:`take_sites`)."""
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None, None
        digest = hashlib.sha256(data).hexdigest()
        entry_key = f"{path}\0{name}"
        if self.cache is not None:
            cached = self.cache.load(entry_key, digest)
            if cached is not None:
                try:
                    restored = from_json(cached)
                    restored.source_digest = digest
                    return restored, digest
                except Exception:  # noqa: BLE001 - the cache is untrusted: any error, no entry
                    pass  # not what this version writes: read the source instead
        try:
            tree = ast.parse(data, filename=path)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None, digest
        is_package = os.path.basename(path) in ("__init__.py", "__init__.pyi")
        try:
            summary, sites = collect(tree, name, is_package, call_names=self.call_names)
        except RecursionError:
            return None, digest
        summary.source_digest = digest
        if keep_sites:
            _SITES[(path, name)] = (digest, sites)
        if self.cache is not None:
            self.cache.store(entry_key, digest, to_json(summary))
        return summary, digest


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
