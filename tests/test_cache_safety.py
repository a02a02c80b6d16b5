"""The summary cache is untrusted input (issue 12, part 3).

Whatever sits in the cache folder — a FIFO, a symlink to ``/dev/zero``, a huge or deeply
nested entry, a forged entry with a valid checksum, a symlinked folder — flake8 must neither
hang, nor crash, nor print AGN900, nor write outside the folder.  Entries are keyed on the
module file's content, so a cache written for one checkout is used by a fresh identical one.

Everything here writes only below pytest's tmp folders.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from flake8_asyncgen import cache as cache_module
from flake8_asyncgen import facts as facts_module
from flake8_asyncgen import project as project_module
from flake8_asyncgen.cache import MAX_JSON_DEPTH, DiskCache, too_deep
from flake8_asyncgen.cachepack import END, PackEntry, entry_record, record

HERE = Path(__file__).resolve().parent
XMOD = HERE / "cases" / "xmod_instances"
CALLEE = Path("app") / "services" / "codex_llm.py"
CALLER = Path("app") / "api" / "chat.py"
CALLEE_MODULE = "app.services.codex_llm"

SUMMARY = {"v": 0, "scopes": [{"k": "m", "p": -1, "b": {"x": ["?"]}}], "s": "[x]\\\"{"}
KEY = "/project/app/lib.py\0app.lib"
DIGEST = hashlib.sha256(b"async def f(): yield 1\n").hexdigest()

FUZZ_COUNT = int(os.environ.get("AGN_CACHE_FUZZ_COUNT", "1500"))
FUZZ_SEED = 12


# -- helpers -------------------------------------------------------------------------------


def packs(directory: Path) -> List[Path]:
    return sorted(directory.glob("pack-*.agnpack"))


def only_pack(directory: Path) -> Path:
    found = packs(directory)
    assert len(found) == 1, found
    return found[0]


def write_pack(
    directory: Path, rows: List[Tuple[str, str, bytes]], header: Any = None,
    name: str = "pack-" + "0" * 20 + ".agnpack", close: bool = True,
) -> Path:
    """A pack with a correct header and checksums around any bodies (a forger can do this)."""
    data = record(DiskCache._expected() if header is None else header)
    for key, digest, body in rows:
        entry = PackEntry(key, digest, hashlib.sha256(body).hexdigest(), 0, len(body),
                          int(time.time()))
        data += entry_record(entry, body)
    path = directory / name
    path.write_bytes(data + (record(END) if close else b""))
    return path


def closed(path: Path) -> bool:
    """Whether the pack ends with the closing record (its writer appends nothing more)."""
    return path.read_bytes().endswith(record(END))


def write_entry(directory: Path, key: str, digest: str, body: bytes) -> Path:
    """The folder's only pack: one entry of any body, with a correct index and checksum."""
    for old in packs(directory):
        old.unlink()
    return write_pack(directory, [(key, digest, body)])


