"""The real ``flake8`` executable with the installed plugin, as users run it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import List, Optional, Sequence, Set

import pytest

from agn_harness import expected_in, write_files
from flake8_asyncgen.cache import MAX_ENTRY_BYTES, DiskCache
from flake8_asyncgen.cachepack import pack_entries

ROOT = Path(__file__).resolve().parent.parent
INCIDENT = ROOT / "fixtures" / "incident"
XMOD = Path(__file__).resolve().parent / "cases" / "xmod_instances"


def flake8(
    args: Sequence[str], cwd: Path, check_stderr: bool = True
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check_stderr:
        assert "Traceback" not in result.stderr, result.stderr
    return result


def codes(output: str) -> List[str]:
    return sorted(line.split(": ", 1)[1][:6] for line in output.splitlines() if ": AGN" in line)


BAD = """\
    async def gen():
        yield 1


    async def main():
        x = await gen()
        return x
"""


def test_entry_point_is_registered(tmp_path: Path) -> None:
    result = flake8(["--version"], tmp_path)
    assert "flake8-asyncgen" in result.stdout


@pytest.mark.parametrize("state", sorted(p.name for p in INCIDENT.glob("state*")))
def test_incident_states_report_exactly_their_annotations(state: str, tmp_path: Path) -> None:
    folder = INCIDENT / state
    result = flake8(["--select", "AGN", "--agn-cache-dir", str(tmp_path / "c"), "app"], folder)
    reported = {
        (str(Path(line.split(":")[0])), int(line.split(":")[1]), line.split(": ", 1)[1][:6])
        for line in result.stdout.splitlines()
    }
    expected = set()
    for path in folder.rglob("*.py"):
        for number, code, _ in expected_in(path):
            expected.add((str(path.relative_to(folder)), number, code))
    assert reported == expected
    assert (result.returncode == 0) == (not expected)


def test_agn_is_on_by_default_and_plays_with_select(tmp_path: Path) -> None:
    write_files(tmp_path, {"m.py": BAD})
    args = ["--agn-no-cache", "m.py"]
    assert codes(flake8(args, tmp_path).stdout) == ["AGN200"]
    assert codes(flake8(["--select", "E", *args], tmp_path).stdout) == []
    assert codes(flake8(["--select", "E", "--extend-select", "AGN", *args], tmp_path).stdout) == [
        "AGN200"
    ]
    assert codes(flake8(["--extend-ignore", "AGN200", *args], tmp_path).stdout) == []
    result = flake8(["--select", "AGN", *args], tmp_path)
    assert result.stdout.startswith("m.py:6:9: AGN200 `await` on async generator `gen()`")


def test_config_file_options_are_read(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "m.py": """\
                from lib import traced


                @traced
                async def gen():
                    yield 1


                async def main():
                    return await gen()
            """,
            # A wrapper calling through a registry: what calling the decorated function
            # gives is unknown.
            "lib.py": "def traced(f):\n    def wrapper(*a):\n        return REG[f](*a)\n\n"
                      "    return wrapper\n",
        },
    )
    assert codes(flake8(["--select", "AGN", "--agn-no-cache", "m.py"], tmp_path).stdout) == []
    (tmp_path / "setup.cfg").write_text("[flake8]\nagn-transparent-decorators = lib.traced\n")
    assert codes(flake8(["--select", "AGN", "--agn-no-cache", "m.py"], tmp_path).stdout) == [
        "AGN200"
    ]


def test_noqa_on_the_reported_line(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "m.py": """\
                async def gen(a):
                    yield a


                async def main():
                    a = await gen(1)  # noqa: AGN200
                    b = await gen(  # noqa: AGN200
                        2,
                    )
                    c = await gen(1)  # noqa: AGN201
                    d = await gen(
                        3,
                    )
                    return a, b, c, d
            """
        },
    )
    result = flake8(["--select", "AGN", "--agn-no-cache", "m.py"], tmp_path)
    # A noqa for another code does not hide the finding; a multi-line statement is reported
    # (and silenced) on the line where the offending expression starts.
    assert [line.split(":")[1] for line in result.stdout.splitlines()] == ["10", "11"]


def test_parallel_output_is_identical(tmp_path: Path) -> None:
    base = ["--select", "AGN", "--agn-no-cache", "."]
    one = flake8(["-j", "1", *base], XMOD).stdout
    two = flake8(["-j", "2", *base], XMOD).stdout
    assert one and sorted(one.splitlines()) == sorted(two.splitlines())


def test_syntax_error_gives_e999_and_nothing_from_agn(tmp_path: Path) -> None:
    write_files(tmp_path, {"m.py": "async def f(:\n    yield 1\n"})
    result = flake8(["--agn-no-cache", "m.py"], tmp_path)
    assert "E999" in result.stdout
    assert "AGN" not in result.stdout


@pytest.mark.parametrize(
    "args, option",
    [
        (["--agn-roots", "does/not/exist"], "--agn-roots"),
        (["--agn-transparent-decorators", "not-a-name"], "--agn-transparent-decorators"),
    ],
)
def test_bad_configuration_names_the_option(tmp_path: Path, args: List[str], option: str) -> None:
    write_files(tmp_path, {"m.py": "x = 1\n"})
    result = flake8([*args, "m.py"], tmp_path)
    assert result.returncode != 0
    assert option in result.stderr


def _project(tmp_path: Path, kind: str) -> Path:
    body = "    yield 1\n" if kind == "agen" else "    return 1\n"
    write_files(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/lib.py": f"async def fetch():\n{body}",
            "app/use.py": """\
                from app.lib import fetch


                async def main():
                    async for item in fetch():
                        print(item)
                    return await fetch()
            """,
        },
    )
    return tmp_path


def _lint(folder: Path, cache: Optional[Path], jobs: str = "1", target: str = "app") -> str:
    args = ["--select", "AGN", "-j", jobs, target]
    args += ["--agn-cache-dir", str(cache)] if cache else ["--agn-no-cache"]
    return flake8(args, folder).stdout


def _entry_kinds(cache: Path) -> "Counter[str]":
    """How many keys of each kind the cache's packs hold: module summaries, findings, journal
    chunks."""
    keys: Set[str] = set()
    for pack in cache.glob("pack-*.agnpack"):
        with open(pack, "rb") as handle:
            found = pack_entries(handle.fileno(), DiskCache._expected(), MAX_ENTRY_BYTES)
        assert found is not None and found[1], pack  # this plugin's, and closed
        keys.update(entry.key for entry in found[0])
    kinds: "Counter[str]" = Counter()
    for key in keys:
        kind = key.split("\0")[0]
        kinds[kind if kind in ("findings", "journal chunk") else "summary"] += 1
    return kinds


def test_cache_cold_warm_and_change(tmp_path: Path) -> None:
    folder = _project(tmp_path / "p", "coro")
    cache = tmp_path / "cache"
    cold = _lint(folder, cache)
    assert codes(cold) == ["AGN201"]
    # One entry per module: linted files share what flake8's own parse gave, the others are
    # read from disk when imported.
    assert (cache / ".gitignore").read_text().strip().endswith("*")
    kinds = _entry_kinds(cache)
    assert kinds["summary"] == 3
    # And one entry of findings per linted file, with the facts they were made from.
    assert kinds["findings"] == 3 and kinds["journal chunk"] >= 1
    assert _lint(folder, cache, target="app/use.py") == cold
    assert _entry_kinds(cache) == kinds  # every entry hit
    assert _lint(folder, cache, target="app/use.py") == cold
    assert _lint(folder, cache) == cold
    assert _lint(folder, cache, jobs="2") == cold
    # The callee becomes an async generator: its callers are judged by the new definition.
    lib = folder / "app" / "lib.py"
    lib.write_text("async def fetch():\n    yield 1\n")
    os.utime(lib, ns=(lib.stat().st_atime_ns, lib.stat().st_mtime_ns + 5_000_000_000))
    assert codes(_lint(folder, cache, target="app/use.py")) == ["AGN200"]
    assert codes(_lint(folder, cache)) == ["AGN200"]


@pytest.mark.parametrize("damage", ["garbage", "truncate", "tamper", "version"])
def test_damaged_cache_entries_are_rebuilt(tmp_path: Path, damage: str) -> None:
    folder = _project(tmp_path / "p", "coro")
    cache = tmp_path / "cache"
    clean = _lint(folder, cache, target="app/use.py")
    assert codes(clean) == ["AGN201"]
    entries = list(cache.glob("pack-*.agnpack"))
    assert entries
    for entry in entries:
        data = entry.read_bytes()
        if damage == "garbage":
            entry.write_bytes(b"\x00\xff not json")
        elif damage == "truncate":
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "tamper":
            assert b'"a":true' in data
            entry.write_bytes(data.replace(b'"a":true', b'"a":false'))
        else:
            assert b'"version":"' in data
            entry.write_bytes(data.replace(b'"version":"', b'"version":"0.0.0-'))
    assert _lint(folder, cache, target="app/use.py") == clean
    assert _lint(folder, cache, target="app/use.py") == clean


def test_unwritable_cache_location_degrades_to_no_cache(tmp_path: Path) -> None:
    folder = _project(tmp_path / "p", "coro")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be")
    result = flake8(["--select", "AGN", "--agn-cache-dir", str(blocker / "c"), "app"], folder)
    assert codes(result.stdout) == ["AGN201"]
    assert result.stderr == ""


def test_same_module_name_in_two_roots_does_not_leak(tmp_path: Path) -> None:
    # One process lints files of two import roots whose `util` modules differ: what `util`
    # means in one must not be reused in the other.
    write_files(
        tmp_path,
        {
            "common.py": "from util import helper\n",
            "one/util.py": "async def helper():\n    return 1\n\n\nclass Other:\n    pass\n",
            "two/util.py": "class Other:\n    pass\n\n\nasync def helper():\n    yield 1\n",
            "one/main.py": "import common\n\n\nasync def a():\n    await common.helper()\n",
            "two/main.py": "import common\n\n\nasync def a():\n    await common.helper()\n",
        },
    )
    together = flake8(["--select", "AGN", "--agn-no-cache", "-j", "1", "one/main.py",
                       "two/main.py"], tmp_path).stdout
    alone = [
        flake8(["--select", "AGN", "--agn-no-cache", path], tmp_path).stdout
        for path in ("one/main.py", "two/main.py")
    ]
    assert together == "".join(alone)
    assert codes(together) == ["AGN200"] and together.startswith("two/main.py:5:5:")
