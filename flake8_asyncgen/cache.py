"""On-disk cache of module summaries, shared by flake8's worker processes and later runs.

**The cache is untrusted input.**  Anyone who can write the cache folder (a restored CI
cache, a shared checkout, a hostile pull request's artefacts) controls what it holds, so:

- An entry is read only if it is a regular file: it is opened without following symbolic
  links (``O_NOFOLLOW``) and without blocking (``O_NONBLOCK``: a FIFO planted at an entry's
  path cannot hang the run), then checked with ``fstat``.  At most :data:`MAX_ENTRY_BYTES`
  + 1 bytes are read; a larger entry is absent.  JSON nested deeper than
  :data:`MAX_JSON_DEPTH` is refused before ``json.loads`` sees it, and anything that is not a
  JSON object is absent.
- An entry is used only if its header matches exactly: the cache format, tool version, summary
  schema, a fingerprint of the plugin's own code, the caller's key (path and module name),
  the sha256 of the module file's *bytes* (not its mtime: a fresh checkout of the same code
  hits, which is what makes a CI cache useful), and the sha256 of the body.  That checksum
  detects damage, **not forgery**: someone who can write the folder can write a well-formed
  entry that lies.  The caller validates the summary's shape (``project.restore``, or the
  engine's summary codec) and treats any error as a missing entry; a well-shaped lie (a
  decorator dropped, two sibling scopes swapped) can still change findings.  Hence the
  decision: the fix command (``flake8-asyncgen --fix``) does not trust the cache; it runs with
  the cache off and re-derives every fact from the source files, so a forged entry can change
  a report, never an edit.
- The folder is never followed out of the project: if the cache folder itself or its
  ``.gitignore`` is a symbolic link, or the folder is not a directory, the cache is disabled
  for the run (one log line per process).  Only the folder's last component is checked: the
  parents of an explicit ``--agn-cache-dir`` are the user's choice.  ``.gitignore`` (``*``)
  is written only into a folder this tool has just created itself, never into an existing one.
- Entries are written to a new temporary file in the folder (``O_EXCL``, no symlinks
  followed), flushed and fsynced, then renamed over the entry with ``os.replace``: a reader
  never sees half an entry, and a crash leaves either the old entry or the new one.  Where the
  platform allows, every operation is relative to one descriptor of the folder opened with
  ``O_NOFOLLOW``, so swapping the folder for a symlink mid-run changes nothing.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import secrets
import stat
import time
from itertools import accumulate
from typing import Any, Dict, List, Optional, Set

from . import __version__
from .facts import SCHEMA_VERSION

LOG = logging.getLogger("flake8.asyncgen")

# Bumped whenever the entry layout or key changes, so older entries are ignored (2: keyed on
# the file's content hash instead of its size and mtime).
CACHE_FORMAT = 2
# The largest entry read or written.  A summary is about 0.5-2.5 times the size of its module's
# source (the largest of 4,000 real modules: 0.5 MB), so this covers modules of several
# megabytes; a larger module is simply re-read with ``ast`` each time (correct, only slower).
# It also bounds the work a forged entry can cause (about a second, once per process).
MAX_ENTRY_BYTES = 8 * 1024 * 1024
# The deepest JSON nesting accepted.  Real summaries nest a few levels plus one or two per link
# of an attribute/call chain (41 is the deepest seen in 4,000 real modules).
MAX_JSON_DEPTH = 200
_MAX_HEADER_BYTES = 64 * 1024  # the key holds a path
# fsync each entry before renaming it into place?  No: the checksum already turns an entry torn
# by a power cut into a miss (and a miss is only a re-parse), so fsync would buy durability the
# cache does not need, at one journal commit per entry written (measured: 6.7 ms instead of 1 ms
# per entry on ext4, about +0.3x on a cold run of the benchmark).  Files the fix command writes
# are the user's and are fsynced.
FSYNC_ENTRIES = False
_READ_CHUNK = 1024 * 1024
# Entries whose key starts with this expire: the chunks of the journals that cached findings
# depend on (:mod:`resultcache`).  They are named by their content, so runs that read the same
# things share them, but runs that differ add new ones; unused ones would pile up.  Once a day
# at most (a marker file's age says when), expiring entries older than two weeks are deleted,
# with temporary files a crashed writer left.  A chunk still in use is simply written again by
# the next run that needs it (its findings are a miss once).
EXPIRING_KEY_PREFIX = "journal chunk\0"
_EXPIRING_NAME = "expiring-"
EXPIRE_AFTER_SECONDS = 14 * 24 * 3600
_PRUNE_EVERY_SECONDS = 24 * 3600
_PRUNE_MARKER = ".pruned"

_O_BINARY = getattr(os, "O_BINARY", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
# Folder-relative operations (openat, renameat, ...): POSIX.  Elsewhere (Windows) paths are
# used, with an ``lstat`` check before each open.
_USE_DIR_FD = bool(_O_DIRECTORY and _O_NOFOLLOW) and all(
    f in os.supports_dir_fd for f in (os.open, os.rename, os.unlink, os.stat)
)


def _fingerprint() -> str:
    """What the cached facts and findings depend on: the schema and the plugin's code, rules
    included (so an upgraded or edited plugin never trusts what an older one wrote)."""
    digest = hashlib.sha256(f"{__version__}:{SCHEMA_VERSION}:{CACHE_FORMAT}".encode())
    here = os.path.dirname(os.path.abspath(__file__))
    names: List[str] = []
    for folder, dirs, files in os.walk(here):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        names.extend(
            os.path.relpath(os.path.join(folder, n), here) for n in files if n.endswith(".py")
        )
    for name in sorted(names):
        try:
            with open(os.path.join(here, name), "rb") as handle:
                digest.update(name.encode() + b"\0" + handle.read())
        except OSError:
            pass
    return digest.hexdigest()[:16]


FINGERPRINT = _fingerprint()

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
# bytes.translate tables: keep only quotes and brackets; then make both bracket kinds one kind.
_ALL_BUT_STRUCTURE = bytes(range(256)).translate(None, b'"[]{}')
_ONE_BRACKET_KIND = bytes.maketrans(b"{}", b"[]")
_PEELED_PASSES = 8
_STEP = {ord("["): 1, ord("]"): -1}


def too_deep(data: bytes, limit: int) -> bool:
    """Whether JSON text nests arrays/objects more than ``limit`` deep (brackets inside strings
    do not count).  Linear time, no recursion, nearly all of it in C.

    Malformed text may be over-estimated (refused), never under-estimated where ``json.loads``
    would recurse: strings are skipped from the first quote on, as the parser reads them."""
    if b"\\" in data:
        data = _STRING.sub(b"", data)  # escapes (never in a summary the plugin writes)
    brackets = data.translate(_ONE_BRACKET_KIND, _ALL_BUT_STRUCTURE)
    if b'"' in brackets:
        # Two adjacent quotes delimit nothing but string text: dropping them keeps every
        # other quote's role.  Without escapes, the pieces between the remaining quotes
        # alternate outside/inside strings (an unterminated last string drops out).
        brackets = brackets.replace(b'""', b"")
        brackets = b"".join(brackets.split(b'"')[::2])
    # Peel the innermost pairs a few times (each pass removes exactly one level), then sum up
    # what is left; real summaries are mostly gone after the first passes.
    for depth in range(_PEELED_PASSES):
        if not brackets:
            return False
        if depth >= limit:
            return True
        inner = brackets.replace(b"[]", b"")
        if len(inner) == len(brackets):  # no pair left: "]]]...[[["; count the final opens
            return depth + len(brackets) - len(brackets.rstrip(b"[")) > limit
        brackets = inner
    deepest = max(accumulate(map(_STEP.__getitem__, brackets)), default=0)
    return _PEELED_PASSES + deepest > limit


def parse_bounded(data: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` for untrusted UTF-8 text: refuses nesting deeper than ``max_depth``
    before parsing.  Raises ``ValueError`` on anything refused or malformed."""
    if too_deep(data, max_depth):
        raise ValueError("JSON nested too deeply")
    text = data.decode("utf-8")
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


