"""On-disk cache of module summaries and findings, shared by worker processes and later runs.

**Layout.**  The folder holds *packs* (:mod:`cachepack`): logs of entries.  A process appends
what it stores to one pack of its own, which every process reads as it grows (a process that
misses an entry reads the packs still being written further, and scans the folder again when
it changed), and closes it when it ends (at exit, or through multiprocessing's finalizers in a
worker).  When a process closes a pack and finds more than :data:`MAX_PACKS` closed ones, it
merges them into one, keeping the newest entry of each key (what one file per key used to
keep).

**The cache is untrusted input.**  Anyone who can write the cache folder (a restored CI
cache, a shared checkout, a hostile pull request's artefacts) controls what it holds, so:

- A pack is read only if it is a regular file: it is opened without following symbolic
  links (``O_NOFOLLOW``) and without blocking (``O_NONBLOCK``: a FIFO planted at a pack's
  path cannot hang the run), then checked with ``fstat``.  It is used only if its header is
  this exact plugin's (tool, cache format, version, summary schema, a fingerprint of the
  plugin's own code); reading stops at the first record that is malformed, or longer than
  :data:`cachepack.MAX_META_BYTES` (its meta) or :data:`MAX_ENTRY_BYTES` (its body).  JSON
  nested deeper than :data:`MAX_JSON_DEPTH` is refused before ``json.loads`` sees it, and a
  body that is not a JSON object is absent.
- An entry is used only if it was stored for the caller's key (path and module name) and
  the sha256 of the module file's *bytes* (not its mtime: a fresh checkout of the same code
  hits, which is what makes a CI cache useful), and its body's sha256 is its record's.  That
  checksum detects damage, **not forgery**: someone who can write the folder can write a
  well-formed pack that lies.  The caller validates the summary's shape (the engine's summary
  codec) and treats any error as a missing entry; a well-shaped lie (a decorator dropped, two
  sibling scopes swapped) can still change findings.  Hence the decision: the fix command
  (``flake8-asyncgen --fix``) does not trust the cache; it runs with the cache off and
  re-derives every fact from the source files, so a forged entry can change a report, never
  an edit.
- The folder is never followed out of the project: if the cache folder itself or its
  ``.gitignore`` is a symbolic link, or the folder is not a directory, the cache is disabled
  for the run (one log line per process).  Only the folder's last component is checked: the
  parents of an explicit ``--agn-cache-dir`` are the user's choice.  ``.gitignore`` (``*``)
  is written only into a folder this tool has just created itself, never into an existing one.
- Packs are created new (``O_EXCL``, no symlinks followed) and only appended to, one
  record per write: a reader sees a prefix of the log, and a record that runs past the end of
  the file is not there yet.  A pack whose writer crashed is never closed; pruning deletes it
  once it has not changed for a day.  Where the platform allows, every operation is relative
  to one descriptor of the folder opened with ``O_NOFOLLOW``, so swapping the folder for a
  symlink mid-run changes nothing.
"""

from __future__ import annotations

import atexit
import errno
import hashlib
import json
import logging
import os
import re
import secrets
import stat
import sys
import time
from typing import Any, Dict, List, NamedTuple, Optional, Set, Tuple

from . import __version__
from .boundedjson import MAX_JSON_DEPTH, parse_bounded, too_deep
from .cachepack import END, PackEntry, Records, entry_record, read_at, read_records, record
from .facts import SCHEMA_VERSION

__all__ = ["DiskCache", "MAX_JSON_DEPTH", "flush_all", "parse_bounded", "shared", "too_deep"]

LOG = logging.getLogger("flake8.asyncgen")

