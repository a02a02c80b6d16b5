"""textfile: a user's file is read as flake8 reads it and written back without loss."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import List

import pytest

from flake8_asyncgen import textfile
from flake8_asyncgen.textfile import (
    ReadFailed,
    WriteRefused,
    prepare_write,
    read_source,
    write_source,
)


def _temps(folder: Path) -> List[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(textfile.TEMP_SUFFIX)]


def _edit(text: str) -> str:
    """A typical fix: change one line and add one."""
    return text.replace("return agen()", "async for x in agen():\n        yield x")


SOURCE = "async def agen():\n    yield 1\n\n\nasync def coro():\n    return agen()\n"
FIXED = _edit(SOURCE)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_round_trip(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "m.py"
    path.write_bytes(SOURCE.replace("\n", newline).encode())
    source = read_source(str(path))
    assert source.text == SOURCE  # as flake8 sees it
    assert source.newline == newline and source.final_newline
    write_source(source, FIXED, str(tmp_path))
    assert path.read_bytes() == FIXED.replace("\n", newline).encode()
    # unchanged text: byte for byte the same file
    write_source(read_source(str(path)), FIXED, str(tmp_path))
    assert path.read_bytes() == FIXED.replace("\n", newline).encode()


def test_mixed_line_endings_keep_each_lines_own(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    original = b"async def agen():\r\n    yield 1\n\n\rasync def coro():\r\n    return agen()\n"
    path.write_bytes(original)
    source = read_source(str(path))
    assert source.newline is None
    assert source.line_endings == ("\r\n", "\n", "\n", "\r", "\r\n", "\n")
    assert source.text == SOURCE
    write_source(source, FIXED, str(tmp_path))
    assert path.read_bytes() == (
        b"async def agen():\r\n    yield 1\n\n\rasync def coro():\r\n"
        b"    async for x in agen():\n        yield x\n"
    )


def test_no_final_newline_kept(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_bytes(SOURCE.rstrip("\n").replace("\n", "\r\n").encode())
    source = read_source(str(path))
    assert not source.final_newline
    write_source(source, FIXED.rstrip("\n"), str(tmp_path))
    assert path.read_bytes() == FIXED.rstrip("\n").replace("\n", "\r\n").encode()


def test_latin1_cookie_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    text = "# -*- coding: latin-1 -*-\n# caf\u00e9\n" + SOURCE
    path.write_bytes(text.encode("latin-1"))
    source = read_source(str(path))
    assert source.encoding == "iso-8859-1" and "caf\u00e9" in source.text
    write_source(source, _edit(source.text), str(tmp_path))
    assert path.read_bytes() == _edit(text).encode("latin-1")


def test_latin1_refuses_unencodable_text(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_bytes(b"# -*- coding: latin-1 -*-\nx = 1\n")
    source = read_source(str(path))
    with pytest.raises(WriteRefused, match="encoding"):
        write_source(source, "# -*- coding: latin-1 -*-\nx = '\u20ac'\n", str(tmp_path))
    assert path.read_bytes() == b"# -*- coding: latin-1 -*-\nx = 1\n"
    assert _temps(tmp_path) == []


def test_bom_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_bytes(b"\xef\xbb\xbf" + SOURCE.replace("\n", "\r\n").encode())
    source = read_source(str(path))
    assert source.bom and not source.text.startswith("\ufeff")
    write_source(source, FIXED, str(tmp_path))
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()


def test_identity_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(SOURCE)
    source = read_source(str(path))
    info = os.stat(path)
    assert (source.st_ino, source.st_dev, source.st_size, source.st_mtime_ns) == (
        info.st_ino, info.st_dev, info.st_size, info.st_mtime_ns
    )
    import hashlib

    assert source.sha256 == hashlib.sha256(SOURCE.encode()).hexdigest()


def test_mode_bits_kept(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(SOURCE)
    os.chmod(path, 0o751)
    write_source(read_source(str(path)), FIXED, str(tmp_path))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o751
    assert path.read_text() == FIXED


def test_failure_between_temp_write_and_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.py"
    path.write_text(SOURCE)
    source = read_source(str(path))

    def killed(src: str, dst: str) -> None:
        assert Path(src).read_text() == FIXED  # the temporary file was complete
        raise KeyboardInterrupt  # as a Ctrl-C or a kill would stop the process here

    monkeypatch.setattr(textfile, "_replace", killed)
    with pytest.raises(KeyboardInterrupt):
        write_source(source, FIXED, str(tmp_path))
    assert path.read_text() == SOURCE
    assert _temps(tmp_path) == []


def test_sigkill_during_write_leaves_original(tmp_path: Path) -> None:
    """A real kill -9 after the temporary file is written: the original is intact (the
    temporary file, recognisable by its suffix, may remain)."""
    path = tmp_path / "m.py"
    path.write_text(SOURCE)
    script = textwrap.dedent(f"""
        import sys, time
        from flake8_asyncgen import textfile
        def stall(src, dst):
            print("ready", flush=True)
            time.sleep(60)
        textfile._replace = stall
        source = textfile.read_source({str(path)!r})
        textfile.write_source(source, {FIXED!r}, {str(tmp_path)!r})
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert path.read_text() == SOURCE
    assert all(name.startswith(".m.py.") for name in _temps(tmp_path))


