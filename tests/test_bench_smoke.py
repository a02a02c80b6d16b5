"""The benchmark's modules (bench/) on small fake inputs: file selection, the measuring wrapper,
the order of the rounds, the cold/warm cache protocol, ratios and targets, the report and the
JSON.  No venvs, no downloads and no timing assertions: the commands are tiny Python scripts
started with this interpreter."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import List

import pytest

if sys.platform == "win32":  # the benchmark uses the POSIX `resource` module
    pytest.skip("POSIX only", allow_module_level=True)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import corpus_files  # noqa: E402
import environments  # noqa: E402
import report  # noqa: E402
import results  # noqa: E402
from benchmark import Flake8Runs, benchmark, cache_info, measured_environment  # noqa: E402
from measure import BenchError, Command, Sample, Summary, judge, measure, run_once  # noqa: E402


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    pkg = root / "proj" / "pkg"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "streams.py").write_text("async def ticks():\n    yield 1\n")
    (pkg / "use.py").write_text("from pkg.streams import ticks\nx = 1")  # no final newline
    (root / "top.py").write_text("import pkg\n")
    for skipped in (".hidden", "__pycache__", "build.tmp"):
        (root / skipped).mkdir()
        (root / skipped / "skipped.py").write_text("x = 1\n")
    return root


# --------------------------------------------------------------------------- corpus_files

def test_collect_files_skips_hidden_and_generated_folders(corpus: Path) -> None:
    files = corpus_files.collect_files(corpus)
    assert [Path(f).relative_to(corpus).as_posix() for f in files] == [
        "proj/pkg/__init__.py", "proj/pkg/streams.py", "proj/pkg/use.py", "top.py"]


def test_select_fraction_spreads_the_subset_over_the_list() -> None:
    items = list(range(8))
    assert corpus_files.select_fraction(items, 25) == [0, 4]
    assert corpus_files.select_fraction(items, 50) == [0, 2, 4, 6]
    assert corpus_files.select_fraction(items, 100) == items
    assert corpus_files.select_fraction(list(range(5)), 50) == [0, 2]  # round(2.5) == 2
    assert corpus_files.select_fraction(list(range(3)), 1) == [0]  # never empty
    assert corpus_files.select_fraction([], 50) == []
    projects = ["a%d" % i for i in range(10)] + ["b%d" % i for i in range(10)]
    assert {name[0] for name in corpus_files.select_fraction(projects, 25)} == {"a", "b"}


def test_count_lines_and_import_roots(corpus: Path) -> None:
    files = corpus_files.collect_files(corpus)
    assert corpus_files.count_lines(files) == 0 + 2 + 2 + 1
    assert corpus_files.import_roots(files) == sorted([str(corpus), str(corpus / "proj")])


# --------------------------------------------------------------------------- measure

def test_judge_rejects_crashes_that_look_like_findings() -> None:
    assert judge(0, (0, 1), 0, "")
    assert judge(1, (0, 1), 3, "")
    assert not judge(1, (0, 1), 0, "")  # flake8 exits 1 when a plugin fails to load
    assert not judge(0, (0, 1), 0, "Traceback (most recent call last):\n  ...")
    assert not judge(2, (0, 1), 5, "")


def test_wrapper_accounts_for_the_process_tree(tmp_path: Path) -> None:
    # a grandchild that holds ~80 MiB: the wrapper's RUSAGE_CHILDREN must see it
    grandchild = "b = bytearray(80 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"
    child = "import subprocess, sys; subprocess.check_call([sys.executable, '-c', %r])" % grandchild
    sample = run_once(Command("tree", [sys.executable, "-c", child], str(tmp_path)),
                      tmp_path / "out")
    assert sample["ok"] and sample["maxrss_mib"] >= 75
    assert sample["cpu_s"] > 0 and sample["wall_s"] > 0

    failing = Command("fails", [sys.executable, "-c",
                                "import sys; print('x'); sys.exit(3)"], str(tmp_path))
    sample = run_once(failing, tmp_path / "out")
    assert not sample["ok"] and sample["returncode"] == 3 and sample["error"] == "x"


def test_output_hash_ignores_the_order_of_lines(tmp_path: Path) -> None:
    def printing(*lines: str) -> Sample:
        code = "print(%r)" % "\n".join(lines)
        return run_once(Command("p", [sys.executable, "-c", code], str(tmp_path)), tmp_path)

    one, other, different = printing("a", "b"), printing("b", "a"), printing("a", "c")
    assert one["output_lines"] == 2
    assert one["output_sha256"] == other["output_sha256"] != different["output_sha256"]


def _sample(wall: float, ok: bool = True, sha: str = "h", rss: float = 10.0) -> Sample:
    return Sample(returncode=0 if ok else 1, wall_s=wall, user_s=wall, sys_s=0.0, cpu_s=2 * wall,
                  maxrss_mib=rss, output_lines=1, output_sha256=sha, ok=ok)


def test_rounds_alternate_and_medians_skip_failed_runs(tmp_path: Path) -> None:
    names = ["without", "cold", "warm", "tool"]
    cmds = {n: Command(n, [n], str(tmp_path)) for n in names}
    groups = [[cmds["without"]], [cmds["cold"], cmds["warm"]], [cmds["tool"]]]
    order: List[str] = []
    walls = {"without": [1.0, 9.0, 2.0], "cold": [3.0, 4.0, 5.0], "warm": [1.0, 1.0, 1.0],
             "tool": [7.0, 7.0, 7.0]}

    def fake_run(cmd: Command, outdir: Path) -> Sample:
        order.append(cmd.name)
        n = sum(1 for name in order if name == cmd.name) - 1
        return _sample(walls[cmd.name][n], ok=not (cmd.name == "without" and n == 1))

    res = measure(groups, 3, tmp_path, 4, log=lambda msg: None, run=fake_run)
    assert order == ["without", "cold", "warm", "tool",
                     "cold", "warm", "tool", "without",
                     "tool", "without", "cold", "warm"]
    assert res["without"]["median_wall_s"] == 1.5  # the failed 9.0 is left out
    assert not res["without"]["ok"] and res["cold"]["ok"]
    assert res["cold"]["median_wall_s"] == 4.0 and res["cold"]["median_cpu_s"] == 8.0
    assert res["tool"]["argv"] == ["tool", "<4 files>"]


# --------------------------------------------------------------------------- results

def _summary(wall: float, ok: bool = True, rss: float = 10.0, sha: str = "h") -> Summary:
    return Summary(label="x", argv=[], samples=[_sample(wall, ok, sha, rss)], ok=ok,
                   median_wall_s=wall, median_cpu_s=2 * wall, median_maxrss_mib=rss,
                   max_maxrss_mib=rss, output_lines=1, outputs_identical=True)


def test_ratios_and_targets() -> None:
    res = {"without": _summary(2.0, rss=10.0), "with_cold": _summary(2.4, rss=16.0),
           "with_warm": _summary(2.3, rss=14.0), "pyright": _summary(6.0, ok=False)}
    r = results.ratios(res)
    assert r["cold_time"] == pytest.approx(1.2) and r["warm_time"] == pytest.approx(1.15)
    assert r["cold_cpu"] == pytest.approx(1.2)
    assert r["memory_cold"] == pytest.approx(1.6) and r["memory_warm"] == pytest.approx(1.4)
    assert r["pyright_over_with_cold"] is None and r["mypy_over_with_cold"] is None
    t = results.targets(r)
    assert t["cold_time"]["met"] is True and t["cold_time"]["target"] == "<= 1.3"
    assert t["warm_time"]["met"] is False
    assert t["memory"]["value"] == pytest.approx(1.6) and t["memory"]["met"] is False
    assert t["pyright_speedup"]["met"] is None


def test_same_output_and_scaling_row() -> None:
    res = {"without": _summary(2.0), "with_cold": _summary(3.0, sha="a"),
           "with_warm": _summary(2.5, sha="a")}
    assert results.same_output(res, "with_cold", "with_warm") is True
    assert results.same_output(dict(res, with_warm=_summary(2.5, sha="b")),
                               "with_cold", "with_warm") is False
    assert results.same_output(res, "with_cold", "mypy") is None
    row = results.scaling_row(results.Fraction(
        percent=50, files=2, lines=1000, commands=res, ratios=results.ratios(res),
        cold_warm_outputs_identical=True))
    assert row["plugin_cold_extra_s"] == pytest.approx(1.0)
    assert row["with_cold_us_per_line"] == pytest.approx(3000.0)
    assert row["warm_ratio"] == pytest.approx(1.25)


# --------------------------------------------------------------------------- environments

def test_parse_tools() -> None:
    assert environments.parse_tools("none") == {}
    assert environments.parse_tools("auto") == {"pyright": None, "mypy": None}
    assert environments.parse_tools("pyright, mypy=/opt/mypy") == {"pyright": None,
                                                                   "mypy": "/opt/mypy"}
    with pytest.raises(BenchError):
        environments.parse_tools("pylint")
    assert environments.locate_tool("mypy", "/no/such/mypy", Path("/no/such")) is None


def test_check_plugin_registered(tmp_path: Path) -> None:
    def fake_flake8(version: str, rc: int = 0) -> List[str]:
        return [sys.executable, "-c", "import sys; print(%r); sys.exit(%d)" % (version, rc)]

    listed = fake_flake8("7.5.0 (flake8-asyncgen: 0.1.0, mccabe: 0.7.0) CPython 3.11.7")
    plain = fake_flake8("7.5.0 (mccabe: 0.7.0, pycodestyle: 2.14.0) CPython 3.11.7")
    environments.check_plugin_registered(listed, True)
    environments.check_plugin_registered(plain, False)
    for prefix, expected in ((listed, False), (plain, True),
                             (fake_flake8("Traceback ...", rc=1), True)):
        with pytest.raises(BenchError):
            environments.check_plugin_registered(prefix, expected)


# --------------------------------------------------------------------------- benchmark + report

# Stands in for flake8: records whether its --agn-cache-dir existed when it started, fills it,
# and prints one "finding" per file, like a plugin that caches.
FAKE_FLAKE8 = textwrap.dedent("""
    import os, sys
    args = sys.argv[1:]
    if args == ["--version"]:
        sys.exit(print("7.5.0 (fake) CPython"))
    log = os.environ["FAKE_FLAKE8_LOG"]
    cache = args[args.index("--agn-cache-dir") + 1] if "--agn-cache-dir" in args else None
    with open(log, "a") as fh:
        fh.write("%s %s\\n" % ("with" if cache else "without",
                               "warm" if cache and os.path.isdir(cache) else "cold"))
    if cache:
        os.makedirs(cache, exist_ok=True)
    for path in args:
        if path.endswith(".py"):
            print(path + ":1:1: AGN200 fake")
    sys.exit(1 if any(p.endswith(".py") for p in args) else 0)