# Bumped whenever the entry layout or key changes, so older entries are ignored (2: keyed on
# the file's content hash instead of its size and mtime; 3: entries in packs; 4: packs are
# logs read while they grow).
CACHE_FORMAT = 4
# The largest entry read or written.  A summary is about 0.5-2.5 times the size of its module's
# source (the largest of 4,000 real modules: 0.5 MB), so this covers modules of several
# megabytes; a larger module is simply re-read with ``ast`` each time (correct, only slower).
# It also bounds the work a forged entry can cause (about a second, once per process).
MAX_ENTRY_BYTES = 8 * 1024 * 1024
# A pack this large is closed, and the next entry starts a new one.
MAX_PACK_BYTES = 64 * 1024 * 1024
# More closed packs than this in the folder: the process that closes the next one merges them.
MAX_PACKS = 16
# At most this many packs are opened (the newest): bounds descriptors and reads.
MAX_OPEN_PACKS = 64
# fsync packs?  No: the checksums already turn an entry torn by a power cut into a miss (and a
# miss is only a re-parse), so fsync would buy durability the cache does not need.  Files the
# fix command writes are the user's and are fsynced.
FSYNC_ENTRIES = False
# Entries whose key starts with this expire: the chunks of the journals that cached findings
# depend on (:mod:`resultcache`).  They are named by their content, so runs that read the same
# things share them, but runs that differ add new ones; unused ones would pile up.  Once a day
# at most (a marker file's age says when), the packs are merged without the expiring entries
# stored more than two weeks ago, and packs a crashed writer never closed, packs some other
# version of the plugin wrote and temporary files are deleted once a day old.  A chunk still
# in use is simply written again by the next run that needs it (its findings are a miss once).
EXPIRING_KEY_PREFIX = "journal chunk\0"
EXPIRE_AFTER_SECONDS = 14 * 24 * 3600
_PRUNE_EVERY_SECONDS = 24 * 3600
_PRUNE_MARKER = ".pruned"
# A pack without its header this long after its last change is no pack (pruned later).
_HEADER_WAIT_SECONDS = 60
_PACK_NAME = re.compile(r"pack-[0-9a-f]{20}\.agnpack\Z")
_TEMPORARY_PREFIX = ".tmp-"

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

# Folders already reported as unusable in this process (one log line each).
_REPORTED: Set[str] = set()