def test_disk_full_is_a_clear_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.py"
    path.write_text(SOURCE)
    source = read_source(str(path))

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(textfile, "_fsync", full)
    with pytest.raises(WriteRefused, match="no space left"):
        write_source(source, FIXED, str(tmp_path))
    assert path.read_text() == SOURCE
    assert _temps(tmp_path) == []


def test_concurrent_edit_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(SOURCE)
    source = read_source(str(path))
    path.write_text(SOURCE + "# the user's edit\n")
    with pytest.raises(WriteRefused, match="changed since it was read"):
        write_source(source, FIXED, str(tmp_path))
    assert path.read_text().endswith("# the user's edit\n")
    assert _temps(tmp_path) == []


def test_edit_with_same_size_and_mtime_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(SOURCE)
    source = read_source(str(path))
    info = os.stat(path)
    with open(path, "r+b") as handle:  # same inode, same size
        handle.write(b"#")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    with pytest.raises(WriteRefused, match="changed since"):
        write_source(source, FIXED, str(tmp_path))
    assert path.read_bytes().startswith(b"#")


def test_edit_between_prepare_and_commit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(SOURCE)
    pending = prepare_write(read_source(str(path)), FIXED, str(tmp_path))
    path.write_text("# edited meanwhile\n")
    with pytest.raises(WriteRefused, match="changed since"):
        pending.commit()
    assert path.read_text() == "# edited meanwhile\n"
    assert _temps(tmp_path) == []


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(SOURCE)
    os.chmod(path, 0o444)
    with pytest.raises(WriteRefused, match="read-only"):
        write_source(read_source(str(path)), FIXED, str(tmp_path))
    assert path.read_text() == SOURCE


def test_unwritable_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.py"
    path.write_text(SOURCE)

    def denied(**kwargs: str) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", denied)  # as a folder mode 0555 would
    with pytest.raises(WriteRefused, match="cannot create a temporary file.*permission denied"):
        write_source(read_source(str(path)), FIXED, str(tmp_path))
    assert path.read_text() == SOURCE


def test_symlink_inside_tree_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.py"
    real.write_text(SOURCE)
    link = tmp_path / "pkg" / "link.py"
    link.parent.mkdir()
    link.symlink_to(real)
    write_source(read_source(str(link)), FIXED, str(tmp_path))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == FIXED


def test_symlink_out_of_tree_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    tree = tmp_path / "tree"
    outside.mkdir()
    tree.mkdir()
    real = outside / "real.py"
    real.write_text(SOURCE)
    link = tree / "link.py"
    link.symlink_to(real)
    with pytest.raises(WriteRefused, match="outside the tree"):
        write_source(read_source(str(link)), FIXED, str(tree))
    assert link.is_symlink() and real.read_text() == SOURCE
    assert _temps(outside) == [] and _temps(tree) == []


def test_hard_link_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(SOURCE)
    os.link(path, tmp_path / "other.py")
    with pytest.raises(WriteRefused, match="hard links"):
        write_source(read_source(str(path)), FIXED, str(tmp_path))
    assert (tmp_path / "other.py").read_text() == SOURCE


def test_read_failures_are_reasons(tmp_path: Path) -> None:
    with pytest.raises(ReadFailed, match="cannot read"):
        read_source(str(tmp_path / "missing.py"))
    bad = tmp_path / "bad.py"
    bad.write_bytes(b"x = '\xff'\n")
    with pytest.raises(ReadFailed, match="cannot decode"):
        read_source(str(bad))
    with pytest.raises(ReadFailed):
        read_source(str(tmp_path))
    os.mkfifo(tmp_path / "fifo.py")
    with pytest.raises(ReadFailed, match="not a regular file"):
        read_source(str(tmp_path / "fifo.py"))  # at once: no wait for a writer


def test_lines_split_like_flake8(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_bytes(b"x = 1  # form\x0cfeed\r\ny = 2\r\n")
    source = read_source(str(path))
    assert source.lines == ["x = 1  # form\x0cfeed\n", "y = 2\n"]