# Folders already reported as unusable in this process (one log line each).
_REPORTED: Set[str] = set()


class DiskCache:
    """The entries of one cache folder.  ``key`` is the caller's name for a module file (its
    path and module name); ``digest`` is the sha256 of the file's bytes."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        self._fd: Optional[int] = None  # the folder, opened with O_NOFOLLOW (POSIX)
        self._usable: Optional[bool] = None  # None: not opened yet

    # -- the folder ---------------------------------------------------------------------

    def _disable(self, reason: str) -> None:
        self._usable = False
        if self.directory not in _REPORTED:
            _REPORTED.add(self.directory)
            LOG.info("flake8-asyncgen: cache disabled for this run: %s %s", self.directory, reason)

    def _open_folder(self, create: bool) -> bool:
        """Whether the folder can be used; creates it if ``create`` and it does not exist."""
        if self._usable is not None:
            return self._usable
        try:
            info = os.lstat(self.directory)
        except FileNotFoundError:
            if not create:
                return False  # nothing to read yet (another process may create it later)
            info = None
        except OSError as exc:
            self._disable(f"cannot be examined ({exc.strerror or exc})")
            return False
        created = False
        if info is None:
            try:
                parent = os.path.dirname(self.directory)
                if parent:
                    os.makedirs(parent, exist_ok=True)
                os.mkdir(self.directory)
                created = True
            except FileExistsError:
                pass  # another process was quicker: it writes the .gitignore
            except OSError as exc:
                self._disable(f"cannot be created ({exc.strerror or exc})")
                return False
            try:
                info = os.lstat(self.directory)
            except OSError as exc:
                self._disable(f"cannot be examined ({exc.strerror or exc})")
                return False
        if stat.S_ISLNK(info.st_mode):
            self._disable("is a symbolic link; not following it (use --agn-cache-dir instead)")
            return False
        if not stat.S_ISDIR(info.st_mode):
            self._disable("is not a directory")
            return False
        if _USE_DIR_FD:
            try:
                fd = os.open(self.directory, os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC)
            except OSError as exc:
                reason = "is a symbolic link" if exc.errno == errno.ELOOP else exc.strerror
                self._disable(f"cannot be opened ({reason or exc})")
                return False
            if not stat.S_ISDIR(os.fstat(fd).st_mode):
                os.close(fd)
                self._disable("is not a directory")
                return False
            self._fd = fd
        try:
            ignore = self._lstat(".gitignore")
        except OSError:
            ignore = None
        if ignore is not None and stat.S_ISLNK(ignore.st_mode):
            self._disable("holds a .gitignore that is a symbolic link")
            return False
        if created and ignore is None:
            try:
                self._write(".gitignore", b"# created by flake8-asyncgen\n*\n")
                self._write(_PRUNE_MARKER, b"")  # a new folder has nothing to prune
            except OSError as exc:
                self._disable(f"cannot be written ({exc.strerror or exc})")
                return False
        self._usable = True
        return True

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        self._usable = None

    # -- files in the folder, never through a symbolic link -------------------------------

    def _path(self, name: str) -> str:
        return name if self._fd is not None else os.path.join(self.directory, name)

    def _lstat(self, name: str) -> os.stat_result:
        return os.stat(self._path(name), dir_fd=self._fd, follow_symlinks=False)

    def _open(self, name: str, flags: int, mode: int = 0o600) -> int:
        flags |= _O_NOFOLLOW | _O_CLOEXEC | _O_BINARY
        if not _O_NOFOLLOW:  # (Windows) a check before the open: racy, the best available
            try:
                if stat.S_ISLNK(self._lstat(name).st_mode):
                    raise OSError(errno.ELOOP, "symbolic link", name)
            except FileNotFoundError:
                pass
        return os.open(self._path(name), flags, mode, dir_fd=self._fd)

    def _read_regular(self, name: str) -> Optional[bytes]:
        """The file's bytes if it is a regular file of at most MAX_ENTRY_BYTES, else None."""
        try:
            fd = self._open(name, os.O_RDONLY | _O_NONBLOCK)
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
                return None
            chunks = []
            left = MAX_ENTRY_BYTES + 1  # the file may grow after fstat
            while left > 0:
                chunk = os.read(fd, min(left, _READ_CHUNK))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
            data = b"".join(chunks)
            return data if len(data) <= MAX_ENTRY_BYTES else None
        except OSError:
            return None
        finally:
            os.close(fd)

    def _write(self, name: str, data: bytes) -> None:
        """Replace ``name`` with ``data``: temporary file, fsync, rename."""
        temporary = f".tmp-{os.getpid()}-{secrets.token_hex(8)}"
        fd = self._open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                if FSYNC_ENTRIES:
                    os.fsync(handle.fileno())
            os.replace(
                self._path(temporary), self._path(name),
                src_dir_fd=self._fd, dst_dir_fd=self._fd,
            )
        except BaseException:
            try:
                os.unlink(self._path(temporary), dir_fd=self._fd)
            except OSError:
                pass
            raise

    # -- entries --------------------------------------------------------------------------

    @staticmethod
    def _entry_name(key: str) -> str:
        name = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:40] + ".json"
        return _EXPIRING_NAME + name if key.startswith(EXPIRING_KEY_PREFIX) else name

    def prune(self, now: Optional[float] = None) -> None:
        """Delete expiring entries (and temporary files) older than their age limit, at most
        once a day (best effort: failures are ignored)."""
        if not self._open_folder(create=False):
            return
        now = time.time() if now is None else now
        try:
            marker = self._lstat(_PRUNE_MARKER)
            if stat.S_ISREG(marker.st_mode) and now - marker.st_mtime < _PRUNE_EVERY_SECONDS:
                return
        except FileNotFoundError:
            pass
        except OSError:
            return
        try:
            self._write(_PRUNE_MARKER, b"")  # first: other processes of this run skip pruning
            names = os.listdir(self._fd if self._fd is not None else self.directory)
        except OSError:
            return
        for name in names:
            if name.startswith(_EXPIRING_NAME) and name.endswith(".json"):
                limit = EXPIRE_AFTER_SECONDS
            elif name.startswith(".tmp-"):
                limit = _PRUNE_EVERY_SECONDS
            else:
                continue
            try:
                info = self._lstat(name)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > limit:
                    os.unlink(self._path(name), dir_fd=self._fd)
            except OSError:
                continue

    @staticmethod
    def _header(key: str, digest: str, check: str) -> Dict[str, Any]:
        return {
            "tool": "flake8-asyncgen",
            "format": CACHE_FORMAT,
            "version": __version__,
            "schema": SCHEMA_VERSION,
            "facts": FINGERPRINT,
            "key": key,
            "sha256": digest,
            "check": check,
        }

    def has(self, key: str) -> bool:
        """Whether an entry file exists (valid or not: ``load`` decides).  Anything else at
        its path (a FIFO, a symlink, a folder) is not an entry: ``store`` replaces it."""
        if not self._open_folder(create=False):
            return False
        try:
            return stat.S_ISREG(self._lstat(self._entry_name(key)).st_mode)
        except (OSError, ValueError):
            return False

    def load(self, key: str, digest: str) -> Optional[Dict[str, Any]]:
        """The summary stored for ``key`` if it was made from a file whose bytes hash to
        ``digest`` and the entry is intact; None otherwise (never raises)."""
        if not self._open_folder(create=False):
            return None
        data = self._read_regular(self._entry_name(key))
        if data is None:
            return None
        head, newline, body = data.partition(b"\n")
        if not newline or len(head) > _MAX_HEADER_BYTES:
            return None
        try:
            header = parse_bounded(head, max_depth=1)
            if header != self._header(key, digest, hashlib.sha256(body).hexdigest()):
                return None
            summary = parse_bounded(body)
        except (ValueError, RecursionError, MemoryError):
            return None
        return summary if isinstance(summary, dict) else None

    def store(self, key: str, digest: str, summary: Dict[str, Any]) -> None:
        """Save ``summary`` for ``key`` (best effort: failures are logged, never raised)."""
        if not self._open_folder(create=True):
            return
        try:
            data = json.dumps(summary, separators=(",", ":")).encode("utf-8")
            if too_deep(data, MAX_JSON_DEPTH):
                return  # would be refused when read back
            header = self._header(key, digest, hashlib.sha256(data).hexdigest())
            head = json.dumps(header).encode("utf-8")
            if len(head) > _MAX_HEADER_BYTES or len(head) + 1 + len(data) > MAX_ENTRY_BYTES:
                return  # would be refused when read back
            self._write(self._entry_name(key), head + b"\n" + data)
        except (OSError, ValueError, TypeError, RecursionError) as exc:
            LOG.info("flake8-asyncgen: could not write cache entry for %s: %s", key, exc)