class DiskCache:
    """The entries of one cache folder.  ``key`` is the caller's name for a module file (its
    path and module name); ``digest`` is the sha256 of the file's bytes."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        self._fd: Optional[int] = None  # the folder, opened with O_NOFOLLOW (POSIX)
        self._usable: Optional[bool] = None  # None: not opened yet
        self._packs: Dict[str, _Pack] = {}  # by file name: the packs open for reading
        self._refused: Set[str] = set()  # pack names that are not readable packs
        self._index: Dict[str, List[_Located]] = {}  # by key, newest first
        self._stamp: Optional[int] = None  # the folder's mtime at the last scan
        self._writer: Optional[_Writer] = None

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
        """Close this process's pack, then let go of every file."""
        self.flush()
        self._forget(list(self._packs.values()))
        self._refused.clear()
        self._stamp = None
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

    def _write(self, name: str, data: bytes) -> None:
        """Replace the small file ``name`` with ``data``: temporary file, rename."""
        temporary = f"{_TEMPORARY_PREFIX}{os.getpid()}-{secrets.token_hex(8)}"
        fd = self._open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
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

    # -- packs ----------------------------------------------------------------------------

    @staticmethod
    def _expected() -> Dict[str, Any]:
        """What a pack's header must say to be read: written by this exact plugin."""
        return {
            "tool": "flake8-asyncgen",
            "format": CACHE_FORMAT,
            "version": __version__,
            "schema": SCHEMA_VERSION,
            "facts": FINGERPRINT,
        }

    def _folder_stamp(self) -> Optional[int]:
        try:
            info = os.fstat(self._fd) if self._fd is not None else os.stat(self.directory)
        except OSError:
            return None
        return info.st_mtime_ns

    def _scan(self) -> None:
        """Open the packs created since the last scan (newest first, up to MAX_OPEN_PACKS)."""
        stamp = self._folder_stamp()
        try:
            names = os.listdir(self._fd if self._fd is not None else self.directory)
        except OSError:
            return
        self._stamp = stamp
        found = []
        for name in names:
            if name in self._packs or name in self._refused or not _PACK_NAME.match(name):
                continue
            try:
                info = self._lstat(name)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                found.append((info.st_mtime_ns, name))
            else:
                self._refused.add(name)  # a symlink, a FIFO, a folder: never a pack
        found.sort(reverse=True)
        for mtime_ns, name in found[:max(0, MAX_OPEN_PACKS - len(self._packs))]:
            self._open_pack(name, mtime_ns)

    def _open_pack(self, name: str, mtime_ns: int) -> None:
        try:
            fd = self._open(name, os.O_RDONLY | _O_NONBLOCK)
        except OSError:
            self._refused.add(name)
            return
        try:
            info = os.fstat(fd)
        except OSError:
            info = None
        if info is None or not stat.S_ISREG(info.st_mode):
            os.close(fd)
            self._refused.add(name)
            return
        found = read_records(fd, info.st_size, 0, MAX_ENTRY_BYTES)
        if found.header is None and not found.damaged and \
                time.time() - info.st_mtime < _HEADER_WAIT_SECONDS:
            os.close(fd)  # its header is not written yet: look again at the next scan
            return
        if found.header != self._expected():
            os.close(fd)
            self._refused.add(name)  # damaged, forged, or another version's: pruned later
            return
        pack = self._packs[name] = _Pack(name, fd, mtime_ns, 0, False)
        self._take(pack, found)

    def _grow(self, pack: _Pack) -> None:
        """Read what another process appended to its open pack since the last read."""
        try:
            size = os.fstat(pack.fd).st_size
        except OSError:
            return
        if size <= pack.offset:
            return
        self._take(pack, read_records(pack.fd, size, pack.offset, MAX_ENTRY_BYTES))

    def _take(self, pack: _Pack, found: Records) -> None:
        """Index the records just read from ``pack``; after a damaged one, read no further."""
        pack.offset = found.offset
        pack.complete = found.complete or found.damaged
        for entry in found.entries:
            self._add(pack, entry)

    def _add(self, pack: _Pack, entry: PackEntry) -> None:
        found = self._index.setdefault(entry.key, [])
        found.append(_Located(pack, entry))
        if len(found) > 1:  # newest first
            found.sort(key=_age, reverse=True)

    def _candidates(self, key: str, digest: Optional[str]) -> List[_Located]:
        """The entries stored for ``key`` (and ``digest``, unless None), newest first; when
        none is known, the packs other processes are writing are read further first, and the
        folder is scanned again if it changed."""
        if self._writer is not None and self._writer.pid != os.getpid():
            self._writer = None  # the parent's, inherited by fork: its entries stay readable
        found = self._known(key, digest)
        if not found:
            if self._stamp is None or self._folder_stamp() != self._stamp:
                self._scan()
            own = self._writer.pack if self._writer is not None else None
            for pack in list(self._packs.values()):
                if not pack.complete and pack is not own:
                    self._grow(pack)
            found = self._known(key, digest)
        return found

    def _known(self, key: str, digest: Optional[str]) -> List[_Located]:
        return [located for located in self._index.get(key, ())
                if digest is None or located.entry.digest == digest]

    @staticmethod
    def _body(located: _Located) -> Optional[bytes]:
        """The entry's body if it is intact (its sha256 is the meta's)."""
        entry = located.entry
        data = read_at(located.pack.fd, entry.offset, entry.length)
        if data is None or hashlib.sha256(data).hexdigest() != entry.check:
            return None
        return data

    def has(self, key: str) -> bool:
        """Whether an entry is stored for ``key`` (for any digest; intact or not: ``load``
        decides)."""
        if not self._open_folder(create=False):
            return False
        return bool(self._candidates(key, None))

    def load(self, key: str, digest: str) -> Optional[Dict[str, Any]]:
        """The summary stored for ``key`` if it was made from a file whose bytes hash to
        ``digest`` and the entry is intact; None otherwise (never raises)."""
        if not self._open_folder(create=False):
            return None
        for located in self._candidates(key, digest):
            data = self._body(located)
            if data is None:
                continue
            try:
                value = parse_bounded(data)
            except (ValueError, RecursionError, MemoryError):
                continue
            if isinstance(value, dict):
                return value
        return None

    # -- writing --------------------------------------------------------------------------

    def store(self, key: str, digest: str, summary: Dict[str, Any]) -> None:
        """Save ``summary`` for ``key`` (best effort: failures are logged, never raised).  It
        can be loaded at once, by this process and the others."""
        if not self._open_folder(create=True):
            return
        try:
            data = json.dumps(summary, separators=(",", ":")).encode("utf-8")
        except (ValueError, TypeError, RecursionError) as exc:
            LOG.info("flake8-asyncgen: could not encode the cache entry for %s: %s", key, exc)
            return
        if len(data) > MAX_ENTRY_BYTES or too_deep(data, MAX_JSON_DEPTH):
            return  # would be refused when read back
        entry = PackEntry(key, digest, hashlib.sha256(data).hexdigest(), 0, len(data),
                          time.time_ns())
        try:
            self._append(entry, data)
        except OSError as exc:  # the disk is full, say: this process's pack is dropped
            LOG.info("flake8-asyncgen: could not write cache entry for %s: %s", key, exc)
            self._abandon()
            return
        writer = self._writer
        if writer is not None and writer.pack.offset >= MAX_PACK_BYTES:
            self.flush()

    def _append(self, entry: PackEntry, data: bytes) -> None:
        writer = self._writer
        if writer is None or writer.pid != os.getpid():
            name = f"pack-{secrets.token_hex(10)}.agnpack"
            fd = self._open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL)
            pack = _Pack(name, fd, time.time_ns(), 0, False)
            writer = self._writer = _Writer(pack)
            self._packs[name] = pack
            _watch(self)
            header = record(self._expected())
            _write_at(fd, 0, header)
            pack.offset = len(header)
        pack = writer.pack
        data = entry_record(entry, data)
        entry = entry._replace(offset=pack.offset + len(data) - entry.length)
        _write_at(pack.fd, pack.offset, data)
        pack.offset += len(data)
        self._add(pack, entry)

    def flush(self) -> None:
        """Close this process's pack (nothing more is appended to it; the next entry starts
        a new one), then merge the closed packs if there are too many (best effort)."""
        if not self._close_pack():
            return
        if self._folder_stamp() != self._stamp:
            self._scan()
        if sum(1 for pack in self._packs.values() if pack.complete) > MAX_PACKS:
            self._merge(time.time())

    def _close_pack(self) -> bool:
        """Append the closing record to this process's pack; whether there was one."""
        writer = self._writer
        if writer is None or writer.pid != os.getpid():
            return False
        self._writer = None
        try:
            _write_at(writer.pack.fd, writer.pack.offset, record(END))
            if FSYNC_ENTRIES:
                os.fsync(writer.pack.fd)
        except OSError as exc:
            LOG.info("flake8-asyncgen: could not close a cache pack: %s", exc)
            return False  # readers take it for one still being written; pruned in a day
        writer.pack.complete = True
        return True

    def _abandon(self) -> None:
        """Drop this process's pack and what it held (after a failed write)."""
        writer = self._writer
        self._writer = None
        if writer is None or writer.pid != os.getpid():
            return
        self._forget([writer.pack])
        try:
            os.unlink(self._path(writer.pack.name), dir_fd=self._fd)
        except OSError:
            pass

    def _forget(self, packs: List[_Pack]) -> None:
        """Close ``packs`` and drop their entries from the index."""
        names = {id(pack) for pack in packs}
        for pack in packs:
            self._packs.pop(pack.name, None)
            try:
                os.close(pack.fd)
            except OSError:
                pass
        for key in list(self._index):
            kept = [located for located in self._index[key] if id(located.pack) not in names]
            if kept:
                self._index[key] = kept
            else:
                del self._index[key]

    def _merge(self, now: float) -> None:
        """Replace the closed packs this process has open by one holding the newest intact
        entry of each key they hold, without the expiring entries older than their limit
        (packs still being written are left alone)."""
        self._close_pack()
        merged = [pack for pack in self._packs.values() if pack.complete]
        chosen = {id(pack) for pack in merged}
        try:
            for key, found in [(key, list(found)) for key, found in self._index.items()]:
                for located in found:
                    if id(located.pack) not in chosen:
                        continue
                    if _expired(key, located.entry, now):
                        break
                    data = self._body(located)
                    if data is not None:
                        self._append(located.entry, data)
                        break
        except OSError as exc:
            LOG.info("flake8-asyncgen: could not merge the cache packs: %s", exc)
            self._abandon()
            return
        self._forget(merged)
        self._close_pack()
        for pack in merged:
            try:
                os.unlink(self._path(pack.name), dir_fd=self._fd)
            except OSError:
                pass  # another process merged it already (or, on Windows, still reads it)

    def prune(self, now: Optional[float] = None) -> None:
        """Once a day at most (best effort): merge the packs without the expiring entries
        older than their limit, and delete what has not changed for a day among temporary
        files, unreadable packs (another version's, damaged) and packs never closed (their
        writer crashed)."""
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
        self._scan()
        own = self._writer.pack.name if self._writer is not None else None
        unfinished = {pack.name for pack in self._packs.values() if not pack.complete}
        for name in names:
            if name == own or not (name.startswith(_TEMPORARY_PREFIX) or name in self._refused
                                   or name in unfinished):
                continue
            try:
                info = self._lstat(name)
                if not stat.S_ISDIR(info.st_mode) and now - info.st_mtime > _PRUNE_EVERY_SECONDS:
                    os.unlink(self._path(name), dir_fd=self._fd)
                    self._refused.discard(name)
            except OSError:
                continue
        if any(_expired(key, located.entry, now)
               for key, found in self._index.items() for located in found):
            self._merge(now)