def flake8(
    args: List[str], cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "AGN", *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "AGN900" not in result.stdout, result.stdout
    return result


def copy_project(target: Path) -> Path:
    shutil.copytree(XMOD, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def callee_key(folder: Path) -> Tuple[str, str]:
    """The cache key and content digest the plugin uses for the imported module."""
    path = os.path.realpath(folder / CALLEE)
    return f"{path}\0{CALLEE_MODULE}", hashlib.sha256(Path(path).read_bytes()).hexdigest()


def tree_state(folder: Path) -> Dict[str, Tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def fresh_memory(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No summaries remembered from other tests of this process."""
    monkeypatch.setattr(project_module, "_BY_PATH", {})
    monkeypatch.setattr(project_module, "_PROJECTS", {})
    yield
    for known in project_module._PROJECTS.values():
        if known.cache is not None:
            known.cache.close()


def lint_in_process(folder: Path, cache_dir: Optional[Path]) -> List[str]:
    """The caller's findings as "line:message", run as flake8 would, in this process."""
    from agn_harness import configure, lint_file

    for known in project_module._PROJECTS.values():
        if known.cache is not None:
            known.cache.close()
    project_module.forget_all()  # as a new process would start
    configure(cache_dir=str(cache_dir) if cache_dir else None)
    try:
        return [f"{line}:{message}" for line, _, message in lint_file(folder / CALLER)]
    finally:
        configure()
        cache_module.flush_all()  # as the process would at its end


# -- entries: only regular files, bounded reads ---------------------------------------------


def test_store_then_load_round_trips_and_checks_key_and_digest(tmp_path: Path) -> None:
    cache = DiskCache(str(tmp_path / "c"))
    assert not cache.has(KEY) and cache.load(KEY, DIGEST) is None
    cache.store(KEY, DIGEST, SUMMARY)
    assert cache.has(KEY)
    assert cache.load(KEY, DIGEST) == SUMMARY
    other = DiskCache(str(tmp_path / "c"))
    assert other.has(KEY)  # another process sees it at once: the pack is read as it grows
    cache.flush()
    for reader in (cache, other, DiskCache(str(tmp_path / "c"))):
        assert reader.has(KEY) and reader.load(KEY, DIGEST) == SUMMARY
        assert reader.load(KEY, "0" * 64) is None  # the file's content changed
        assert reader.load(KEY + "x", DIGEST) is None
    assert (tmp_path / "c" / ".gitignore").read_text().splitlines()[-1] == "*"
    names = sorted(p.name for p in (tmp_path / "c").iterdir())
    # No temporaries left (``.pruned``: when old journal chunks were last deleted).
    assert names == [".gitignore", ".pruned", only_pack(tmp_path / "c").name]
    assert stat.S_IMODE(only_pack(tmp_path / "c").stat().st_mode) == 0o600
    # A newer entry for the same key wins; a process's entries share one pack.
    cache.store(KEY, DIGEST, {"newer": 1})
    cache.store(KEY + "2", DIGEST, SUMMARY)
    cache.close()
    assert len(packs(tmp_path / "c")) == 2
    assert DiskCache(str(tmp_path / "c")).load(KEY, DIGEST) == {"newer": 1}


def test_an_entry_that_cannot_be_encoded_keeps_the_others(tmp_path: Path) -> None:
    cache = DiskCache(str(tmp_path))
    cache.store(KEY, DIGEST, SUMMARY)
    cache.store(KEY + "x", DIGEST, {"not JSON": object()})
    cache.close()
    reader = DiskCache(str(tmp_path))
    assert reader.load(KEY, DIGEST) == SUMMARY and not reader.has(KEY + "x")


def test_packs_larger_than_the_read_window_are_read_whole(tmp_path: Path) -> None:
    cache = DiskCache(str(tmp_path))
    bodies = {f"{KEY}{n}": {"n": n, "pad": "x" * (7_000 if n % 9 else 300_000)}
              for n in range(60)}
    for key, body in bodies.items():
        cache.store(key, DIGEST, body)
    cache.close()
    reader = DiskCache(str(tmp_path))
    assert all(reader.load(key, DIGEST) == body for key, body in bodies.items())


def test_many_packs_are_merged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "MAX_PACKS", 3)
    folder = tmp_path / "c"
    for number in range(5):
        cache = DiskCache(str(folder))
        cache.store(KEY, DIGEST, {"run": number})
        cache.store(f"{KEY}{number}", DIGEST, SUMMARY)
        cache.close()
        assert len(packs(folder)) <= 3
    reader = DiskCache(str(folder))
    assert reader.load(KEY, DIGEST) == {"run": 4}
    assert all(reader.load(f"{KEY}{number}", DIGEST) == SUMMARY for number in range(5))
    assert not [p for p in folder.iterdir() if p.name.startswith(".tmp-")]


def test_a_pack_written_mid_run_is_seen_on_a_miss(tmp_path: Path) -> None:
    reader = DiskCache(str(tmp_path))
    assert reader.load(KEY, DIGEST) is None
    writer = DiskCache(str(tmp_path))
    writer.store(KEY, DIGEST, SUMMARY)
    writer.flush()
    assert reader.load(KEY, DIGEST) == SUMMARY


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_writes_its_own_pack(tmp_path: Path) -> None:
    cache = DiskCache(str(tmp_path))
    cache.store(KEY, DIGEST, SUMMARY)  # the parent's pack, still open
    parent_pack = only_pack(tmp_path)
    pid = os.fork()
    if pid == 0:  # the child: reads what the parent stored, writes and closes its own pack
        code = 0 if cache.load(KEY, DIGEST) == SUMMARY else 1
        cache.store(KEY + "child", DIGEST, SUMMARY)
        cache_module.flush_all()
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    child_pack = [p for p in packs(tmp_path) if p != parent_pack]
    assert len(child_pack) == 1 and closed(child_pack[0]) and not closed(parent_pack)
    cache.close()
    assert closed(parent_pack)
    reader = DiskCache(str(tmp_path))
    assert reader.load(KEY, DIGEST) == SUMMARY and reader.load(KEY + "child", DIGEST) == SUMMARY


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_pack_does_not_block(tmp_path: Path) -> None:
    cache = DiskCache(str(tmp_path))
    os.mkfifo(tmp_path / ("pack-" + "1" * 20 + ".agnpack"))
    outcome: Dict[str, Any] = {}
    worker = threading.Thread(target=lambda: outcome.update(value=cache.load(KEY, DIGEST)))
    worker.daemon = True
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "reading a FIFO pack blocked"
    assert outcome == {"value": None}
    # And writing still works, beside it.
    cache.store(KEY, DIGEST, SUMMARY)
    cache.close()
    assert DiskCache(str(tmp_path)).load(KEY, DIGEST) == SUMMARY


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_symlink_packs_are_not_followed(tmp_path: Path) -> None:
    directory = tmp_path / "c"
    cache = DiskCache(str(directory))
    cache.store(KEY, DIGEST, SUMMARY)
    cache.close()
    real = only_pack(directory)
    outside = tmp_path / "outside.agnpack"
    real.rename(outside)
    # A symlink to a valid pack is not read, nor is one to /dev/zero (which would never end).
    for target in (str(outside), "/dev/zero"):
        real.symlink_to(target)
        started = time.monotonic()
        assert DiskCache(str(directory)).load(KEY, DIGEST) is None
        assert time.monotonic() - started < 5
        real.unlink()
    # Writing never writes through the symlink.
    real.symlink_to(outside)
    before = outside.read_bytes()
    cache = DiskCache(str(directory))
    cache.store(KEY, DIGEST, {"other": 1})
    cache.close()
    assert outside.read_bytes() == before and real.is_symlink()
    assert DiskCache(str(directory)).load(KEY, DIGEST) == {"other": 1}


def test_directory_at_a_pack_path_is_absent(tmp_path: Path) -> None:
    (tmp_path / ("pack-" + "2" * 20 + ".agnpack")).mkdir()
    cache = DiskCache(str(tmp_path))
    assert cache.load(KEY, DIGEST) is None
    cache.store(KEY, DIGEST, SUMMARY)
    cache.close()
    assert DiskCache(str(tmp_path)).load(KEY, DIGEST) == SUMMARY


def test_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = DiskCache(str(tmp_path))
    cache.store(KEY, DIGEST, SUMMARY)
    cache.close()
    size = len(json.dumps(SUMMARY, separators=(",", ":")))
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", size)
    assert DiskCache(str(tmp_path)).load(KEY, DIGEST) == SUMMARY
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", size - 1)
    assert DiskCache(str(tmp_path)).load(KEY, DIGEST) is None
    # A summary too large to be read back is not written.
    cache = DiskCache(str(tmp_path))
    cache.store(KEY + "big", DIGEST, {"x": "y" * size})
    assert not cache.has(KEY + "big")


def test_huge_entry_costs_bounded_memory_and_time(tmp_path: Path) -> None:
    body = b'{"x":"' + b"a" * (cache_module.MAX_ENTRY_BYTES + 10) + b'"}'
    write_entry(tmp_path, KEY, DIGEST, body)
    started = time.monotonic()
    assert DiskCache(str(tmp_path)).load(KEY, DIGEST) is None
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        b"[" * 100_000,  # unterminated
        b'["\\"",' + b"[" * 5_000 + b"]" * 5_000 + b"]",  # escapes: the slower path
        b"[1, 2, 3]",  # not an object
        b'"a string"',
        b"null",
        b"\xff\xfe not utf-8",
        b"{" + b'"k": 1, ' * 10 + b"}",  # malformed
    ],
    ids=["deep-array", "deep-object", "deep-unterminated", "deep-escaped", "list", "string",
         "null", "bad-utf8", "malformed"],
)
def test_deep_or_non_object_bodies_are_absent(tmp_path: Path, body: bytes) -> None:
    write_entry(tmp_path, KEY, DIGEST, body)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200_000)  # as in the plugin's deep-code retry: no RecursionError
    try:
        assert DiskCache(str(tmp_path)).load(KEY, DIGEST) is None
    finally:
        sys.setrecursionlimit(limit)


