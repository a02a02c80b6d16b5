"""Cached findings of whole files (``resultcache``): used only while everything they were made
from holds.

Each test lints a small project twice with the command, in this process, forgetting all
in-memory state in between (as a new process starts), and counts the files analysed.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from agn_harness import write_files
from flake8_asyncgen import analyzer, cli
from flake8_asyncgen import cache as cache_module
from flake8_asyncgen import project as project_module
from flake8_asyncgen.cache import DiskCache
from flake8_asyncgen.resultcache import (
    ORIGIN, ChainChecker, CachedFinding, FixOffer, Journal, decode_entry, encode_entry,
)

LIB_CORO = """\
async def fetch():
    return 1
"""
LIB_AGEN = """\
async def fetch():
    yield 1
"""
USE = """\
from pkg.lib import fetch


async def main():
    async for item in fetch():
        print(item)
"""


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> List[str]:
    """The files analysed (not answered from the cache), in order."""
    seen: List[str] = []
    real = analyzer._analyse

    def counting(tree: Any, lines: Any, filename: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(os.path.basename(filename))
        return real(tree, lines, filename, *args, **kwargs)

    monkeypatch.setattr(analyzer, "_analyse", counting)
    return seen


def lint(
    folder: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> Tuple[int, List[str]]:
    """A fresh run of the command on ``pkg`` (exit status, reported lines)."""
    project_module.forget_all()
    analyzer._ENVIRONMENTS.clear()
    status = cli.main(["-j", "1", "--agn-cache-dir", str(folder / "cache"), *extra, "pkg"])
    out = capsys.readouterr().out
    return status, sorted(line for line in out.splitlines() if line.startswith("pkg"))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"pkg/__init__.py": "", "pkg/lib.py": LIB_CORO, "pkg/use.py": USE})
    return tmp_path


def test_an_unchanged_project_is_answered_from_the_cache(
    folder: Path, capsys: pytest.CaptureFixture[str], analysed: List[str]
) -> None:
    cold = lint(folder, capsys)
    assert cold[0] == 1 and [line.split()[1] for line in cold[1]] == ["AGN201"]
    assert sorted(analysed) == ["__init__.py", "lib.py", "use.py"]
    analysed.clear()
    assert lint(folder, capsys) == cold
    assert analysed == []


def test_files_flake8_decodes_do_not_spoil_later_entries(
    folder: Path, capsys: pytest.CaptureFixture[str], analysed: List[str]
) -> None:
    # A coding cookie, a BOM, CRLF endings: the linted text is not the file's bytes, but it
    # is what reading them gives, so the facts of later files still count as unchanged.
    (folder / "pkg" / "a_latin.py").write_bytes(
        b"# -*- coding: latin-1 -*-\nNAME = '\xe9t\xe9'\n")
    (folder / "pkg" / "b_bom.py").write_bytes(b"\xef\xbb\xbfX = 1\n")
    (folder / "pkg" / "c_crlf.py").write_bytes(b"import pkg.lib\r\nY = 2\r\n")
    cold = lint(folder, capsys)
    assert len(analysed) == 6
    analysed.clear()
    assert lint(folder, capsys) == cold
    assert analysed == []


def test_a_changed_callee_is_noticed_even_with_the_same_size_and_mtime(
    folder: Path, capsys: pytest.CaptureFixture[str], analysed: List[str]
) -> None:
    cold = lint(folder, capsys)
    lib = folder / "pkg" / "lib.py"
    before = lib.stat()
    lib.write_text(LIB_CORO.replace("return 1", "yield 1"))  # one byte shorter
    lib.write_text(LIB_AGEN + " " * (before.st_size - len(LIB_AGEN)))
    os.utime(lib, ns=(before.st_atime_ns, before.st_mtime_ns))
    analysed.clear()
    warm = lint(folder, capsys)
    assert warm != cold and warm[1] == []  # ``async for`` over an async generator: fine
    assert "use.py" in analysed


def test_a_module_that_appears_is_noticed(
    folder: Path, capsys: pytest.CaptureFixture[str], analysed: List[str]
) -> None:
    # ``pkg.helpers`` does not exist yet: what ``fetch`` is, is unknown, so nothing is said.
    (folder / "pkg" / "use.py").write_text(USE.replace("pkg.lib", "pkg.helpers"))
    assert lint(folder, capsys)[1] == []
    (folder / "pkg" / "helpers.py").write_text(LIB_CORO)
    analysed.clear()
    status, lines = lint(folder, capsys)
    assert status == 1 and [line.split()[1] for line in lines] == ["AGN201"]
    assert "use.py" in analysed


ANNOTATED_USE = """\
from pkg.lib import Service