class _Pack:
    """A pack this process reads or writes."""

    __slots__ = ("name", "fd", "mtime_ns", "offset", "complete")

    def __init__(self, name: str, fd: int, mtime_ns: int, offset: int, complete: bool) -> None:
        self.name = name
        self.fd = fd
        self.mtime_ns = mtime_ns  # when first seen: orders entries stored in the same second
        self.offset = offset  # where the next record starts (read or written)
        self.complete = complete  # closed: nothing more will be appended


class _Located(NamedTuple):
    pack: _Pack
    entry: PackEntry


def _expired(key: str, entry: PackEntry, now: float) -> bool:
    """An expiring entry (a journal chunk) stored more than its age limit before ``now``."""
    return key.startswith(EXPIRING_KEY_PREFIX) and now - entry.written / 1e9 > EXPIRE_AFTER_SECONDS


def _age(located: _Located) -> Tuple[int, int, int]:
    """Sorts entries oldest first: by when stored, then by pack, then by place in the pack."""
    return located.entry.written, located.pack.mtime_ns, located.entry.offset


class _Writer:
    """This process's open pack: entries are appended as they are stored."""

    __slots__ = ("pack", "pid")

    def __init__(self, pack: _Pack) -> None:
        self.pack = pack  # its ``offset`` is where the next record goes
        self.pid = os.getpid()  # a forked child starts its own