""")


def test_benchmark_cold_runs_start_without_a_cache(corpus: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "fake_flake8.py"
    script.write_text(FAKE_FLAKE8)
    log = tmp_path / "runs.log"
    monkeypatch.setenv("FAKE_FLAKE8_LOG", str(log))
    files = corpus_files.collect_files(corpus)
    fake_tool = [sys.executable, "-c", "print('a finding')"]
    result = benchmark(files, flake8_with=[sys.executable, str(script)],
                       flake8_without=[sys.executable, str(script)], workdir=tmp_path / "work",
                       jobs=1, repeat=2, fractions=[50, 100], tools={"mypy": fake_tool},
                       corpus_root=corpus, warmup=True, log=lambda msg: None)
    runs = log.read_text().splitlines()
    # warm-up (without, with), then per fraction and round: without, cold, warm (in turn)
    assert runs[:2] == ["without cold", "with cold"]
    assert sorted(runs[2:]) == sorted(["without cold"] * 4 + ["with cold"] * 4
                                      + ["with warm"] * 4)
    assert result["cache"]["locations_seen"] == [str(tmp_path / "work" / "with" / "agn-cache")]

    assert result["settings"]["files"] == 4 and result["settings"]["lines"] == 5
    assert set(result["commands"]) == {"without", "with_cold", "with_warm", "mypy"}
    assert set(result["fractions"]["50"]["commands"]) == {"without", "with_cold", "with_warm"}
    assert result["fractions"]["50"]["files"] == 2
    assert result["commands"]["with_cold"]["output_lines"] == 4
    assert result["fractions"]["100"]["cold_warm_outputs_identical"] is True
    assert [row["percent"] for row in result["scaling"]] == [50, 100]
    assert result["targets"]["pyright_speedup"]["met"] is None
    shown = result["commands"]["with_cold"]["argv"]
    assert "--agn-cache-dir" in shown and shown[-1] == "<4 files>"

    out = tmp_path / "bench.json"
    report.write_json(result, out)
    assert json.loads(out.read_text())["settings"]["files"] == 4
    table = report.render_table(result)
    assert "| flake8 --select AGN, with the plugin, cold cache |" in table
    assert "| 50 % | 2 |" in table and "| 100 % | 4 | 5 |" in table
    assert "plugin cache: deleted before every cold run" in table


def test_report_shows_failures_and_differing_findings(tmp_path: Path) -> None:
    runs = Flake8Runs(["flake8"], ["flake8"], tmp_path, 2)
    assert runs.plugin(["a.py"], "with_cold", cold=True).reset is not None
    assert runs.plugin(["a.py"], "with_warm").reset is None
    assert "--agn-cache-dir" not in runs.plain(["a.py"]).argv

    res = {"without": _summary(2.0), "with_cold": _summary(2.0, sha="a"),
           "with_warm": _summary(2.0, ok=False, sha="b")}
    res["with_warm"]["error"] = "Traceback: boom"
    fraction = results.Fraction(percent=100, files=1, lines=1, commands=res,
                                ratios=results.ratios(res), cold_warm_outputs_identical=False)
    table = "\n".join(report.command_table(res) + report.problems({"100": fraction}))
    assert "| x | FAILED (rc=1) | | | | |" in table
    assert "WARNING 100%: the plugin's findings differ between cold and warm cache" in table
    assert "FAILED 100% with_warm:\nTraceback: boom" in table
    no_cache = report.cache_line(cache_info(tmp_path / "cache", written=False))
    assert no_cache.endswith("the plugin wrote no cache: cold and warm runs are the same work")


def test_benchmark_measures_the_command_and_the_parse_floor(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fake stands in for both flake8 and the command (it records a cold or warm start by
    # whether its --agn-cache-dir existed); the floor really parses every file.
    script = tmp_path / "fake_flake8.py"
    script.write_text(FAKE_FLAKE8)
    log = tmp_path / "runs.log"
    monkeypatch.setenv("FAKE_FLAKE8_LOG", str(log))
    files = corpus_files.collect_files(corpus)
    result = benchmark(files, flake8_with=[sys.executable, str(script)],
                       flake8_without=[sys.executable, str(script)], workdir=tmp_path / "work",
                       jobs=1, repeat=2, fractions=[100], corpus_root=corpus, warmup=False,
                       command=[sys.executable, str(script)], floor_python=sys.executable,
                       log=lambda msg: None)
    assert {"command_cold", "command_warm", "parse_floor"} <= set(result["commands"])
    assert result["commands"]["parse_floor"]["ok"]
    # every cold run of the command starts without its cache, every warm one with it
    assert sorted(log.read_text().splitlines()).count("with cold") == 4  # plugin + command
    assert sorted(log.read_text().splitlines()).count("with warm") == 4
    ratios = result["ratios"]
    assert ratios["command_speedup_cold"] is not None and ratios["command_over_floor"] is not None
    assert result["targets"]["command_speedup"]["target"] == ">= 6"
    table = report.render_table(result)
    assert "| flake8-asyncgen (the command), cold cache |" in table
    assert "x faster than flake8 --select AGN cold" in table


def test_measured_commands_do_not_inherit_the_callers_venv_or_path() -> None:
    # An activated venv is where the plugin reads installed packages: the numbers must not
    # depend on the shell the benchmark was started from.
    given = {"VIRTUAL_ENV": "/dev/venv", "PYTHONPATH": "/src", "PATH": "/bin", "HOME": "/h"}
    assert measured_environment(given) == {"PATH": "/bin", "HOME": "/h"}
