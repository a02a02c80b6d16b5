"""The pack file: many cache entries in one file, written once, then only read.

Why packs rather than one file per entry: creating a file costs far more than writing its
bytes (measured on ext4: about 0.15 ms per new file, against a few microseconds for the 7 KB an
entry holds), and a cold run over the benchmark corpus stores about 1,500 entries (module
summaries, each file's findings, journal chunks).  One file per entry was a quarter of the
command's cold time.  A process now appends its entries to one temporary file and renames it
into place as a pack when it has gathered enough, and when it ends (:mod:`cache`).

Layout::

    the body of every entry, back to back (JSON text, UTF-8)
    the index: one JSON object {"tool", "format", "version", "schema", "facts", "entries"},
        entries = [[key, digest, check, offset, length, written], ...]
    the trailer: b"\\nagn-pack-index " + the index's offset in 20 digits + b"\\n"

The index comes last so that a writer streams entries to disk as they come instead of holding
them in memory.  A pack is untrusted input like any cache content: :func:`read_index` accepts
an index only if it is bounded, well-formed and for this plugin's exact code, and every entry
lies inside the bodies; a body is used only if its sha256 is the index's ``check``.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any, Dict, List, NamedTuple, Optional

from .boundedjson import parse_bounded

_TRAILER = re.compile(rb"\nagn-pack-index (\d{20})\n\Z")
TRAILER_BYTES = len(b"\nagn-pack-index \n") + 20
# The largest index read (about 200 bytes per entry: the key holds a path), so a pack indexes
# tens of thousands of entries; a larger one is absent.
MAX_INDEX_BYTES = 16 * 1024 * 1024


class PackEntry(NamedTuple):
    """Where one entry's body lies in its pack, and what it was stored for."""

    key: str  # the caller's name for what the entry describes (a module file's path and name)
    digest: str  # what it was made from (the sha256 of the module file's bytes, say)
    check: str  # the sha256 of the body: damage shows as a mismatch
    offset: int
    length: int
    written: int  # when the entry was first stored (seconds): journal chunks expire


def trailer(index_offset: int) -> bytes:
    return b"\nagn-pack-index %020d\n" % index_offset


def encode_index(header: Dict[str, Any], entries: List[PackEntry]) -> bytes:
    document = dict(header, entries=[list(entry) for entry in entries])
    return json.dumps(document, separators=(",", ":")).encode("utf-8", "surrogatepass")


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


def read_index(
    fd: int, size: int, expected: Dict[str, Any], max_entry_bytes: int
) -> Optional[List[PackEntry]]:
    """The entries of the pack open at ``fd`` (``size`` bytes), or None unless the trailer and
    the index are well-formed, the index's header equals ``expected`` and every entry lies
    inside the bodies, at most ``max_entry_bytes`` long."""
    if size < TRAILER_BYTES:
        return None
    end = read_at(fd, size - TRAILER_BYTES, TRAILER_BYTES)
    match = _TRAILER.match(end) if end is not None else None
    if match is None:
        return None
    index_offset = int(match.group(1))
    index_length = size - TRAILER_BYTES - index_offset
    if index_offset < 0 or not 0 < index_length <= MAX_INDEX_BYTES:
        return None
    data = read_at(fd, index_offset, index_length)
    if data is None:
        return None
    try:
        document = parse_bounded(data, max_depth=3)
    except (ValueError, RecursionError, MemoryError):
        return None
    if not isinstance(document, dict) or set(document) != set(expected) | {"entries"}:
        return None
    if any(document[name] != value for name, value in expected.items()):
        return None
    rows = document["entries"]
    if not isinstance(rows, list):
        return None
    entries = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 6
                and all(type(value) is str for value in row[:3])
                and all(type(value) is int for value in row[3:])):
            return None
        entry = PackEntry(*row)
        if (entry.offset < 0 or not 0 <= entry.length <= max_entry_bytes
                or entry.offset + entry.length > index_offset):
            return None
        entries.append(entry)
    return entries
