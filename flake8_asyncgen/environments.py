"""Where the installed packages of the user's Python environment are, and which file a module
name maps to there.

The engine reads installed third-party packages (with ``ast``, never importing them) to learn
the async APIs of SDKs. Which packages those are depends on the environment the user's code
runs in, not on the one running this plugin (flake8 is often installed with pipx, or in a tool
environment of its own). The environment is found in this order (the first that applies wins):

1. ``--agn-python``: an interpreter (``.../bin/python``, ``...\\Scripts\\python.exe``) or an
   environment folder, given by the user;
2. the ``VIRTUAL_ENV`` variable, set by an activated virtual environment (ignored when the folder
   it names no longer exists);
3. a ``.venv`` or else a ``venv`` folder holding ``pyvenv.cfg`` in the project's top folder, as
   uv, poetry (``in-project``), pdm and editors create them;
4. the interpreter running the check: its ``sys.path`` entries named ``site-packages`` or
   ``dist-packages`` (never the project or the standard library).

If none applies, the environment has no site folders, and nothing installed is known.

**No interpreter is ever executed**, not even to ask where its packages are: site folders are
derived from the layout on disk (``<env>/lib/python3.X/site-packages``, also ``lib64``, and
``<env>/Lib/site-packages`` on Windows) and from ``pyvenv.cfg``. Running a binary that a project
(or a cloned repository) points at would be running untrusted code. ``.pth`` files are read as
text: their path lines count, their ``import`` lines are code and are ignored.

Module files are then chosen as a type checker chooses them (PEP 561, pyright's order): a
stub-only ``<top>-stubs`` package first, then the package itself; ``.pyi`` before ``.py``; a
folder without ``__init__`` is a namespace package portion; a compiled module without a stub is
unknown.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from typing import Dict, FrozenSet, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple

# What ``locate_installed`` returns for a namespace package (a folder without ``__init__``):
# the same marker the project resolver uses for the project's own namespace packages.
NAMESPACE = "<namespace>"

Version = Tuple[int, int]  # (major, minor)

_SITE_FOLDERS = ("site-packages", "dist-packages")
_BIN_FOLDERS = ("bin", "scripts")  # compared in lower case: ``Scripts`` on Windows
_VERSIONED_LIB = re.compile(r"^python(\d+)\.(\d+)t?$")  # python3.11, python3.13t (free-threaded)
_INTERPRETER_NAME = re.compile(r"^(?:python|pypy)(?:\d+(?:\.\d+)?)?t?w?(?:\.exe)?$", re.IGNORECASE)
_VERSION_IN_NAME = re.compile(r"^(?:python|pypy)(\d+)\.(\d+)t?(?:\.exe)?$", re.IGNORECASE)
_CONFIG_VERSION = re.compile(r"^\s*(\d+)\.(\d+)")
_MAX_TEXT_BYTES = 1_000_000  # pyvenv.cfg and .pth files are a few lines; refuse anything huge
_COMPILED_SUFFIXES = (".so", ".pyd", ".pyc")
# Stubs shipped with this package for async libraries that carry no type information and whose
# classes are built at import time (see stubs/README.md): a fallback, as typeshed's are for a
# type checker, after a ``<top>-stubs`` package and a package's own inline types.
BUNDLED_STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


class Environment(NamedTuple):
    """A Python environment as far as imports of installed packages are concerned."""

    description: str  # how a note names it: "the virtual environment /x/.venv (VIRTUAL_ENV)"
    # Absolute real paths in import order: each site-packages (or dist-packages) folder followed
    # by the existing folders its .pth files add, as Python's ``site`` module orders them.
    site_dirs: Tuple[str, ...]


# --- finding the environment -----------------------------------------------------------------


def find_environment(
    python: Optional[str],
    project_root: Optional[str],
    environ: Mapping[str, str],
    running_path: Sequence[str],
) -> Environment:
    """The environment whose installed packages the user's code imports (see the module's
    docstring for the order). ``python`` is the ``--agn-python`` value, ``environ`` the process
    environment and ``running_path`` the running interpreter's ``sys.path``: passed in, so
    that nothing here depends on the process it runs in."""
    if python:
        return _environment_at(os.path.abspath(python), "--agn-python")
    active = environ.get("VIRTUAL_ENV", "")
    if active and os.path.isdir(active):
        return _environment_of_folder(os.path.abspath(active), "VIRTUAL_ENV")
    if project_root:
        for name in (".venv", "venv"):
            folder = os.path.join(os.path.abspath(project_root), name)
            if os.path.isfile(os.path.join(folder, "pyvenv.cfg")):
                return _environment_of_folder(folder, "found in the project")
    site_folders = [
        entry for entry in running_path
        if entry and os.path.basename(os.path.normpath(entry)) in _SITE_FOLDERS
    ]
    if site_folders:
        return Environment(
            "the environment of the interpreter running flake8-asyncgen",
            _with_pth_folders(site_folders),
        )
    return Environment("no Python environment", ())


def is_interpreter_file(path: str) -> bool:
    """Whether ``path`` is a file named as Python interpreters are (``python``, ``python3.11``,
    ``python.exe``, ``pypy3``...). Only the name is checked: the file is never run."""
    return os.path.isfile(path) and bool(_INTERPRETER_NAME.match(os.path.basename(path)))


def is_environment_dir(path: str) -> bool:
    """Whether ``path`` is a folder laid out as a Python environment: a virtual environment
    (``pyvenv.cfg``), or an installation with ``lib/python3.*`` or ``Lib/site-packages``."""
    if not os.path.isdir(path):
        return False
    if os.path.isfile(os.path.join(path, "pyvenv.cfg")):
        return True
    if os.path.isdir(os.path.join(path, "Lib", "site-packages")):
        return True
    return bool(_versioned_lib_folders(os.path.join(path, "lib")))


def _environment_at(path: str, source: str) -> Environment:
    """The environment of an interpreter file or of an environment folder."""
    if os.path.isdir(path):
        return _environment_of_folder(path, source)
    folder = os.path.dirname(path)
    # PEP 405: pyvenv.cfg sits beside the interpreter or one folder above it.
    for candidate in (folder, os.path.dirname(folder)):
        if os.path.isfile(os.path.join(candidate, "pyvenv.cfg")):
            return _virtual_environment(candidate, source)
    wanted = _version_in_name(path)
    prefixes = [_prefix_of_bin_folder(folder)]
    real = os.path.realpath(path)
    if real != path:
        # A link such as /usr/bin/python3 -> python3.11 names the version; a Homebrew link
        # leads to the installation that holds the packages when its own prefix holds none.
        wanted = wanted or _version_in_name(real)
        prefixes.append(_prefix_of_bin_folder(os.path.dirname(real)))
    for prefix in prefixes:
        folders = _installation_site_folders(prefix, [wanted] if wanted else [])
        if folders:
            return Environment(f"the Python installation {prefix} ({source})",
                               _with_pth_folders(folders))
    return Environment(f"the Python installation {prefixes[0]} ({source})", ())


def _environment_of_folder(folder: str, source: str) -> Environment:
    if os.path.isfile(os.path.join(folder, "pyvenv.cfg")):
        return _virtual_environment(folder, source)
    folders = _installation_site_folders(folder, [])
    return Environment(f"the Python installation {folder} ({source})", _with_pth_folders(folders))


def _virtual_environment(folder: str, source: str) -> Environment:
    """A PEP 405 virtual environment, plus its base installation's site folder when
    ``include-system-site-packages = true`` (Python appends it after the environment's own)."""
    config = _read_config(os.path.join(folder, "pyvenv.cfg"))
    declared = _config_version(config)
    running = (sys.version_info.major, sys.version_info.minor)
    preferred = [declared, running] if declared else [running]
    folders = _installation_site_folders(folder, preferred)
    home = config.get("home", "")
    if config.get("include-system-site-packages", "").lower() == "true" and home:
        folders += _installation_site_folders(_prefix_of_bin_folder(home), preferred)
    return Environment(f"the virtual environment {folder} ({source})", _with_pth_folders(folders))


def _prefix_of_bin_folder(folder: str) -> str:
    """The installation an interpreter folder belongs to: the parent of ``bin`` / ``Scripts``,
    or the folder itself (a Windows installation keeps ``python.exe`` at its top)."""
    folder = os.path.normpath(folder)
    if os.path.basename(folder).lower() in _BIN_FOLDERS:
        return os.path.dirname(folder)
    return folder


def _version_in_name(path: str) -> Optional[Version]:
    match = _VERSION_IN_NAME.match(os.path.basename(path))
    return (int(match.group(1)), int(match.group(2))) if match else None


def _config_version(config: Mapping[str, str]) -> Optional[Version]:
    """The Python version pyvenv.cfg records: ``version`` (venv) or ``version_info``
    (virtualenv, uv)."""
    for key in ("version", "version_info"):
        match = _CONFIG_VERSION.match(config.get(key, ""))
        if match:
            return int(match.group(1)), int(match.group(2))
    return None


def _read_config(path: str) -> Dict[str, str]:
    """``key = value`` lines, as Python's ``site`` module reads pyvenv.cfg (keys in lower case)."""
    values: Dict[str, str] = {}
    for line in _read_text(path).splitlines():
        key, equals, value = line.partition("=")
        if equals:
            values[key.strip().lower()] = value.strip()
    return values


def _read_text(path: str) -> str:
    """A small text file's content, or "" if it cannot be read (or is not small text).

    Opened without blocking and read only if it is a regular file: a checked-out project
    decides what its ``.venv`` holds, and a FIFO named ``pyvenv.cfg`` must not hang the run.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return ""
    try:
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return ""
            data = handle.read(_MAX_TEXT_BYTES + 1)
    except OSError:
        return ""
    if len(data) > _MAX_TEXT_BYTES:
        return ""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ""


def _versioned_lib_folders(lib: str) -> Dict[Version, str]:
    """``lib/python3.X`` folders by version."""
    try:
        names = os.listdir(lib)
    except OSError:
        return {}
    found: Dict[Version, str] = {}
    for name in sorted(names):  # python3.13 before python3.13t: the default build wins
        match = _VERSIONED_LIB.match(name)
        if match:
            found.setdefault((int(match.group(1)), int(match.group(2))), os.path.join(lib, name))
    return found


def _installation_site_folders(prefix: str, preferred: Sequence[Version]) -> List[str]:
    """The existing site folders of the installation (or virtual environment) at ``prefix``,
    derived from its layout. Of several ``python3.X`` folders, the first version of
    ``preferred`` that has one wins, else the highest version."""
    by_version: Dict[Version, List[str]] = {}
    for lib in ("lib", "lib64"):
        for version, folder in _versioned_lib_folders(os.path.join(prefix, lib)).items():
            sites = [os.path.join(folder, site) for site in _SITE_FOLDERS]
            by_version.setdefault(version, []).extend(s for s in sites if os.path.isdir(s))
    usable = {version: sites for version, sites in by_version.items() if sites}
    chosen = next((v for v in preferred if v in usable), max(usable, default=None))
    folders = list(usable[chosen]) if chosen else []
    # Debian's version-independent folder, and the Windows layout.
    for extra in (os.path.join(prefix, "lib", "python3", "dist-packages"),
                  os.path.join(prefix, "Lib", "site-packages")):
        if os.path.isdir(extra):
            folders.append(extra)
    return folders


def _with_pth_folders(site_folders: Iterable[str]) -> Tuple[str, ...]:
    """Real paths, without repeats, each site folder followed by the folders its ``.pth`` files
    add (in file-name order, as Python's ``site.addsitedir`` does)."""
    ordered: List[str] = []

    def add(folder: str) -> None:
        if folder not in ordered:
            ordered.append(folder)

    for site_folder in site_folders:
        real = os.path.realpath(site_folder)
        if not os.path.isdir(real):
            continue
        add(real)
        for folder in _pth_folders(real):
            add(folder)
    return tuple(ordered)


def _pth_folders(site_folder: str) -> List[str]:
    """The existing folders named by the path lines of ``site_folder``'s ``.pth`` files.

    Lines starting with ``import`` (followed by a space or a tab) are code Python runs at
    start-up: never run here, and they name no folder. Relative lines are relative to the site
    folder.
    """
    folders = []
    listing = _listing(site_folder)
    for file_name in sorted(listing.files):
        if not file_name.endswith(".pth") or file_name.startswith("."):
            continue
        for line in _read_text(os.path.join(site_folder, file_name)).splitlines():
            if line.startswith("#") or not line.strip():
                continue
            if line.startswith(("import ", "import\t")):
                continue
            folder = os.path.realpath(os.path.join(site_folder, line.rstrip()))
            if os.path.isdir(folder):
                folders.append(folder)
    return folders


# --- locating a module -----------------------------------------------------------------------


class _Listing(NamedTuple):
    """What one folder holds, read once per process (a lookup then costs no system call)."""

    files: FrozenSet[str]
    dirs: FrozenSet[str]
    links: FrozenSet[str]  # the entries that are symbolic links (their real path differs)
    # Modules present without source: extension modules (``m.so``, ``m.abi3.so``,
    # ``m.cpython-311-x86_64-linux-gnu.so``, ``m.cp311-win_amd64.pyd``) and ``m.pyc``.
    compiled: FrozenSet[str]


_LISTINGS: Dict[str, _Listing] = {}
_EMPTY = _Listing(frozenset(), frozenset(), frozenset(), frozenset())


def forget() -> None:
    """Forget every folder listing this process has read, for a caller that changes installed
    packages (or test fixtures) and looks again in the same process."""
    _LISTINGS.clear()


def _listing(folder: str) -> _Listing:
    known = _LISTINGS.get(folder)
    if known is not None:
        return known
    files: List[str] = []
    dirs: List[str] = []
    links: List[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    if entry.is_dir():
                        dirs.append(entry.name)
                    elif entry.is_file():
                        files.append(entry.name)
                    else:
                        continue  # broken links, sockets, FIFOs
                    if entry.is_symlink():
                        links.append(entry.name)
                except OSError:
                    continue
        listing = _Listing(frozenset(files), frozenset(dirs), frozenset(links),
                           frozenset(_compiled_stem(name) for name in files
                                     if name.endswith(_COMPILED_SUFFIXES)))
    except OSError:
        listing = _EMPTY
    _LISTINGS[folder] = listing
    return listing


# What a name part is, when it exists but has no source or stub to read: a compiled module
# (or a package whose __init__ is compiled). It shadows later site folders, as in Python.
_OPAQUE = "<opaque>"


class _Found(NamedTuple):
    """One name part found: its file (a real path, NAMESPACE or _OPAQUE) and the folders its
    submodules are looked for in (none for a plain module)."""

    file: str
    submodule_dirs: Tuple[str, ...]


def locate_installed(name: str, environment: Environment) -> Optional[str]:
    """The real path of the file ``import name`` gives type information from in
    ``environment``, NAMESPACE for a namespace package, or None when it is not installed or
    has no readable source (a compiled module without a stub).

    A ``<top>-stubs`` package (PEP 561) in any site folder wins over the package itself; when
    it has no stub for ``name`` (partial stubs), the package is read instead. With no such
    package, a stub bundled with flake8-asyncgen (BUNDLED_STUBS) comes next, unless the package
    has inline types (``py.typed``); it is used even when the package is not installed.
    """
    parts = name.split(".")
    if not all(part.isidentifier() for part in parts):
        return None
    stubbed = _resolve(parts, parts[0] + "-stubs", environment.site_dirs)
    if stubbed is not None and stubbed not in (NAMESPACE, _OPAQUE):
        return stubbed
    found = _resolve(parts, parts[0], environment.site_dirs)
    if stubbed is None:
        bundled = _resolve(parts, parts[0], (BUNDLED_STUBS,))
        if bundled not in (None, NAMESPACE, _OPAQUE) and not _declares_types(
            parts[0], environment.site_dirs
        ):
            return bundled
    if found == _OPAQUE:
        return None
    if found is not None:
        return found
    return NAMESPACE if stubbed == NAMESPACE else None


def _declares_types(top: str, site_dirs: Tuple[str, ...]) -> bool:
    """The installed package ``top`` carries inline types (``py.typed``, PEP 561): its own
    annotations win over a stub bundled with this package."""
    found = _find_part(top, site_dirs)
    if found is None or found.file in (NAMESPACE, _OPAQUE):
        return False
    folder = os.path.dirname(found.file)
    return bool(found.submodule_dirs) and "py.typed" in _listing(folder).files


def _resolve(parts: Sequence[str], top_folder: str, site_dirs: Tuple[str, ...]) -> Optional[str]:
    """The file (or NAMESPACE, _OPAQUE) of the module ``parts`` whose top-level package folder
    is named ``top_folder``, or None if there is none."""
    search = site_dirs
    for index, part in enumerate(parts):
        found = _find_part(top_folder if index == 0 else part, search)
        if found is None:
            return None
        if index == len(parts) - 1:
            return found.file
        search = found.submodule_dirs  # none for a plain module: it has no submodules
    return None


def _find_part(entry: str, search: Tuple[str, ...]) -> Optional[_Found]:
    """``entry`` in the first of ``search`` that has it as a package or module, as Python's
    path finder looks: namespace portions count only when no folder has a regular one, and
    then all of them together are the package."""
    portions: List[str] = []
    for folder in search:
        found = _find_in_folder(entry, folder)
        if found is None:
            continue
        if found.file == NAMESPACE:
            portions.extend(found.submodule_dirs)
            continue
        return found
    return _Found(NAMESPACE, tuple(portions)) if portions else None


def _find_in_folder(entry: str, folder: str) -> Optional[_Found]:
    """``entry`` in one folder: a package with ``__init__`` beats a module file, which beats a
    namespace portion (Python's order); ``.pyi`` beats ``.py`` (a type checker's order)."""
    listing = _listing(folder)
    portion: Optional[str] = None
    if entry in listing.dirs:
        package = _real(folder, entry, listing)
        inside = _listing(package)
        for init in ("__init__.pyi", "__init__.py"):
            if init in inside.files:
                return _Found(_real(package, init, inside), (package,))
        if "__init__" in inside.compiled:
            return _Found(_OPAQUE, (package,))
        portion = package
    for module in (entry + ".pyi", entry + ".py"):
        if module in listing.files:
            return _Found(_real(folder, module, listing), ())
    if entry in listing.compiled:
        return _Found(_OPAQUE, ())
    return _Found(NAMESPACE, (portion,)) if portion is not None else None


def _compiled_stem(file_name: str) -> str:
    """The module name of a compiled file: what precedes the first dot (module names have
    none; the rest is a platform tag and the suffix)."""
    return file_name.split(".", 1)[0]


def _real(folder: str, name: str, listing: _Listing) -> str:
    """``folder/name`` as a real path (``folder`` is already one: only links need resolving)."""
    path = os.path.join(folder, name)
    return os.path.realpath(path) if name in listing.links else path