async def main(svc: Service):
    async for item in svc.stream():
        print(item)
"""
SERVICE = """\
class Service:
    async def stream(self):
        return 1
"""
OVERRIDE = """\
from pkg.lib import Service


class Fast(Service):
    async def stream(self):
        yield 1
"""


def test_a_subclass_in_a_module_nobody_imports_is_noticed(
    folder: Path, capsys: pytest.CaptureFixture[str], analysed: List[str]
) -> None:
    # ``svc`` may be any subclass: found by the project's textual index, not by imports.
    write_files(folder, {"pkg/lib.py": SERVICE, "pkg/use.py": ANNOTATED_USE})
    status, lines = lint(folder, capsys)
    assert [line.split()[1] for line in lines] == ["AGN201"]
    write_files(folder, {"pkg/fast.py": OVERRIDE})
    analysed.clear()
    assert lint(folder, capsys)[1] == []  # an override disagrees: unknown
    assert sorted(analysed) == ["fast.py", "use.py"]  # the others never asked the index


def test_other_settings_are_other_entries(
    folder: Path, capsys: pytest.CaptureFixture[str], analysed: List[str]
) -> None:
    lint(folder, capsys)
    analysed.clear()
    lint(folder, capsys, "--agn-transparent-decorators", "functools.wraps")
    assert sorted(analysed) == ["__init__.py", "lib.py", "use.py"]


RETURNS_AGEN = """\
async def live(topic):
    yield topic


async def fetch(topic):
    return live(topic)
