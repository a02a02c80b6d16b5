"""The pack file: a log of cache entries that one process appends to, and every process reads.

Why packs rather than one file per entry: creating a file costs far more than writing its
bytes (measured on ext4: about 0.15 ms per new file, against a few microseconds for the 7 KB an
entry holds), and a cold run over the benchmark corpus stores about 1,500 entries (module
summaries, each file's findings, journal chunks).  One file per entry was a quarter of the
command's cold time.  Why a log that others read while it grows: flake8's worker processes
share what they learn through the cache.  A summary one worker stores must be usable by the
other at once (a pack renamed into place at the end, or every half second, left the second
worker parsing 460 more modules on the benchmark corpus with its dependencies installed).

Layout: records back to back, each ``b"AGN1"``, the meta's length and the body's length (4
bytes each, big-endian), the meta (JSON), the body.  The first record's meta is the header
(tool, cache format, version, schema, code fingerprint) with no body; an entry's meta is
``[key, digest, check, written]`` and its body the entry's JSON; the meta ``"end"`` closes the
pack (its writer appends nothing more).  A record is appended with one write, so a reader sees
a prefix of the log: a record that runs past the end of the file is not there yet.

A pack is untrusted input like any cache content: :func:`read_records` stops at the first
record that is malformed or too large, and the caller uses a pack only if its header is this
plugin's; a body is used only if its sha256 is the meta's ``check``.
"""

from __future__ import annotations

import json
import os
import struct
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

from .boundedjson import parse_bounded

MAGIC = b"AGN1"
_PREFIX = struct.Struct(">4sII")
PREFIX_BYTES = _PREFIX.size
# The largest meta read: the header, or an entry's key (a path), digests and time.
MAX_META_BYTES = 64 * 1024
END = "end"


class PackEntry(NamedTuple):
    """Where one entry's body lies in its pack, and what it was stored for."""

    key: str  # the caller's name for what the entry describes (a module file's path and name)
    digest: str  # what it was made from (the sha256 of the module file's bytes, say)
    check: str  # the sha256 of the body: damage shows as a mismatch
    offset: int  # of the body
    length: int
    written: int  # when the entry was first stored (ns since the epoch): chunks expire, the
    # newest entry of a key wins


def record(meta: Any, body: bytes = b"") -> bytes:
    data = json.dumps(meta, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return _PREFIX.pack(MAGIC, len(data), len(body)) + data + body


def entry_record(entry: PackEntry, body: bytes) -> bytes:
    return record([entry.key, entry.digest, entry.check, entry.written], body)


def read_at(fd: int, offset: int, length: int) -> Optional[bytes]:
    """``length`` bytes at ``offset`` of the open file, or None if it has fewer."""
    chunks = []
    left = length
    try:
        while left > 0:
            if hasattr(os, "pread"):
                chunk = os.pread(fd, left, offset + length - left)
            else:  # (Windows) one reader per descriptor: a seek then a read
                os.lseek(fd, offset + length - left, os.SEEK_SET)
                chunk = os.read(fd, left)
            if not chunk:
                return None
            chunks.append(chunk)
            left -= len(chunk)
    except OSError:
        return None
    return b"".join(chunks)


class Records(NamedTuple):
    """What reading a pack from some offset found."""

    entries: List[PackEntry]
    offset: int  # where the next record will start
    header: Optional[Dict[str, Any]]  # the header's meta, when the read started at 0
    complete: bool  # the pack was closed: nothing more will be appended
    damaged: bool  # a malformed record: nothing after it can be read


# Records are read through a window of this many bytes: a few reads for a whole pack, where a
# read per record cost a cold scan of 1,500 entries two system calls each.
_WINDOW_BYTES = 256 * 1024


def read_records(fd: int, size: int, offset: int, max_body: int) -> Records:
    """The records of the pack open at ``fd`` (``size`` bytes) from ``offset`` on, up to the
    first that runs past its end (not written yet) or is malformed."""
    entries: List[PackEntry] = []
    header: Optional[Dict[str, Any]] = None
    window = b""
    start = offset  # where ``window`` begins in the file
    while offset + PREFIX_BYTES <= size:
        if offset + PREFIX_BYTES > start + len(window):
            start = offset
            window = read_at(fd, start, min(_WINDOW_BYTES, size - start)) or b""
            if len(window) < PREFIX_BYTES:
                break
        magic, meta_length, body_length = _PREFIX.unpack_from(window, offset - start)
        if magic != MAGIC or meta_length > MAX_META_BYTES or body_length > max_body:
            return Records(entries, offset, header, False, True)
        end = offset + PREFIX_BYTES + meta_length + body_length
        if end > size:
            break  # still being written
        meta_start = offset + PREFIX_BYTES
        if meta_start + meta_length > start + len(window):
            start = meta_start
            window = read_at(fd, start, max(meta_length, min(_WINDOW_BYTES, size - start))) \
                or b""
            if len(window) < meta_length:
                break
        data = window[meta_start - start:meta_start - start + meta_length]
        try:
            meta = parse_bounded(data, max_depth=2)
        except (ValueError, RecursionError, MemoryError):
            return Records(entries, offset, header, False, True)
        if offset == 0:
            if not isinstance(meta, dict) or body_length:
                return Records(entries, offset, None, False, True)
            header = meta
        elif meta == END and not body_length:
            return Records(entries, end, header, True, False)
        else:
            entry = _entry(meta, meta_start + meta_length, body_length)
            if entry is None:
                return Records(entries, offset, header, False, True)
            entries.append(entry)
        offset = end
    return Records(entries, offset, header, False, False)


def _entry(meta: Any, offset: int, length: int) -> Optional[PackEntry]:
    if not (isinstance(meta, list) and len(meta) == 4
            and all(type(value) is str for value in meta[:3]) and type(meta[3]) is int):
        return None
    key, digest, check, written = meta
    return PackEntry(key, digest, check, offset, length, written)


def pack_entries(fd: int, expected: Dict[str, Any], max_body: int) -> Optional[Tuple[
        List[PackEntry], bool]]:
    """Every entry of a whole pack and whether it is closed, or None unless its header is
    ``expected`` (a test's and a tool's view; the cache reads incrementally)."""
    found = read_records(fd, os.fstat(fd).st_size, 0, max_body)
    if found.header != expected:
        return None
    return found.entries, found.complete