@pytest.mark.parametrize(
    "header",
    [
        # another plugin version, cache format or summary schema
        {**DiskCache._expected(), "version": "0.1.0"},
        {**DiskCache._expected(), "format": 2},
        {**DiskCache._expected(), "schema": -1},
        {**DiskCache._expected(), "facts": "another build"},
        {**DiskCache._expected(), "extra": 1},
        "not a dict",
        {"nested": [[[[]]]]},
    ],
)
def test_foreign_headers_are_absent(tmp_path: Path, header: Any) -> None:
    write_pack(tmp_path, [(KEY, DIGEST, json.dumps(SUMMARY).encode())], header)
    assert DiskCache(str(tmp_path)).load(KEY, DIGEST) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"AGN0" + data[4:],  # not a pack
        lambda data: data[:6] + b"\xff\xff" + data[8:],  # a header longer than allowed
        lambda data: data.replace(b'"tool":"flake8-asyncgen"', b'"tool":"flake8-asyncgeN"'),
        lambda data: data.replace(b'"/project', b'["/project', 1),  # malformed meta
        lambda data: data[:-30],  # the entry is not written yet: cut short
    ],
    ids=["magic", "huge-header", "tool", "meta-json", "cut-short"],
)
def test_malformed_packs_are_absent(tmp_path: Path, damage: Any) -> None:
    path = write_pack(tmp_path, [(KEY, DIGEST, json.dumps(SUMMARY).encode())], close=False)
    path.write_bytes(damage(path.read_bytes()))
    assert DiskCache(str(tmp_path)).load(KEY, DIGEST) is None


