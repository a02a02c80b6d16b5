"""The per-file analysis: facts and sites from ``ast``, every rule on every site, then
the libcst pass only for files with findings (to place them and build fixes).

The rules judge the sites :mod:`facts` lists (:mod:`checker`); a file where no
rule fires never loads libcst.
"""

from __future__ import annotations

import ast
import gc
import hashlib
import os
import sys
import threading
from contextlib import contextmanager
from typing import (
    Any, Callable, Dict, Iterator, List, NamedTuple, Optional, Sequence, Tuple, TypeVar, Union,
)

from .checker import FileChecker, Report, entry_sites
from .codec import to_json
from .entrypoints import CONFIG_FILES, Script, declared_scripts
from .environments import Environment, find_environment
from .evaluator import Evaluator
from .facts import collect
from .fixes import Fix
from .messages import too_large_reason
from .model import ModuleSummary
from .project import (
    ModuleInfo, Project, display_path, file_digest, find_root, module_name, modules_read,
)
from .projectroots import declared_roots, project_root
from .resultcache import (
    CachedFinding, FixOffer, decode_entry, encode_entry, entry_digest, entry_key, run_context,
)
from .rules import call_names
from .settings import Settings
from .sources import decode
from .sitetypes import Site

T = TypeVar("T")
# A file's tree, or a function that parses the file (called only when the tree is needed).
TreeOrParser = Union[ast.Module, Callable[[], ast.Module]]


def import_roots(
    filename: str, extra: Sequence[str] = (), relative: bool = False
) -> Tuple[str, ...]:
    """Where imports are looked for: the file's own root, the user's roots, the roots the
    project's configuration declares, ``src/`` beside the file's root (unless it is a
    package), the project's folder
    (the nearest with ``pyproject.toml``, ``setup.cfg``, ``setup.py`` or ``.git``), then the
    current directory and its ``src/`` (ruff's default source roots).  ``relative``: the file
    imports relatively, so it is in a package even where its folder has no ``__init__.py``
    (see :func:`find_root`)."""
    root = find_root(filename, relative)
    project = project_root(root)
    declared = declared_roots(project) if project is not None else ()
    candidates = [root, *extra, *declared, *_src_layout(root)]
    if project is not None:
        candidates.append(project)
    cwd = os.getcwd()
    if not os.path.isfile(os.path.join(cwd, "__init__.py")):
        candidates += [cwd, *_src_layout(cwd)]  # not when run from inside a package
    found: List[str] = []
    for candidate in candidates:
        if candidate not in found and os.path.isdir(candidate):
            found.append(candidate)
    return tuple(found)


def _src_layout(folder: str) -> List[str]:
    """``folder/src`` as a root of its own, unless it is a package (``src/__init__.py``): then
    ``src`` is imported as ``src.x`` and its modules do not shadow top-level names
    (``src/redis.py`` is not the ``redis`` that ``import redis`` finds)."""
    src = os.path.join(folder, "src")
    return [] if os.path.isfile(os.path.join(src, "__init__.py")) else [src]


_ENVIRONMENTS: Dict[Tuple[Optional[str], Optional[str]], Environment] = {}


def environment_for(root: str, settings: Settings) -> Environment:
    """The Python environment whose installed packages the file's imports reach (found once
    per project folder and ``--agn-python``; see :mod:`environments`)."""
    project = project_root(root)
    python = settings.python
    key = (python, project)
    found = _ENVIRONMENTS.get(key)
    if found is None:
        found = _ENVIRONMENTS[key] = find_environment(
            python, project or root, os.environ, sys.path
        )
    return found


class Finding(NamedTuple):
    """One finding: 1-based line, 0-based column (characters), code, flake8-style message
    (``"AGNnnn text"``) and the fix a rule offers, if any (only what it offers, a
    :class:`FixOffer`, when the finding was read back from the cache)."""

    line: int
    col: int
    code: str
    message: str
    fix: Optional[Union[Fix, FixOffer]]


class Result(NamedTuple):
    findings: List[Finding]
    module: Any  # the libcst Module when the libcst pass ran, else None


class FileTooLarge(Exception):
    """A file above ``--agn-max-file-size`` that has findings: libcst is not run on it."""