def _write_at(fd: int, offset: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        if hasattr(os, "pwrite"):
            written = os.pwrite(fd, view, offset)
        else:  # (Windows)
            os.lseek(fd, offset, os.SEEK_SET)
            written = os.write(fd, view)
        view = view[written:]
        offset += written


_SHARED: Dict[str, DiskCache] = {}


def shared(directory: str) -> DiskCache:
    """This process's one view of the cache folder ``directory``: every project of a run
    (one per set of import roots) reads the same packs, so their indexes are read once."""
    key = os.path.abspath(directory)
    cache = _SHARED.get(key)
    if cache is None:
        cache = _SHARED[key] = DiskCache(directory)
    return cache


# Caches with an open pack (held until it is closed, even if their caller dropped them), closed
# when the process ends: at exit, and in multiprocessing's workers (which end without running
# ``atexit``) by its finalizers.
_WRITING: Set[DiskCache] = set()
_FINALIZER_PID: Optional[int] = None


def flush_all() -> None:
    """Close the open pack of every cache of this process (its entries are on disk already)."""
    for cache in list(_WRITING):
        _WRITING.discard(cache)
        try:
            cache.flush()
        except Exception:  # noqa: BLE001 - never fail a process's exit for a cache
            pass


def _watch(cache: DiskCache) -> None:
    global _FINALIZER_PID
    _WRITING.add(cache)
    if _FINALIZER_PID != os.getpid():
        _FINALIZER_PID = os.getpid()
        util = sys.modules.get("multiprocessing.util")
        if util is not None:
            util.Finalize(None, flush_all, exitpriority=10)


atexit.register(flush_all)
