"""Reading and writing a user's Python file the way flake8 reads it, without ever losing it.

:func:`read_source` decodes a file as Python (and flake8) do: the encoding comes from a
UTF-8 BOM or a PEP 263 cookie (:func:`tokenize.detect_encoding`), and line endings are
normalised to ``\\n`` as flake8's universal-newline reading does, so line numbers agree with
flake8's.  What the normalisation hides is recorded: each line's own ending (LF, CRLF or a
lone CR, mixed files included), whether the file ends with a newline, the BOM, and the file's
identity (device, inode, size, mtime) and SHA-256 at the time it was read.

:func:`write_source` puts a new text back in the original form (encoding, BOM, line
endings) and replaces the file atomically: a temporary file in the same folder is written,
flushed and fsynced, given the original mode bits, and moved over the original with
:func:`os.replace`.  It refuses (raising :class:`WriteRefused` with a readable reason, never
another exception) when the file changed since it was read, when it is read-only, when a
symlink leads out of the tree being fixed, when the new text cannot be encoded, or when the
disk fails; in every case the original file is left as it was and no temporary file is left
behind.  A symlinked file is written *through*: its target is replaced, the link is kept.

:func:`prepare_write` and :meth:`PendingWrite.commit` split the write in two, so that a
caller changing several files can write every temporary file first and replace the
originals only if all of them could be written.
"""

from __future__ import annotations

import codecs
import difflib
import errno
import hashlib
import os
import re
import stat
import tempfile
import tokenize
from dataclasses import dataclass
from typing import Callable, List, Optional, Tuple

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
TEMP_SUFFIX = ".agn-tmp"


class WriteRefused(Exception):
    """The file was not written; ``reason`` says why in words meant for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ReadFailed(Exception):
    """The file could not be read or decoded; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SourceFile:
    """A Python file as it was read: its bytes, its text as flake8 sees it, and its form."""

    path: str  # as given by the caller
    real_path: str  # symlinks resolved: the file that is actually read and replaced
    is_symlink: bool
    data: bytes
    text: str  # decoded, BOM removed, every line ending turned into "\n"
    encoding: str  # as tokenize.detect_encoding names it ("utf-8-sig" when there is a BOM)
    bom: bool
    newline: Optional[str]  # "\n", "\r\n" or "\r"; None when mixed or when there is no newline
    line_endings: Tuple[str, ...]  # each line's own ending ("" for a last line without one)
    final_newline: bool
    st_dev: int
    st_ino: int
    st_size: int
    st_mtime_ns: int
    st_mode: int
    sha256: str

    @property
    def lines(self) -> List[str]:
        """The lines of :attr:`text`, each with its ``\\n``, as flake8 gives them to plugins."""
        return split_lines(self.text)


def split_lines(text: str) -> List[str]:
    """Lines with their endings, split only at ``\\r\\n``, ``\\r`` and ``\\n`` (unlike
    :meth:`str.splitlines`, which also splits at form feeds and other separators)."""
    return [m.group(0) for m in _LINE.finditer(text) if m.group(0)]