# The analysis allocates many small objects (``ast`` nodes of the modules it reads, facts) that
# reference counting frees or the run keeps; with CPython's default threshold (a young
# collection every 700 allocations, and full ones as the heap grows) the cyclic collector spent
# about a quarter of a cold run walking them (measured on the benchmark corpus: command, one
# process, 5.3 s -> 4.0 s CPU with 100,000). No cycle is lost: collections still run, less often.
_ALLOCATIONS_PER_COLLECTION = 100_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with young garbage collections 100 times rarer; the process's own
    setting (flake8's, or whatever the host set) is restored afterwards."""
    threshold = gc.get_threshold()
    if threshold[0] == 0 or threshold[0] >= _ALLOCATIONS_PER_COLLECTION:
        yield  # collection off (threshold 0), or already as rare: the host's choice
        return
    gc.set_threshold(_ALLOCATIONS_PER_COLLECTION, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


class CollectorRelief:
    """When a host process's cyclic collections should stop walking what the analysis keeps.

    Inside flake8 the analysis keeps module summaries and memos for the whole run (hundreds of
    thousands of small objects), and flake8's own churn keeps triggering full collections,
    each walking all of them: measured on the benchmark corpus (one process), collections
    took 2.3 s with the plugin against 0.4 s without. Moving the kept objects to the
    collector's permanent generation (``gc.freeze``) after a full collection ends that: only
    objects alive at that moment are moved, and what is alive between two files is the
    analysis's state plus the host's (measured: 29 objects of cyclic garbage left over after
    a whole run). Done whenever the work (modules read plus files analysed) has grown by a
    tenth since the last time: a few dozen times in a run, each collection short because
    everything older is frozen already.
    """

    FIRST = 16
    GROWTH = 1.1

    def __init__(self) -> None:
        self.files = 0
        self.due_at = self.FIRST

    def after_file(self, modules_read: int) -> bool:
        """Count one analysed file; whether it is time to freeze."""
        self.files += 1
        work = modules_read + self.files
        if work < self.due_at:
            return False
        self.due_at = int(work * self.GROWTH) + 1
        return True


_RELIEF = CollectorRelief()


def keep_out_of_collections() -> None:
    """After each file the plugin analysed: from time to time, collect and then freeze what
    is alive (see :class:`CollectorRelief`); nothing when the host turned collection off."""
    if _RELIEF.after_file(modules_read()) and gc.isenabled():
        gc.collect()
        gc.freeze()


def analyse(
    tree: TreeOrParser,
    lines: Sequence[str],
    filename: str,
    settings: Settings = Settings(),
    force_cst: bool = False,
    look_up: bool = True,
) -> Result:
    """All findings for one file, sorted by position; raises on internal failure.

    ``tree``: the file's tree, or a function that parses it (called only when the tree is
    needed: not when this process read the file earlier for another file's sake, which
    listed its sites then).

    Findings cached by an earlier run are used when everything they were made from holds
    (:func:`cached_result`; not when ``look_up`` is false: the caller has looked already).
    ``force_cst`` runs the libcst pass even when no rule fired, and checks that every site
    names a libcst expression (the differential test uses it); it never uses the cache.
    """
    text_digest = _text_digest(lines)  # the cache's key, and how this text is told apart
    with fewer_collections():
        if look_up and not force_cst:
            try:
                cached = _cached_result(filename, settings, text_digest, lines)
            except Exception:  # noqa: BLE001 - a cache that cannot be read is a miss
                cached = None
            if cached is not None:
                return cached
        try:
            return _analyse(tree, lines, filename, settings, force_cst, False, text_digest)
        except RecursionError:
            # Deeply nested code: once more with a large stack and recursion limit.
            return with_large_stack(
                _analyse, tree, lines, filename, settings, force_cst, True, text_digest
            )


def _project(filename: str, settings: Settings, lines: Sequence[str]) -> Project:
    all_roots = import_roots(filename, settings.roots, has_relative_import(lines))
    environment = environment_for(all_roots[0], settings)
    return Project.get(all_roots, settings.cache_dir, environment, _CALL_NAMES)


_CALL_NAMES = call_names()


def has_relative_import(lines: Sequence[str]) -> bool:
    """Whether some line starts a relative import (``from . import x``, ``from ..core import
    y``): a cheap test on the text, made before (or without) parsing it."""
    return any(line.lstrip().startswith("from .") for line in lines)


def _text_digest(lines: Sequence[str]) -> str:
    return hashlib.sha256("".join(lines).encode("utf-8", "surrogatepass")).hexdigest()


def _entry_digest(project: Project, settings: Settings, text_digest: str) -> str:
    context = run_context(project.roots, project.environment.site_dirs, repr(settings))
    return entry_digest(text_digest, context)


def cached_result(lines: Sequence[str], filename: str, settings: Settings) -> Optional[Result]:
    """The findings an earlier run stored for this text of the file, if everything they were
    made from still holds (see :mod:`resultcache`); else None. Never parses the file."""
    return _cached_result(filename, settings, _text_digest(lines), lines)


def _cached_result(
    filename: str, settings: Settings, text_digest: str, lines: Sequence[str]
) -> Optional[Result]:
    if settings.cache_dir is None:
        return None
    project = _project(filename, settings, lines)
    if project.cache is None:
        return None
    digest = _entry_digest(project, settings, text_digest)
    body = project.cache.load(entry_key(filename), digest)
    entry = decode_entry(body) if body is not None else None
    if entry is None or not project.chain_holds(entry.head):
        return None
    project.not_installed.update(entry.not_installed)
    return Result([Finding(*finding) for finding in entry.findings], None)


def _store_result(
    project: Project, filename: str, settings: Settings, text_digest: str, result: Result
) -> None:
    if project.cache is None:
        return
    findings = [
        CachedFinding(f.line, f.col, f.code, f.message,
                      None if f.fix is None else FixOffer(f.fix.safe, f.fix.description))
        for f in result.findings
    ]
    head = project.journal.head(project.cache)
    body = encode_entry(head, findings, sorted(project.not_installed))
    project.cache.store(entry_key(filename), _entry_digest(project, settings, text_digest), body)


def _disk_digest(filename: str, lines: Sequence[str], text_digest: str) -> str:
    """The digest of the file's bytes when the text being linted is what reading the file
    gives (decoded as flake8 decodes it: coding cookie, BOM, any line ending read as a
    newline), else a marker no digest equals: the facts of this text are not those of the
    file on disk."""
    on_disk = file_digest(filename)
    if on_disk is None or on_disk == text_digest:
        return on_disk or "unreadable"
    try:
        with open(filename, "rb") as handle:
            data = handle.read()
    except OSError:
        return "unreadable"
    if hashlib.sha256(data).hexdigest() == on_disk and decode(data).lines == list(lines):
        return on_disk
    return "not the text on disk"


def _module_info(
    tree: TreeOrParser,
    lines: Sequence[str],
    filename: str,
    settings: Settings,
    text_digest: str,
) -> Tuple[Project, ModuleInfo, List[Site]]:
    """This file's facts and sites, registered with its project."""
    project = _project(filename, settings, lines)
    root = project.roots[0]
    # Facts worked out for this file are used again for the files after it in this process.
    on_disk = _disk_digest(filename, lines, text_digest)
    project.journal.record("file", filename, on_disk)
    name, is_package = module_name(filename, root)
    located = project.locate(name)
    located_name = name
    known = project.loaded(name)
    # This file's path as ``import name`` finds it; None when the import finds another file.
    own_path = located[0] if located is not None and (
        os.path.abspath(located[0]) == os.path.abspath(filename)
    ) else None
    if own_path is not None and known is not None and known.summary.source_digest == on_disk:
        # Read from disk for another file earlier in this process, from the very bytes being
        # linted: its facts are these, and the sites listed then are this file's sites.
        kept = project.take_sites(own_path, name, on_disk)
        if kept is not None:
            return project, known, kept
    if not isinstance(tree, ast.Module):
        tree = tree()
    summary, sites = collect(tree, name, is_package, project.call_names)
    if located is not None and own_path is None:
        # Not what ``import name`` finds (``pkg/feeds.py`` beside ``pkg/feeds/``): keep this
        # file's facts apart from the module that owns the name.
        name = f"{name} <{filename}>"
    elif known is not None and not _same_source(known.summary, summary, text_digest):
        # Already read from disk for another file, and the text flake8 gave differs (stdin,
        # a file edited during the run): other modules' facts refer to the disk version.
        name = f"{name} <as linted>"
    info = ModuleInfo(name, display_path(filename, root), summary)
    if known is not None and info.name == known.name:
        info = known  # the same facts: share what was already worked out about them
        known.summary.awaited_only = summary.awaited_only  # (not kept in the cache)
    else:
        project.register(info)
        if located is not None and info.name == located_name:
            project.publish(info.name, filename, "".join(lines), summary)
    return project, info, sites


def _same_source(known: ModuleSummary, summary: ModuleSummary, text_digest: str) -> bool:
    """Whether the text being linted (of digest ``text_digest``) is the one ``known`` was made
    from (cheaply, by digest, when ``known`` was read from a file; else by comparing the
    facts)."""
    if known.source_digest is not None and text_digest == known.source_digest:
        return True
    return to_json(known) == to_json(summary)


def _scripts_of(project: Project, filename: str, module: str) -> Dict[str, Script]:
    """The module's functions its project declares as commands; the configuration files read
    go into the journal, so a cached result holds only while they do."""
    folder = project_root(os.path.dirname(os.path.abspath(filename)))
    if folder is None:
        return {}
    digests = _CONFIG_DIGESTS.get(folder)
    if digests is None:
        paths = [os.path.join(folder, config) for config in CONFIG_FILES]
        digests = _CONFIG_DIGESTS[folder] = [(path, file_digest(path)) for path in paths]
    for path, digest in digests:
        project.journal.record("file", path, digest)
    return declared_scripts(folder).get(module, {})


# The digests of each project folder's configuration files, read once per process (as the
# scripts they declare are).
_CONFIG_DIGESTS: Dict[str, List[Tuple[str, Optional[str]]]] = {}


def _analyse(
    tree: TreeOrParser,
    lines: Sequence[str],
    filename: str,
    settings: Settings,
    force_cst: bool,
    deep: bool,
    text_digest: str,
) -> Result:
    project, info, sites = _module_info(tree, lines, filename, settings, text_digest)
    evaluator = Evaluator(project, settings.transparent_decorators, info.patched, info.name)
    scripts = _scripts_of(project, filename, info.name)
    checker = FileChecker(evaluator, info, scripts=scripts)
    reports = checker.run([*sites, *entry_sites(info, lines, scripts)] if scripts else sites)
    # What was worked out about the linted file's own expressions is rarely asked again (other
    # files ask about its module-level names, recomputed cheaply): dropping it keeps a long
    # run's memory near the size of the modules' facts (measured: -3 MiB peak on the
    # benchmark corpus, CPU within noise).
    info.draft_memo.clear()
    if not reports and not force_cst:
        result = Result([], None)
    else:
        size = len("".join(lines).encode("utf-8", "surrogatepass"))  # bytes, as the option says
        if settings.max_file_bytes and size > settings.max_file_bytes:
            raise FileTooLarge(too_large_reason(size, settings.max_file_bytes))
        # libcst's native parser recurses on nesting and can overflow the C stack (a crash no
        # ``except`` can catch) on code ``ast`` accepts: its pass always runs on a large stack.
        if deep:
            result = _cst_pass(lines, reports, sites if force_cst else ())
        else:
            result = with_large_stack(_cst_pass, lines, reports, sites if force_cst else ())
    if not force_cst:
        _store_result(project, filename, settings, text_digest, result)
    return result


class SitesNotPlaced(Exception):
    """Some site names no libcst expression: the two trees disagree (a bug)."""


def _cst_pass(lines: Sequence[str], reports: Sequence[Report], sites: Sequence[Site]) -> Result:
    from .cst_pass import CstFile, place

    tree = CstFile("".join(lines))
    missing = tree.unplaced(lines, sites)
    if missing:
        raise SitesNotPlaced(", ".join(f"{s.context}@{s.span.line}:{s.span.col}" for s in missing))
    findings = [Finding(*placed) for placed in place(tree, lines, reports)]
    return Result(findings, tree.module)


_LARGE_STACK = 1024 * 1024 * 1024  # address space only: pages are used as the stack grows
_LARGE_RECURSION_LIMIT = 200_000


def with_large_stack(function: Callable[..., T], *args: Any) -> T:
    """Run ``function(*args)`` in a thread with a large stack and recursion limit."""
    outcome: Dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = function(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller below
            outcome["error"] = exc

    previous_limit = sys.getrecursionlimit()
    previous_size = threading.stack_size()
    sys.setrecursionlimit(max(previous_limit, _LARGE_RECURSION_LIMIT))
    try:
        for size in (_LARGE_STACK, _LARGE_STACK // 16):
            threading.stack_size(size)
            try:
                worker = threading.Thread(target=target, name="flake8-asyncgen")
                worker.start()  # the stack size applies when the thread starts
                break
            except RuntimeError:
                continue  # no room for such a stack (a memory limit): try a smaller one
            finally:
                threading.stack_size(previous_size)
        else:
            sys.setrecursionlimit(previous_limit)
            return function(*args)  # run here, with the ordinary stack
        worker.join()
    finally:
        sys.setrecursionlimit(previous_limit)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]