def test_a_malformed_entry_meta_stops_the_pack_there(tmp_path: Path) -> None:
    body = json.dumps(SUMMARY).encode()
    check = hashlib.sha256(body).hexdigest()
    path = write_pack(tmp_path, [(KEY, DIGEST, body)], close=False)
    good = PackEntry(KEY + "after", DIGEST, check, 0, len(body), 1)
    with open(path, "ab") as handle:
        handle.write(record([1, DIGEST, check, 1], body) + entry_record(good, body))
    cache = DiskCache(str(tmp_path))
    assert cache.load(KEY, DIGEST) == SUMMARY and cache.load(KEY + "after", DIGEST) is None


def test_a_pack_without_its_header_is_waited_for_then_refused(tmp_path: Path) -> None:
    path = tmp_path / ("pack-" + "4" * 20 + ".agnpack")
    path.write_bytes(b"AGN")  # its header not written yet
    cache = DiskCache(str(tmp_path))
    assert cache.load(KEY, DIGEST) is None and path.name not in cache._refused
    old = time.time() - 3600
    os.utime(path, (old, old))
    other = DiskCache(str(tmp_path))
    assert other.load(KEY, DIGEST) is None and path.name in other._refused


def test_an_entry_too_large_stops_the_pack_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = json.dumps(SUMMARY).encode()
    big = b'{"x":"' + b"y" * 500 + b'"}'
    write_pack(tmp_path, [(KEY, DIGEST, small), (KEY + "big", DIGEST, big),
                          (KEY + "after", DIGEST, small)])
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", len(small))
    cache = DiskCache(str(tmp_path))
    assert cache.load(KEY, DIGEST) == SUMMARY
    assert cache.load(KEY + "big", DIGEST) is None and cache.load(KEY + "after", DIGEST) is None


def test_a_pack_being_written_is_read_as_it_grows(tmp_path: Path) -> None:
    writer = DiskCache(str(tmp_path))
    reader = DiskCache(str(tmp_path))
    writer.store(KEY, DIGEST, SUMMARY)
    assert reader.load(KEY, DIGEST) == SUMMARY  # not closed yet: read all the same
    writer.store(KEY + "2", DIGEST, {"second": 1})
    assert reader.load(KEY + "2", DIGEST) == {"second": 1}  # appended since the last read
    # A record whose end is not written yet is not there yet, and is read once it is.
    path = only_pack(tmp_path)
    body = b'{"third":1}'
    whole = entry_record(PackEntry(KEY + "3", DIGEST, hashlib.sha256(body).hexdigest(), 0,
                                   len(body), 1), body)
    with open(path, "ab") as handle:
        handle.write(whole[:-3])
    other = DiskCache(str(tmp_path))
    assert other.load(KEY + "3", DIGEST) is None
    with open(path, "ab") as handle:
        handle.write(whole[-3:])
    assert other.load(KEY + "3", DIGEST) == {"third": 1}


def test_files_of_the_older_layout_are_ignored(tmp_path: Path) -> None:
    # Format 2: one file per entry, a header line then the body.
    body = json.dumps(SUMMARY).encode()
    header = {"tool": "flake8-asyncgen", "format": 2, "key": KEY, "sha256": DIGEST,
              "check": hashlib.sha256(body).hexdigest()}
    (tmp_path / (hashlib.sha256(KEY.encode()).hexdigest()[:40] + ".json")).write_bytes(
        json.dumps(header).encode() + b"\n" + body)
    assert DiskCache(str(tmp_path)).load(KEY, DIGEST) is None


def test_checksum_detects_damage(tmp_path: Path) -> None:
    cache = DiskCache(str(tmp_path))
    cache.store(KEY, DIGEST, SUMMARY)
    cache.close()
    path = only_pack(tmp_path)
    path.write_bytes(path.read_bytes().replace(b'"m"', b'"c"', 1))
    assert DiskCache(str(tmp_path)).load(KEY, DIGEST) is None


def test_too_deep_agrees_with_a_recursive_count() -> None:
    def depth(value: Any) -> int:
        if isinstance(value, list):
            return 1 + max((depth(v) for v in value), default=0)
        if isinstance(value, dict):
            return 1 + max((depth(v) for v in value.values()), default=0)
        return 0

    rng = random.Random(3)
    leaves = ["a[", "]}", 'x"[', "{", "\\]", 1, None, "", '""', "\\", "]]]]"]

    def make(levels: int) -> Any:
        roll = rng.random()
        if levels <= 0 or roll < 0.3:
            return rng.choice(leaves)
        if roll < 0.65:
            return [make(levels - 1) for _ in range(rng.randint(0, 3))]
        return {rng.choice(["[", "k", ']"', "{}"]) + str(i): make(levels - 1)
                for i in range(rng.randint(0, 3))}

    for _ in range(3000):
        value = make(rng.randint(0, 30))
        text = json.dumps(value, ensure_ascii=rng.random() < 0.5).encode()
        actual = depth(value)
        for limit in (max(actual - 1, 0), actual, actual + 1):
            assert too_deep(text, limit) == (actual > limit), (text, limit)
    assert MAX_JSON_DEPTH >= 100