def _ending(line: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    if line.endswith(("\r", "\n")):
        return line[-1]
    return ""


def _byte_lines(data: bytes) -> Callable[[], bytes]:
    """A ``readline`` for :func:`tokenize.detect_encoding` that, like Python's own tokenizer,
    also ends lines at a lone CR (``io.BytesIO.readline`` only knows ``\n``)."""
    lines = iter(re.findall(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", data))
    return lambda: next(lines, b"")


def read_source(path: str) -> SourceFile:
    """Read ``path`` as Python source; raises :class:`ReadFailed` with a reason on failure."""
    try:
        is_link = os.path.islink(path)
        real = os.path.realpath(path)
        # O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ReadFailed(f"{path}: not a regular file")
            data = handle.read()
    except OSError as exc:
        raise ReadFailed(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        encoding, _ = tokenize.detect_encoding(_byte_lines(data))
        decoded = data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as exc:
        raise ReadFailed(f"{path}: cannot decode: {exc}") from None
    bom = data.startswith(codecs.BOM_UTF8)
    if decoded.startswith("\ufeff"):
        decoded = decoded[1:]  # "utf-8-sig" already drops it; any other codec keeps it
    raw_lines = split_lines(decoded)
    endings = tuple(_ending(line) for line in raw_lines)
    kinds = {e for e in endings if e}
    text = "".join(line[: len(line) - len(e)] + ("\n" if e else "")
                   for line, e in zip(raw_lines, endings))
    return SourceFile(
        path=path,
        real_path=real,
        is_symlink=is_link,
        data=data,
        text=text,
        encoding=encoding,
        bom=bom,
        newline=kinds.pop() if len(kinds) == 1 else None,
        line_endings=endings,
        final_newline=bool(endings) and endings[-1] != "",
        st_dev=info.st_dev,
        st_ino=info.st_ino,
        st_size=info.st_size,
        st_mtime_ns=info.st_mtime_ns,
        st_mode=info.st_mode,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def restore_line_endings(source: SourceFile, new_text: str) -> str:
    """``new_text`` (with ``\\n`` endings) with the original file's line endings put back.

    A file with one style gets it on every line.  In a mixed file, lines that are unchanged
    keep their own ending and new lines take the ending of the original line they replace or
    follow (the first line's ending at the top of the file).
    """
    new_lines = split_lines(new_text)
    bodies = [line.rstrip("\r\n") for line in new_lines]
    had = [_ending(line) for line in new_lines]
    if source.newline is not None or not any(source.line_endings):
        style = source.newline or "\n"
        endings = [style if e else "" for e in had]
    else:
        old_bodies = [line.rstrip("\n") for line in split_lines(source.text)]
        old_endings = list(source.line_endings)
        default = next(e for e in old_endings if e)
        endings = []
        matcher = difflib.SequenceMatcher(None, old_bodies, bodies, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            for k in range(j2 - j1):
                if tag == "equal":
                    chosen = old_endings[i1 + k]
                elif i1 + k < i2:
                    chosen = old_endings[i1 + k]
                else:
                    chosen = old_endings[max(i1, i2) - 1] if max(i1, i2) > 0 else default
                endings.append((chosen or default) if had[j1 + k] else "")
    return "".join(body + ending for body, ending in zip(bodies, endings))


def encode_text(source: SourceFile, new_text: str) -> bytes:
    """The bytes to write for ``new_text``: original line endings, encoding and BOM."""
    text = restore_line_endings(source, new_text)
    if source.final_newline and text and not text.endswith(("\n", "\r")):
        text += source.newline or next((e for e in source.line_endings if e), "\n")
    codec = source.encoding
    if codec == "utf-8-sig" and not source.bom:
        codec = "utf-8"
    try:
        data = text.encode(codec)
    except UnicodeEncodeError as exc:
        raise WriteRefused(
            f"{source.path}: the fixed text cannot be written in the file's encoding "
            f"{source.encoding} ({exc.reason})"
        ) from None
    if source.bom and not data.startswith(codecs.BOM_UTF8):
        data = codecs.BOM_UTF8 + data
    return data


def _inside(path: str, root: str) -> bool:
    real_root = os.path.realpath(root)
    try:
        return os.path.commonpath([path, real_root]) == real_root
    except ValueError:  # different drives
        return False


def _describe(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "read-only file system"
    return exc.strerror or str(exc)


def check_unchanged(source: SourceFile) -> None:
    """Raise :class:`WriteRefused` unless the file is still exactly what was read."""
    changed = f"{source.path}: changed since it was read; not written (run the fix again)"
    try:
        if os.path.realpath(source.path) != source.real_path:
            raise WriteRefused(f"{source.path}: the symlink now points elsewhere; not written")
        info = os.stat(source.real_path)
        identity = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        if identity != (source.st_dev, source.st_ino, source.st_size, source.st_mtime_ns):
            raise WriteRefused(changed)
        with open(source.real_path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
    except OSError as exc:
        raise WriteRefused(f"{source.path}: cannot check it before writing: {_describe(exc)}")
    if digest != source.sha256:
        raise WriteRefused(changed)


# Seams for tests: the steps between which a failure (a kill, a full disk) is simulated.
def _fsync(fd: int) -> None:
    os.fsync(fd)


def _replace(src: str, dst: str) -> None:
    os.replace(src, dst)


class PendingWrite:
    """A temporary file holding the new content, ready to replace the original."""

    def __init__(self, source: SourceFile, temp_path: str) -> None:
        self.source = source
        self.temp_path: Optional[str] = temp_path

    def commit(self) -> None:
        """Replace the original (if it is unchanged since it was read); else refuse."""
        if self.temp_path is None:
            raise WriteRefused(f"{self.source.path}: this write was already finished")
        try:
            check_unchanged(self.source)
            try:
                _replace(self.temp_path, self.source.real_path)
            except OSError as exc:
                raise WriteRefused(
                    f"{self.source.path}: cannot replace the file: {_describe(exc)}"
                ) from None
            self.temp_path = None
            _sync_folder(os.path.dirname(self.source.real_path))
        finally:
            self.abort()

    def abort(self) -> None:
        """Remove the temporary file (the original is untouched)."""
        if self.temp_path is not None:
            try:
                os.unlink(self.temp_path)
            except OSError:
                pass
            self.temp_path = None


def _sync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def check_writable(source: SourceFile, allowed_root: str) -> os.stat_result:
    """Raise :class:`WriteRefused` if ``source`` may not be replaced (symlink out of the tree,
    read-only, hard links, changed since read); return its current ``os.stat``."""
    real = source.real_path
    if not _inside(real, allowed_root):
        if source.is_symlink or real != os.path.abspath(source.path):
            raise WriteRefused(
                f"{source.path}: a symlink to {real}, outside the tree being fixed "
                f"({allowed_root}); not written"
            )
        raise WriteRefused(f"{source.path}: outside the tree being fixed ({allowed_root})")
    check_unchanged(source)
    try:
        info = os.stat(real)
    except OSError as exc:
        raise WriteRefused(f"{source.path}: cannot check it before writing: {_describe(exc)}")
    if not os.access(real, os.W_OK) or not info.st_mode & 0o222:
        # No write bit at all means read-only even to root, who may write anything.
        raise WriteRefused(f"{source.path}: the file is read-only; not written")
    if info.st_nlink > 1:
        raise WriteRefused(
            f"{source.path}: the file has {info.st_nlink} hard links, which replacing it "
            "would separate; not written"
        )
    return info


def prepare_write(source: SourceFile, new_text: str, allowed_root: str) -> PendingWrite:
    """Check that ``source`` may be rewritten and write its new content to a temporary file
    beside it; raises :class:`WriteRefused` (nothing left behind) if it may not or cannot."""
    data = encode_text(source, new_text)
    info = check_writable(source, allowed_root)
    real = source.real_path
    folder = os.path.dirname(real)
    try:
        fd, temp_path = tempfile.mkstemp(
            prefix=f".{os.path.basename(real)}.", suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as exc:
        raise WriteRefused(
            f"{source.path}: cannot create a temporary file in {folder}: {_describe(exc)}"
        ) from None
    pending = PendingWrite(source, temp_path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            _fsync(handle.fileno())
            os.fchmod(handle.fileno(), stat.S_IMODE(info.st_mode))
            if hasattr(os, "fchown") and (info.st_uid, info.st_gid) != (
                os.getuid(), os.getgid()
            ):
                try:
                    os.fchown(handle.fileno(), info.st_uid, info.st_gid)
                except OSError:
                    pass  # only root may give a file away; keep what we can
    except OSError as exc:
        pending.abort()
        raise WriteRefused(f"{source.path}: cannot write: {_describe(exc)}") from None
    except BaseException:
        pending.abort()
        raise
    return pending


def write_source(source: SourceFile, new_text: str, allowed_root: str) -> None:
    """Write ``new_text`` over the file ``source`` was read from, atomically, in the file's
    own encoding and line endings; raises :class:`WriteRefused` and leaves the file as it
    was if it cannot or may not (see the module's documentation)."""
    pending = prepare_write(source, new_text, allowed_root)
    try:
        pending.commit()
    finally:
        pending.abort()
