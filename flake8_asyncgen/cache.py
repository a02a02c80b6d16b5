"""On-disk cache of module summaries, shared by flake8's worker processes.

Safe data only: JSON read back with ``json.loads`` and checked field by field.
An entry is trusted only if the tool version, schema, fingerprint of the code
that computes facts, path, size, mtime and content hash all match and its
checksum is intact; anything else (corrupted, truncated, tampered, foreign
version) is ignored and rebuilt.  Writes go to a temporary file renamed into
place, so a reader never sees half an entry.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from typing import Any, Dict, Optional

from . import __version__
from .facts import SCHEMA_VERSION

LOG = logging.getLogger("flake8.asyncgen")


def _fingerprint() -> str:
    """What the cached facts depend on: the schema and the code that computes them (so an
    upgraded or edited plugin never trusts facts an older one wrote)."""
    digest = hashlib.sha256(f"{__version__}:{SCHEMA_VERSION}".encode())
    here = os.path.dirname(os.path.abspath(__file__))
    for name in ("facts.py", "kinds.py"):
        try:
            with open(os.path.join(here, name), "rb") as handle:
                digest.update(handle.read())
        except OSError:
            pass
    return digest.hexdigest()[:16]


FINGERPRINT = _fingerprint()
_HEADER_KEYS = (
    "tool", "version", "schema", "facts", "path", "size", "mtime_ns", "sha256", "check"
)


class DiskCache:
    def __init__(self, directory: str) -> None:
        self.directory = directory
        self._ready: Optional[bool] = None

    def _entry_path(self, path: str) -> str:
        name = hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:40]
        return os.path.join(self.directory, name + ".json")

    def _prepare(self) -> bool:
        if self._ready is None:
            try:
                os.makedirs(self.directory, exist_ok=True)
                ignore = os.path.join(self.directory, ".gitignore")
                if not os.path.exists(ignore):
                    self._write_atomic(ignore, "# created by flake8-asyncgen\n*\n")
                self._ready = True
            except OSError as exc:
                LOG.info("flake8-asyncgen: cache disabled, cannot use %s: %s", self.directory, exc)
                self._ready = False
        return self._ready

    def _write_atomic(self, target: str, text: str) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    def has(self, path: str) -> bool:
        """Whether an entry exists (valid or not: ``load`` decides)."""
        return os.path.exists(self._entry_path(path))

    def load(self, path: str, size: int, mtime_ns: int, digest: str) -> Optional[Dict[str, Any]]:
        try:
            with open(self._entry_path(path), encoding="utf-8") as handle:
                header_text, _, body = handle.read().partition("\n")
            header = json.loads(header_text)
            if not isinstance(header, dict) or any(k not in header for k in _HEADER_KEYS):
                return None
            expected = (
                "flake8-asyncgen", __version__, SCHEMA_VERSION, FINGERPRINT,
                path, size, mtime_ns, digest,
            )
            if tuple(header[k] for k in _HEADER_KEYS[:-1]) != expected:
                return None
            if hashlib.sha256(body.encode("utf-8")).hexdigest() != header["check"]:
                return None
            summary = json.loads(body)
            return summary if isinstance(summary, dict) else None
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            return None

    def store(
        self, path: str, size: int, mtime_ns: int, digest: str, summary: Dict[str, Any]
    ) -> None:
        if not self._prepare():
            return
        try:
            body = json.dumps(summary, separators=(",", ":"))
            header = {
                "tool": "flake8-asyncgen",
                "version": __version__,
                "schema": SCHEMA_VERSION,
                "facts": FINGERPRINT,
                "path": path,
                "size": size,
                "mtime_ns": mtime_ns,
                "sha256": digest,
                "check": hashlib.sha256(body.encode("utf-8")).hexdigest(),
            }
            self._write_atomic(self._entry_path(path), json.dumps(header) + "\n" + body)
        except (OSError, ValueError, TypeError, RecursionError) as exc:
            LOG.info("flake8-asyncgen: could not write cache entry for %s: %s", path, exc)