# -- writes: temporary file, replace ---------------------------------------------------------


def test_failed_write_keeps_the_old_entry_and_leaves_no_partial_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = DiskCache(str(tmp_path / "c"))
    cache.store(KEY, DIGEST, SUMMARY)
    cache.close()
    kept = only_pack(tmp_path / "c").name

    def disk_full(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache_module, "_write_at", disk_full)
    cache = DiskCache(str(tmp_path / "c"))
    cache.store(KEY, DIGEST, {"new": True})
    cache.flush()
    monkeypatch.undo()
    assert cache.load(KEY, DIGEST) == SUMMARY  # what could not be written is forgotten
    assert DiskCache(str(tmp_path / "c")).load(KEY, DIGEST) == SUMMARY
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == [".gitignore", ".pruned", kept]


# -- the folder: never followed out of the project ----------------------------------------


def test_symlinked_cache_folder_is_not_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("someone else's folder\n")
    link = tmp_path / "project" / ".agn_cache"
    link.parent.mkdir()
    link.symlink_to(outside, target_is_directory=True)
    cache = DiskCache(str(link))
    with caplog.at_level(logging.INFO, logger="flake8.asyncgen"):
        cache.store(KEY, DIGEST, SUMMARY)
        cache.store(KEY + "2", DIGEST, SUMMARY)
        assert cache.load(KEY, DIGEST) is None and not cache.has(KEY)
        DiskCache(str(link)).store(KEY, DIGEST, SUMMARY)  # another project object, same folder
    assert [p.name for p in outside.iterdir()] == ["keep.txt"]
    lines = [r.getMessage() for r in caplog.records if "cache disabled" in r.getMessage()]
    assert len(lines) == 1 and "symbolic link" in lines[0], lines


def test_symlinked_gitignore_disables_the_cache(tmp_path: Path) -> None:
    directory = tmp_path / "c"
    directory.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("not ours\n")
    (directory / ".gitignore").symlink_to(victim)
    cache = DiskCache(str(directory))
    cache.store(KEY, DIGEST, SUMMARY)
    assert victim.read_text() == "not ours\n"
    assert sorted(p.name for p in directory.iterdir()) == [".gitignore"]


def test_gitignore_only_in_a_folder_the_tool_created(tmp_path: Path) -> None:
    existing = tmp_path / "existing"
    existing.mkdir()
    DiskCache(str(existing)).store(KEY, DIGEST, SUMMARY)
    cache_module.flush_all()
    assert not (existing / ".gitignore").exists()
    assert DiskCache(str(existing)).load(KEY, DIGEST) == SUMMARY
    created = tmp_path / "made" / "by" / "us"
    DiskCache(str(created)).store(KEY, DIGEST, SUMMARY)
    assert (created / ".gitignore").read_text().splitlines()[-1] == "*"
    assert not (tmp_path / "made" / ".gitignore").exists()


def test_cache_folder_that_is_a_file_disables_the_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "c"
    blocker.write_text("a file")
    cache = DiskCache(str(blocker))
    cache.store(KEY, DIGEST, SUMMARY)
    assert cache.load(KEY, DIGEST) is None and blocker.read_text() == "a file"


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="POSIX only")
def test_folder_swapped_for_a_symlink_mid_run_is_not_followed(tmp_path: Path) -> None:
    directory = tmp_path / "c"
    cache = DiskCache(str(directory))
    cache.store(KEY, DIGEST, SUMMARY)
    outside = tmp_path / "outside"
    outside.mkdir()
    directory.rename(tmp_path / "moved")
    directory.symlink_to(outside, target_is_directory=True)
    cache.store(KEY + "2", DIGEST, SUMMARY)
    assert list(outside.iterdir()) == []
    cache.close()


def test_flake8_with_symlinked_default_cache_folder(tmp_path: Path) -> None:
    folder = copy_project(tmp_path / "p")
    outside = tmp_path / "outside"
    outside.mkdir()
    (folder / ".agn_cache").symlink_to(outside, target_is_directory=True)
    linked = flake8(["app"], folder)
    plain = flake8(["--agn-no-cache", "app"], folder)
    assert linked.stdout == plain.stdout and linked.stdout
    assert list(outside.iterdir()) == []
    assert linked.stderr == ""


