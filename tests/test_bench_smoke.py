"""Smoke test of the benchmark (bench/run_bench.py): it runs and produces the
expected JSON.  No venvs, no downloads, no timing assertions: the measuring
core is called with explicit commands in the current interpreter."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("flake8")
if sys.platform == "win32":  # the benchmark uses the POSIX `resource` module
    pytest.skip("POSIX only", allow_module_level=True)

BENCH = Path(__file__).resolve().parents[1] / "bench" / "run_bench.py"


def _load_bench():
    spec = importlib.util.spec_from_file_location("agn_run_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rb = _load_bench()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    pkg = root / "proj" / "pkg"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "streams.py").write_text(
        "async def ticks():\n    yield 1\n\n\nasync def fetch():\n    return 1\n"
    )
    (pkg / "use.py").write_text(
        "from pkg.streams import fetch, ticks\n\n\n"
        "async def main():\n    await ticks()\n    async for x in fetch():\n        print(x)\n"
    )
    (root / ".hidden").mkdir()
    (root / ".hidden" / "skipped.py").write_text("x = 1\n")
    return root


def test_collect_and_select(corpus: Path) -> None:
    files = rb.collect_files(corpus)
    assert [Path(f).name for f in files] == ["__init__.py", "streams.py", "use.py"]
    assert rb.select_fraction(files, 100) == files
    assert rb.select_fraction(files, 50) == rb.select_fraction(files, 50)  # deterministic
    assert len(rb.select_fraction(list(range(100)), 25)) == 25
    assert rb.select_fraction(list(range(8)), 25) == [0, 4]
    assert rb.import_roots(files) == [str(corpus / "proj")]


def test_wrapper_accounts_for_the_process_tree(tmp_path: Path) -> None:
    # a grandchild that holds ~80 MiB: the wrapper's RUSAGE_CHILDREN must see it
    grandchild = "b = bytearray(80 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"
    child = "import subprocess, sys; subprocess.check_call([sys.executable, '-c', %r])" % grandchild
    cmd = rb.Command("tree", [sys.executable, "-c", child], str(tmp_path))
    sample = rb.run_once(cmd, tmp_path / "out")
    assert sample["ok"] and sample["maxrss_mib"] >= 75

    failing = rb.Command("fails", [sys.executable, "-c", "import sys; sys.exit(3)"], str(tmp_path))
    sample = rb.run_once(failing, tmp_path / "out")
    assert not sample["ok"] and sample["returncode"] == 3


def test_benchmark_json(corpus: Path, tmp_path: Path) -> None:
    files = rb.collect_files(corpus)
    flake8 = [sys.executable, "-m", "flake8"]
    # stand-ins for pyright and mypy: exercise the comparison path without them
    fake_tool = [sys.executable, "-c", "import sys; print(len(sys.argv))"]
    result = rb.benchmark(
        files,
        flake8_with=flake8,
        flake8_without=flake8,
        workdir=tmp_path / "work",
        jobs=1,
        repeat=1,
        fractions=[50, 100],
        tools={"pyright": fake_tool, "mypy": fake_tool},
        corpus_root=corpus,
        warmup=False,
        log=lambda msg: None,
    )
    out = tmp_path / "bench.json"
    rb.write_json(result, out)
    data = json.loads(out.read_text())

    for key in ("schema", "created", "machine", "settings", "versions", "fractions",
                "commands", "ratios", "targets", "scaling", "cache", "elapsed_s"):
        assert key in data, key
    assert data["settings"]["files"] == 3 and data["settings"]["repeat"] == 1
    assert set(data["commands"]) == {"without", "with_cold", "with_warm", "pyright", "mypy"}
    for name, cmd in data["commands"].items():
        assert cmd["ok"], (name, cmd.get("error"))
        assert len(cmd["samples"]) == 1
        for key in ("median_wall_s", "median_cpu_s", "median_maxrss_mib", "max_maxrss_mib",
                    "label", "argv", "output_lines"):
            assert key in cmd, (name, key)
        assert cmd["median_maxrss_mib"] > 0
    assert set(data["ratios"]) == {"cold_time", "warm_time", "cold_cpu", "warm_cpu",
                                   "memory_cold", "memory_warm",
                                   "pyright_over_with_cold", "pyright_over_with_warm",
                                   "mypy_over_with_cold"}
    assert all(v is not None for v in data["ratios"].values())
    assert set(data["targets"]) == {"cold_time", "warm_time", "memory", "pyright_speedup"}
    assert [row["percent"] for row in data["scaling"]] == [50, 100]
    assert [row["files"] for row in data["scaling"]] == [2, 3]
    assert set(data["fractions"]) == {"50", "100"}
    assert "pyright" not in data["fractions"]["50"]["commands"]  # tools: largest fraction only
    table = rb.render_table(result)
    assert "with the plugin, cold cache" in table and "| 50 % |" in table