"""


def test_fixing_never_uses_cached_findings(
    folder: Path, capsys: pytest.CaptureFixture[str], analysed: List[str]
) -> None:
    write_files(folder, {"pkg/lib.py": RETURNS_AGEN, "pkg/use.py": ""})
    status, lines = lint(folder, capsys, "--show-fixes")
    assert [line.split()[1] for line in lines] == ["AGN101"] and "[unsafe fix]" in lines[0]
    analysed.clear()
    assert lint(folder, capsys, "--show-fixes") == (status, lines)  # the offer is kept
    assert analysed == []
    lint(folder, capsys, "--fix", "--unsafe-fixes")
    assert "lib.py" in analysed
    assert "return live(topic)" not in (folder / "pkg" / "lib.py").read_text()


# -- what is read back is untrusted ---------------------------------------------------------


def _entry(message: str, description: str = "x") -> Dict[str, Any]:
    finding = CachedFinding(1, 0, "AGN201", message, FixOffer(True, description))
    return encode_entry(ORIGIN, [finding], ["requests"])


def test_well_formed_entries_round_trip() -> None:
    entry = decode_entry(json.loads(json.dumps(_entry("AGN201 text"))))
    assert entry is not None and entry.findings[0].fix == FixOffer(True, "x")
    assert entry.not_installed == ["requests"]


@pytest.mark.parametrize("body", [
    _entry("AGN201 \x1b[31mred"),  # terminal control in a message
    _entry("AGN201 text", "two\nlines"),
    _entry("AGN999x text"),
    _entry("E501 text"),
    {**_entry("AGN201 text"), "journal": "../../etc"},
    {**_entry("AGN201 text"), "findings": [[1, -1, "AGN201", "AGN201 t", None, None]]},
    {**_entry("AGN201 text"), "findings": [[True, 0, "AGN201", "AGN201 t", None, None]]},
    {**_entry("AGN201 text"), "not_installed": ["a b"]},
    {"findings": []},
])
def test_malformed_entries_are_misses(body: Dict[str, Any]) -> None:
    assert decode_entry(body) is None


def test_a_chunk_not_named_by_its_content_is_refused(tmp_path: Path) -> None:
    cache = DiskCache(str(tmp_path / "c"))
    journal = Journal()
    journal.record("file", "/x.py", "d1")
    head = journal.head(cache)
    now = {("file", "/x.py"): "d1"}
    checker = ChainChecker(cache, lambda kind, key: now[(kind, key)])
    assert checker.holds(head)
    # Rewrite the chunk with other facts under the same name (checksum recomputed).
    cache.store(f"journal chunk\0{head}", head, {"previous": ORIGIN, "facts": []})
    assert not ChainChecker(cache, lambda kind, key: now[(kind, key)]).holds(head)


def test_a_fact_that_no_longer_holds_fails_its_chunk_and_every_later_one(tmp_path: Path) -> None:
    cache = DiskCache(str(tmp_path / "c"))
    journal = Journal()
    journal.record("file", "/a.py", "a1")
    first = journal.head(cache)
    journal.record("locate", "pkg.b", ["/b.py", "/"])
    second = journal.head(cache)
    journal.record("file", "/a.py", "ignored: recorded once")
    assert journal.head(cache) == second  # nothing new: no new chunk
    now: Dict[Tuple[str, str], Any] = {("file", "/a.py"): "a1", ("locate", "pkg.b"): None}
    checker = ChainChecker(cache, lambda kind, key: now[(kind, key)])
    assert checker.holds(first) and not checker.holds(second)
    assert not ChainChecker(cache, lambda kind, key: now[(kind, key)]).holds("f" * 40)


class _Clock:
    """Stands for the ``time`` module inside ``flake8_asyncgen.cache``."""

    def __init__(self, now: float) -> None:
        self.now = now

    def time(self) -> float:
        return self.now

    def time_ns(self) -> int:
        return int(self.now * 1e9)


def test_old_chunks_expire_once_a_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "c"
    now = time.time()
    clock = _Clock(now - 30 * 24 * 3600)  # a month ago
    monkeypatch.setattr(cache_module, "time", clock)
    cache = DiskCache(str(folder))
    journal = Journal()
    journal.record("file", "/old.py", "d")
    old = journal.head(cache)
    journal.record("file", "/new.py", "d")
    new = journal.head(cache)
    cache.store("/m.py\0m", "digest", {"a": 1})  # a module summary: never expires
    cache.flush()
    clock.now = now - 3600
    again = Journal()
    again.record("file", "/old.py", "d")
    assert again.head(DiskCache(str(folder))) == old  # stored again an hour ago
    cache_module.flush_all()
    (folder / ".tmp-1-dead").write_bytes(b"half")  # a crashed writer's
    month = now - 30 * 24 * 3600
    for path in folder.iterdir():
        if path.name != ".gitignore":
            os.utime(path, (month, month))
    clock.now = now
    cache = DiskCache(str(folder))
    cache.prune(now)
    packs = sorted(p.name for p in folder.iterdir() if p.name.startswith("pack-"))
    assert len(packs) == 1  # merged
    assert not (folder / ".tmp-1-dead").exists()
    # The chain whose newer chunk expired is a miss; the one stored again still holds.
    checker = ChainChecker(DiskCache(str(folder)), lambda kind, key: "d")
    assert checker.holds(old) and not checker.holds(new)
    assert DiskCache(str(folder)).load("/m.py\0m", "digest") == {"a": 1}
    # Pruned less than a day ago: nothing is looked at.
    clock.now = now + 15 * 24 * 3600
    cache = DiskCache(str(folder))
    cache.prune(now + 3600)
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("pack-")) == packs
    cache.prune(now + 15 * 24 * 3600)
    fresh = DiskCache(str(folder))
    assert not ChainChecker(fresh, lambda kind, key: "d").holds(old)
    assert fresh.load("/m.py\0m", "digest") == {"a": 1}


def test_a_damaged_chunk_is_written_again(tmp_path: Path) -> None:
    cache = DiskCache(str(tmp_path / "c"))
    journal = Journal()
    journal.record("file", "/x.py", "d1")
    head = journal.head(cache)
    cache.store(f"journal chunk\0{head}", head, {"previous": ORIGIN, "facts": []})  # forged
    assert not ChainChecker(cache, lambda kind, key: "d1").holds(head)
    again = Journal()
    again.record("file", "/x.py", "d1")
    assert again.head(cache) == head
    assert ChainChecker(cache, lambda kind, key: "d1").holds(head)