# -- hostile entries through flake8 --------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_flake8_survives_fifo_and_dev_zero_entries(tmp_path: Path) -> None:
    folder = copy_project(tmp_path / "p")
    cache = tmp_path / "cache"
    clean = flake8(["--agn-cache-dir", str(cache), "app"], folder).stdout
    entries = packs(cache)
    assert entries
    for index, entry in enumerate(entries):
        entry.unlink()
        if index % 2:
            os.mkfifo(entry)
        else:
            entry.symlink_to("/dev/zero")
    hostile = flake8(["--agn-cache-dir", str(cache), "-j", "2", "app"], folder, timeout=60)
    assert hostile.stdout == clean
    # The summaries and findings were rebuilt, into new packs (regular files).
    rebuilt = [p for p in packs(cache) if p not in entries]
    assert rebuilt and all(stat.S_ISREG(os.lstat(p).st_mode) for p in rebuilt)
    assert all(not stat.S_ISREG(os.lstat(p).st_mode) for p in entries)


# -- content keys: a CI cache hits on a fresh checkout -------------------------------------


def test_cache_hits_for_a_fresh_identical_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_memory: None
) -> None:
    folder = tmp_path / "checkout"
    cache = tmp_path / "ci-cache"
    copy_project(folder)
    computed: List[str] = []
    real_collect = facts_module.collect  # what flake8_asyncgen.project imported

    def counting_collect(tree: Any, name: str, is_package: bool, **kwargs: Any) -> Any:
        computed.append(name)
        return real_collect(tree, name, is_package, **kwargs)

    monkeypatch.setattr(project_module, "collect", counting_collect)
    first = lint_in_process(folder, cache)
    assert first and CALLEE_MODULE in computed
    # The CI job ends; the next one checks the same commit out afresh: same path, same bytes,
    # new mtimes (and inodes).
    shutil.rmtree(folder)
    time.sleep(0.01)
    copy_project(folder)
    for path in folder.rglob("*.py"):
        os.utime(path, ns=(time.time_ns(), time.time_ns() + 3_000_000_000))
    computed.clear()
    entries = tree_state(cache)
    assert lint_in_process(folder, cache) == first
    assert computed == [], f"summaries recomputed instead of read from the cache: {computed}"
    assert tree_state(cache) == entries  # nothing rewritten either
    # An edit is noticed even if it keeps size and mtime.
    callee = folder / CALLEE
    stat_before = callee.stat()
    text = callee.read_text()
    swapped = text.replace("async def count_tokens", "async def count_tokenz")
    assert len(swapped) == len(text)
    callee.write_text(swapped)
    os.utime(callee, ns=(stat_before.st_atime_ns, stat_before.st_mtime_ns))
    computed.clear()
    assert lint_in_process(folder, cache) != first
    assert CALLEE_MODULE in computed


def test_flake8_fresh_checkout_reuses_entries(tmp_path: Path) -> None:
    folder = tmp_path / "checkout"
    cache = tmp_path / "ci-cache"
    copy_project(folder)
    first = flake8(["--agn-cache-dir", str(cache), "app"], folder).stdout
    entries = tree_state(cache)
    shutil.rmtree(folder)
    copy_project(folder)
    for path in folder.rglob("*.py"):
        os.utime(path, ns=(time.time_ns(), time.time_ns() + 7_000_000_000))
    assert flake8(["--agn-cache-dir", str(cache), "app"], folder).stdout == first
    assert tree_state(cache) == entries  # every entry hit: none was rewritten


# -- forged entries: valid checksum, lying or malformed content ------------------------------

_POOL: List[Any] = [
    None, True, False, 0, 1, -1, 2, -2, 7, 10 ** 9, -(10 ** 9), 2 ** 70, 1.5, float("1e308"),
    "", "x", "f", "m", "c", "?", "n", "a", "d", "k", "i", "e", "p", "w", "g", "if", "B",
    "self", "__init__", "app.services.codex_llm", "x" * 100_000, [], {}, ["?"], ["n", "x"],
    ["c", ["n", "codex_llm"]], ["d", 0], ["d", 1], ["d", -1], ["d", 10 ** 6], ["k", 1],
    ["i", "app"], ["f", "app.services.codex_llm", "codex_llm"], ["e", ["n", "x"], 0],
    ["e", ["c", ["n", "CodexLLMService"]], 0], {"k": "f"}, [[[[[]]]]], ["a", ["n", "x"], 1],
]


