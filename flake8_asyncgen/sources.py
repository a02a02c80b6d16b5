"""Which files the command checks, and how it reads them: the way flake8 does.

Discovery: every path given on the command line is checked if it is a file (whatever its
name), and walked if it is a folder, keeping files that match ``filename`` patterns
(``*.py``) and skipping what matches ``exclude`` (by base name or absolute path, as flake8's
``matches_filename``). Reading: ``tokenize.detect_encoding`` (PEP 263 cookies, BOMs), a
fallback to latin-1 when the declared encoding is wrong, universal newlines, and the UTF-8
BOM stripped from the first line, as flake8's ``FileProcessor`` does.
"""

from __future__ import annotations

import fnmatch
import io
import os
import sys
import tokenize
from typing import List, NamedTuple, Optional, Sequence

# flake8's default exclude, plus folders that hold other people's code or our own cache.
FLAKE8_EXCLUDE = (
    ".svn", "CVS", ".bzr", ".hg", ".git", "__pycache__", ".tox", ".nox", ".eggs", "*.egg",
)
EXTRA_EXCLUDE = (".venv", "venv", ".agn_cache", "node_modules")
DEFAULT_EXCLUDE = FLAKE8_EXCLUDE + EXTRA_EXCLUDE
DEFAULT_FILENAME = ("*.py",)


def excluded_by(path: str, patterns: Sequence[str]) -> bool:
    """flake8's ``matches_filename``: the base name or the absolute path matches."""
    if not patterns:
        return False
    base = os.path.basename(path)
    if base not in (".", "..") and any(fnmatch.fnmatch(base, p) for p in patterns):
        return True
    absolute = os.path.abspath(path)
    return any(fnmatch.fnmatch(absolute, p) for p in patterns)


def discover(
    paths: Sequence[str], exclude: Sequence[str], filename: Sequence[str] = DEFAULT_FILENAME
) -> List[str]:
    """The files to check, sorted by name as flake8 reports them, without duplicates.

    ``-`` stands for standard input and is kept as it is.
    """
    found: List[str] = []
    for path in paths:
        if path == "-":
            found.append(path)
            continue
        if excluded_by(path, exclude):
            continue
        if not os.path.isdir(path):
            found.append(path)  # named explicitly: checked whatever its name (or E902)
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not excluded_by(os.path.join(folder, d), exclude))
            for name in files:
                full = os.path.join(folder, name)
                if fnmatch_any(full, filename) and not excluded_by(full, exclude):
                    found.append(full)
    seen = set()
    unique = []
    for path in sorted(found):
        if path not in seen:
            seen.add(path)
            unique.append(path)
    return unique


def fnmatch_any(path: str, patterns: Sequence[str]) -> bool:
    """flake8's ``filename`` test: the base name or the whole path matches a pattern."""
    base = os.path.basename(path)
    return any(fnmatch.fnmatch(base, p) or fnmatch.fnmatch(path, p) for p in patterns)


class Source(NamedTuple):
    """A file as read: its lines (universal newlines, no BOM), encoding and raw bytes."""

    lines: List[str]
    encoding: str
    data: bytes
    newline: Optional[str]  # the first line ending in the raw bytes ("\r\n", "\r", "\n")


def decode(data: bytes) -> Source:
    """Decode ``data`` as flake8 reads a file (never raises on bad encodings)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        lines = io.TextIOWrapper(io.BytesIO(data), encoding, newline=None).readlines()
    except (LookupError, SyntaxError, UnicodeError):
        encoding = "latin-1"
        lines = io.TextIOWrapper(io.BytesIO(data), encoding, newline=None).readlines()
    if lines and lines[0][:1] == "\ufeff":
        lines[0] = lines[0][1:]
    return Source(lines, encoding, data, _first_newline(data))


def _first_newline(data: bytes) -> Optional[str]:
    for index, byte in enumerate(data):
        if byte == 0x0A:
            return "\n"
        if byte == 0x0D:
            return "\r\n" if data[index + 1:index + 2] == b"\n" else "\r"
    return None


def read_file(path: str) -> Source:
    """Read a file; raises OSError when it cannot be read."""
    with open(path, "rb") as handle:
        return decode(handle.read())


def read_stdin() -> Source:
    return decode(sys.stdin.buffer.read())