def _nodes(value: Any, path: Tuple[Any, ...] = ()) -> Iterator[Tuple[Tuple[Any, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _nodes(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, path + (index,))


def _at(value: Any, path: Tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def mutate(summary: Dict[str, Any], rng: random.Random) -> Tuple[bytes, str]:
    """One random forgery of a valid summary: (body, what was done)."""
    data = copy.deepcopy(summary)
    scopes = data["scopes"]
    roll = rng.random()
    if roll < 0.08:  # raw text damage, still a valid checksum
        text = bytearray(json.dumps(data, separators=(",", ":")).encode())
        for _ in range(rng.randint(1, 4)):
            where = rng.randrange(len(text))
            text[where] = rng.choice(b'[]{}",:0123456789-aefnrstux\\ ')
        return bytes(text), "bytes"
    if roll < 0.18:  # a scope's parent: itself, a later scope, out of range, negative
        sid = rng.randrange(len(scopes))
        value = rng.choice([sid, sid + 1, len(scopes), len(scopes) - 1, -2, -(10 ** 9), 0])
        scopes[sid]["p"] = value
        what = f"scopes[{sid}].p={value}"
    elif roll < 0.26:  # a scope's kind
        sid = rng.randrange(len(scopes))
        kind = rng.choice(["m", "c", "f", "x", None, 1])
        scopes[sid]["k"] = kind
        what = f"scopes[{sid}].k={kind!r}"
    elif roll < 0.32:  # reorder, duplicate or drop scopes
        op = rng.choice(["swap", "dup", "drop", "reverse"])
        i, j = rng.randrange(len(scopes)), rng.randrange(len(scopes))
        if op == "swap":
            scopes[i], scopes[j] = scopes[j], scopes[i]
        elif op == "dup":
            scopes.insert(j, copy.deepcopy(scopes[i]))
        elif op == "drop":
            del scopes[i]
        else:
            scopes.reverse()
        what = f"scopes {op} {i} {j}"
    else:
        nodes = list(_nodes(data))
        path, value = rng.choice(nodes[1:])
        parent = _at(data, path[:-1])
        op = rng.choice(["replace", "replace", "replace", "splice", "delete", "insert"])
        if op == "replace" or (op == "delete" and isinstance(parent, list) and not parent):
            new = copy.deepcopy(rng.choice(_POOL))
            parent[path[-1]] = new
            what = f"{path}={json.dumps(new)[:40]}"
        elif op == "splice":  # a piece of the summary moved elsewhere
            new = copy.deepcopy(rng.choice(nodes)[1])
            parent[path[-1]] = new
            what = f"{path}=<splice {json.dumps(new)[:40]}>"
        elif op == "delete":
            del parent[path[-1]]
            what = f"del {path}"
        elif isinstance(parent, list):
            new = copy.deepcopy(rng.choice(_POOL))
            parent.insert(path[-1], new)
            what = f"insert {path} {json.dumps(new)[:40]}"
        else:
            new = copy.deepcopy(rng.choice(_POOL))
            parent[rng.choice(["zz", "p", "k", "b", "q", "n", "d", "r", "a", "y"])] = new
            what = f"add key at {path[:-1]} {json.dumps(new)[:40]}"
    return json.dumps(data, separators=(",", ":")).encode(), what


class _Timeout(BaseException):
    """Raised by the alarm: a BaseException, so the plugin cannot turn it into AGN900."""


def valid_summary(folder: Path) -> Dict[str, Any]:
    import ast

    from flake8_asyncgen.codec import to_json
    from flake8_asyncgen.facts import collect

    source = (folder / CALLEE).read_text()
    summary: Dict[str, Any] = json.loads(
        json.dumps(to_json(collect(ast.parse(source), CALLEE_MODULE, False)[0]))
    )
    return summary


def fuzz_worker(folder: Path, cache_dir: Path, start: int, stop: int) -> None:
    """Lint the caller once per forged entry of the callee, in this process; one JSON line
    per forgery: {"i", "what", "findings", "status", "changed"}."""
    key, digest = callee_key(folder)
    summary = valid_summary(folder)
    expected = lint_in_process(folder, None)
    prefix = folder.name + "/"

    def on_alarm(signum: int, frame: Any) -> None:
        raise _Timeout()

    signal.signal(signal.SIGALRM, on_alarm)
    for index in range(start, stop):
        body, what = mutate(summary, random.Random(FUZZ_SEED * 1_000_003 + index))
        write_entry(cache_dir, key, digest, body)
        signal.setitimer(signal.ITIMER_REAL, 3)
        try:
            findings = lint_in_process(folder, cache_dir)
            status = "ok"
        except _Timeout:
            findings, status = [], "hang"
        except BaseException as exc:  # noqa: BLE001 - reported, then the run goes on
            findings, status = [], f"crash {type(exc).__name__}"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        line = {"i": index, "what": what, "status": status, "changed": findings != expected,
                "findings": [f.replace(prefix, "") for f in findings]}
        print(json.dumps(line), flush=True)
        if status == "hang" and threading.active_count() > 1:
            os._exit(3)  # a thread is still spinning: the parent restarts after this one


def fuzz_range(tmp_path: Path, start: int, stop: int) -> List[Dict[str, Any]]:
    """Forgeries start..stop-1 in worker processes (a new one after a hang or a crash)."""
    folder = copy_project(tmp_path / f"p{start}")
    cache_dir = tmp_path / f"cache{start}"
    cache_dir.mkdir()
    results: List[Dict[str, Any]] = []
    while start < stop:
        command = [sys.executable, __file__, "fuzz", str(folder), str(cache_dir), str(start),
                   str(stop)]
        try:
            output = subprocess.run(
                command, capture_output=True, text=True, cwd=tmp_path, timeout=600
            ).stdout
        except subprocess.TimeoutExpired as exc:
            output = exc.stdout.decode() if isinstance(exc.stdout, bytes) else ""
        lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
        if not lines:
            lines = [{"i": start, "what": "?", "findings": [], "status": "stuck",
                      "changed": True}]
        results.extend(lines)
        start += len(lines)
    return results


def run_fuzz(tmp_path: Path, count: int, workers: int = 2) -> List[Dict[str, Any]]:
    """Forgeries 0..count-1, split between parallel worker processes."""
    from concurrent.futures import ThreadPoolExecutor

    bounds = [count * n // workers for n in range(workers + 1)]
    with ThreadPoolExecutor(workers) as pool:
        parts = pool.map(lambda ab: fuzz_range(tmp_path, *ab), zip(bounds, bounds[1:]))
        return [line for part in parts for line in part]


def restore_refuses_parent_cycles() -> bool:
    """Whether summaries read from the cache are validated field by field (the engine's
    codec, issue 12 part 3): probed with a scope that is its own parent."""
    import ast

    from flake8_asyncgen.codec import from_json, to_json
    from flake8_asyncgen.facts import collect

    tree = ast.parse("class A:\n    def f(self):\n        pass\n")
    data = json.loads(json.dumps(to_json(collect(tree, "m", False)[0])))
    data["scopes"][1]["p"] = 1
    try:
        from_json(data)
    except Exception:  # noqa: BLE001 - any refusal will do
        return True
    return False


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the workers time out with SIGALRM")
def test_forged_entries_never_crash_hang_or_give_agn900(tmp_path: Path) -> None:
    """Random forgeries of a valid entry (valid checksum): flake8 on the importing file must
    never hang, crash or print AGN900; an entry refused anywhere counts as absent.

    Until the engine's summary codec validates every field (parents precede children, indices
    in range, known kinds), this fails on parent cycles (hangs) and out-of-range indices
    (AGN900): then the test runs a sample and is marked xfail with the numbers; once restore()
    refuses a parent cycle it runs all AGN_CACHE_FUZZ_COUNT (1,500) forgeries and is strict."""
    validated = restore_refuses_parent_cycles()
    # 200 in the suite (about 20 s); AGN_CACHE_FUZZ_COUNT=1500 for the full run.
    count = int(os.environ.get("AGN_CACHE_FUZZ_COUNT", "200"))
    results = run_fuzz(tmp_path, count, workers=max(1, min(2, os.cpu_count() or 1)))
    assert [r["i"] for r in results] == list(range(count))
    bad = [r for r in results
           if r["status"] != "ok" or any("AGN900" in f for f in r["findings"])]
    changed = [r for r in results if r["changed"] and r not in bad]
    report = tmp_path / "fuzz-report.json"
    report.write_text(json.dumps({"bad": bad, "changed": changed}, indent=1))
    summary = (f"{count} forged entries: {len(bad)} hang or give AGN900 "
               f"({sum(r['status'] == 'hang' for r in bad)} hangs), {len(changed)} others "
               f"change the findings (details: {report})")
    print(summary)
    assert not [r for r in bad if r["status"] not in ("ok", "hang")], summary
    if bad and not validated:
        pytest.xfail(f"needs the engine's summary validation: {summary}")
    assert not bad, json.dumps(bad[:20], indent=1)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_forged_entries_through_flake8(tmp_path: Path) -> None:
    """A sample of forgeries through the real flake8 command: no traceback, no hang, and
    (once summaries are validated) no AGN900; the intact entry gives the cacheless output."""
    folder = copy_project(tmp_path / "p")
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    key, digest = callee_key(folder)
    summary = valid_summary(folder)
    plain = flake8(["--agn-no-cache", str(CALLER)], folder).stdout
    validated = restore_refuses_parent_cycles()
    internal = 0
    for index in range(10):
        body, _ = mutate(summary, random.Random(FUZZ_SEED * 1_000_003 + index))
        write_entry(cache_dir, key, digest, body)
        result = subprocess.run(
            [sys.executable, "-m", "flake8", "--select", "AGN", "-j", "2",
             "--agn-cache-dir", str(cache_dir), str(CALLER), "app/api/handlers.py"],
            cwd=folder, capture_output=True, text=True, timeout=60,
        )
        assert "Traceback" not in result.stderr and result.returncode in (0, 1), result
        internal += "AGN900" in result.stdout
    write_entry(cache_dir, key, digest, json.dumps(summary).encode())
    assert flake8(["--agn-cache-dir", str(cache_dir), str(CALLER)], folder).stdout == plain
    if internal and not validated:
        pytest.xfail(f"needs the engine's summary validation: {internal} of 10 gave AGN900")
    assert internal == 0


if __name__ == "__main__" and sys.argv[1:2] == ["fuzz"]:
    sys.path.insert(0, str(HERE))
    fuzz_worker(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
