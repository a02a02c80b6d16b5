"""fixer.fix_project and ``flake8-asyncgen --fix``: fixes never break or lose code (issue 12).

Every test works on real files in a tmp dir; the runtime tests run the fixed code with
asyncio in a subprocess, so "works" means what Python does, not what the linter thinks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Dict, List

import pytest

from agn_harness import configure
from flake8_asyncgen import cli, fixer, textfile
from flake8_asyncgen.fixer import fix_project, message_key
from flake8_asyncgen.fixes import Fix, apply_fixes
from flake8_asyncgen.project import forget_all
from flake8_asyncgen.settings import Settings

GENS = "async def agen():\n    yield 1\n\n\nasync def coro():\n    return agen()\n"
USE = (
    "from app.gens import coro\n\n\nasync def main():\n    async for y in coro():\n"
    "        print(y)\n"
)


def _tree(root: Path, files: Dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if text.startswith("\n") else text)


def _run(root: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(root)
    try:
        return cli.main(["--agn-no-cache", *args])
    finally:
        configure()


def _run_main(root: Path, module: str) -> subprocess.CompletedProcess[str]:
    code = f"import asyncio\nfrom {module} import main\nasyncio.run(main())\n"
    return subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                          text=True, timeout=60)


def _everything(code: str, path: str) -> bool:
    return True


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_issue_reproduction_runs_after_fixing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    unsafe: bool,
) -> None:
    """``--fix --unsafe-fixes app`` once wrote ``async for y in await coro()`` *and* made
    ``coro`` an async generator: TypeError at run time, exit 0.  Now the call-site fix is
    computed after the definition changed, and the result runs."""
    _tree(tmp_path, {"app/gens.py": GENS, "app/use.py": USE})
    before = _run_main(tmp_path, "app.use")
    assert "requires an object with __aiter__ method, got coroutine" in before.stderr
    status = _run(tmp_path, "--fix", *(["--unsafe-fixes"] if unsafe else []), "app",
                  monkeypatch=monkeypatch)
    err = capsys.readouterr().err
    after = _run_main(tmp_path, "app.use")
    assert after.returncode == 0, after.stderr
    assert after.stdout == "1\n"
    gens, use = (tmp_path / "app/gens.py").read_text(), (tmp_path / "app/use.py").read_text()
    if unsafe:
        assert "async for _agn_item in agen():" in gens and use == USE
        assert status == 0 and "fixed 1, 0 left" in err
    else:
        assert gens == GENS and "async for y in await coro():" in use
        assert status == 1 and "fixed 1, 1 left" in err  # the AGN101, whose fix is unsafe
    # a second run changes nothing
    _run(tmp_path, "--fix", *(["--unsafe-fixes"] if unsafe else []), "app",
         monkeypatch=monkeypatch)
    assert (tmp_path / "app/gens.py").read_text() == gens
    assert (tmp_path / "app/use.py").read_text() == use


def test_unsafe_fix_that_breaks_another_module_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A caller in another module awaits the coroutine: making it an async generator would
    add an AGN200 there, so the unsafe fix is refused (and listed), the safe one applied."""
    _tree(tmp_path, {
        "app/gens.py": GENS,
        "app/use.py": USE,
        "app/other.py": "from app.gens import coro\n\n\nasync def main():\n"
                        "    stream = await coro()\n    async for y in stream:\n        print(y)\n",
    })
    status = _run(tmp_path, "--fix", "--unsafe-fixes", "app", monkeypatch=monkeypatch)
    err = capsys.readouterr().err
    assert status == 1
    assert (tmp_path / "app/gens.py").read_text() == GENS
    assert "app/gens.py:6: AGN101 fix not applied: it would add AGN200 in app/other.py" in err
    for module in ("app.use", "app.other"):
        result = _run_main(tmp_path, module)
        assert result.returncode == 0 and result.stdout == "1\n", result.stderr


def test_agn103_refused_when_the_body_awaits(tmp_path: Path) -> None:
    source = textwrap.dedent("""\
        import abc
        import asyncio
        from typing import AsyncIterator


        class Backend(abc.ABC):
            @abc.abstractmethod
            async def stream(self, prompt: str) -> AsyncIterator[str]:
                await asyncio.sleep(0)
                raise NotImplementedError

            @abc.abstractmethod
            async def other(self, prompt: str) -> AsyncIterator[str]:
                raise NotImplementedError
        """)
    (tmp_path / "stub.py").write_text(source)
    report = fix_project([str(tmp_path)], Settings(), True, _everything)
    fixed = (tmp_path / "stub.py").read_text()
    compile(fixed, "stub.py", "exec")
    assert "    async def stream(" in fixed and "    def other(" in fixed
    # The rule does not offer a fix whose result would not compile (the fixer's own guard,
    # ``_awaits_in_own_body``, is the second line of defence): the finding stays.
    assert report.refused == []
    assert (8, "AGN103") in [(f.line, f.code) for f in report.remaining]
    assert report.exit_status == 1


def test_fix_that_does_not_compile_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a rule offers, a fix whose file does not compile is not applied."""
    import libcst as cst

    (tmp_path / "m.py").write_text(GENS)
    real = apply_fixes  # what flake8_asyncgen.fixer imported

    def broken(module: cst.Module, fixes: List[Fix]) -> tuple[str, List[Fix]]:
        code, applied = real(module, fixes)
        return code.replace("async for", "async fro"), applied

    monkeypatch.setattr(fixer, "apply_fixes", broken)
    report = fix_project([str(tmp_path)], Settings(), True, _everything)
    assert (tmp_path / "m.py").read_text() == GENS
    assert report.refused and "would not compile" in report.refused[0].reason
    assert report.exit_status == 1


def test_noqa_and_selection_are_honoured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # app.gens is imported from the current directory
    _tree(tmp_path, {"app/gens.py": GENS,
                     "app/use.py": USE.replace("coro():\n", "coro():  # noqa: AGN201\n")})
    from flake8_asyncgen.noqa import inline_ignored

    report = fix_project([str(tmp_path / "app")], Settings(), False, _everything,
                         noqa=lambda line, code: inline_ignored(code, line))
    assert report.applied == [] and (tmp_path / "app/use.py").read_text() != USE
    assert (tmp_path / "app/use.py").read_text() == USE.replace(
        "coro():\n", "coro():  # noqa: AGN201\n")
    report = fix_project([str(tmp_path / "app")], Settings(), True,
                         lambda code, path: code != "AGN101")
    assert report.applied and report.applied[0].code == "AGN201"


def test_diff_writes_nothing_and_shows_the_same_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(tmp_path, {"app/gens.py": GENS, "app/use.py": USE})
    status = _run(tmp_path, "--diff", "--unsafe-fixes", "app", monkeypatch=monkeypatch)
    out = capsys.readouterr().out
    assert status == 1
    assert (tmp_path / "app/gens.py").read_text() == GENS
    assert (tmp_path / "app/use.py").read_text() == USE
    assert "+    async for _agn_item in agen():" in out
    assert "await coro()" not in out  # the call site follows the new kind


def test_line_endings_and_encoding_survive_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crlf = GENS.replace("\n", "\r\n").encode()
    latin = ("# -*- coding: latin-1 -*-\n# caf\u00e9\n" + GENS).replace("\n", "\r").encode(
        "latin-1")
    bom = b"\xef\xbb\xbf" + GENS.encode()
    (tmp_path / "crlf.py").write_bytes(crlf)
    (tmp_path / "latin.py").write_bytes(latin)
    (tmp_path / "bom.py").write_bytes(bom)
    os.chmod(tmp_path / "crlf.py", 0o750)
    status = _run(tmp_path, "--fix", "--unsafe-fixes", ".", monkeypatch=monkeypatch)
    assert status == 0
    delegated = "    async for _agn_item in agen():\n        yield _agn_item\n"
    fixed = GENS.replace("    return agen()\n", delegated)
    assert (tmp_path / "crlf.py").read_bytes() == fixed.replace("\n", "\r\n").encode()
    assert (tmp_path / "latin.py").read_bytes() == (
        "# -*- coding: latin-1 -*-\n# caf\u00e9\n" + fixed).replace("\n", "\r").encode("latin-1")
    assert (tmp_path / "bom.py").read_bytes() == b"\xef\xbb\xbf" + fixed.encode()
    assert os.stat(tmp_path / "crlf.py").st_mode & 0o777 == 0o750


def test_concurrent_edit_is_kept_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # app.gens is imported from the current directory
    _tree(tmp_path, {"app/gens.py": GENS, "app/use.py": USE})
    edited: List[bool] = []

    # Runs after the files were read: the user edits one.
    def selected(code: str, path: str) -> bool:
        if not edited:
            edited.append(True)
            with open(tmp_path / "app/use.py", "a") as handle:
                handle.write("# the user's edit\n")
        return True

    report = fix_project([str(tmp_path / "app")], Settings(), False, selected)
    assert (tmp_path / "app/use.py").read_text() == USE + "# the user's edit\n"
    assert report.written == []
    assert any("changed since it was read" in e.message for e in report.errors)
    assert report.exit_status == 1


def test_write_failure_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    """A fix that spans two modules is written whole or not at all (a full disk here)."""
    _tree(tmp_path, {"app/gens.py": GENS, "app/use.py": USE,
                     "app/more.py": "from app.gens import coro\n\n\nasync def go():\n"
                                    "    async for y in coro():\n        print(y)\n"})
    calls: List[int] = []

    def full(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        os.fsync(fd)

    monkeypatch.setattr(textfile, "_fsync", full)
    report = fix_project([str(tmp_path / "app")], Settings(), False, _everything)
    assert (tmp_path / "app/use.py").read_text() == USE
    assert "async for y in coro()" in (tmp_path / "app/more.py").read_text()
    assert report.written == [] and any("no space left" in e.message for e in report.errors)
    # what is left is what is on disk: both AGN201s
    assert sorted((r.path[-7:], r.code) for r in report.remaining) == [
        ("/use.py", "AGN201"), ("gens.py", "AGN101"), ("more.py", "AGN201")]
    assert [p.name for p in (tmp_path / "app").iterdir() if "agn-tmp" in p.name] == []


def test_symlink_out_of_tree_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "use.py").write_text(USE)
    _tree(tmp_path, {"app/gens.py": GENS})
    (tmp_path / "app/use.py").symlink_to(outside / "use.py")
    status = _run(tmp_path, "--fix", "app", monkeypatch=monkeypatch)
    err = capsys.readouterr().err
    assert status == 1
    assert (outside / "use.py").read_text() == USE
    assert (tmp_path / "app/use.py").is_symlink()
    assert "outside the tree being fixed" in err and "AGN201 fix not applied" in err


def test_symlink_inside_tree_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path, {"app/gens.py": GENS, "lib/use_impl.py": USE})
    (tmp_path / "app/use.py").symlink_to(tmp_path / "lib/use_impl.py")
    _run(tmp_path, "--fix", "app", monkeypatch=monkeypatch)
    assert (tmp_path / "lib/use_impl.py").read_text() == USE  # outside the tree "app"
    _run(tmp_path, "--fix", ".", monkeypatch=monkeypatch)  # inside the tree "."
    assert (tmp_path / "app/use.py").is_symlink()
    fixed = USE.replace("in coro()", "in await coro()")
    assert (tmp_path / "lib/use_impl.py").read_text() == fixed


def test_unparseable_file_is_an_error_and_the_rest_is_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # app.gens is imported from the current directory
    _tree(tmp_path, {"app/gens.py": GENS, "app/use.py": USE, "app/bad.py": "def (:\n"})
    report = fix_project([str(tmp_path / "app")], Settings(), False, _everything)
    assert "await coro()" in (tmp_path / "app/use.py").read_text()
    assert [e.path.endswith("bad.py") for e in report.errors] == [True]
    assert report.exit_status == 1


def test_the_cache_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, {"app/gens.py": GENS, "app/use.py": USE})
    _run(tmp_path, "--fix", "app", monkeypatch=monkeypatch)
    monkeypatch.chdir(tmp_path)
    fix_project(["app"], Settings(cache_dir=str(tmp_path / "cache")), False, _everything)
    assert not (tmp_path / ".agn_cache").exists() and not (tmp_path / "cache").exists()


def test_forget_all_drops_what_was_learnt(tmp_path: Path) -> None:
    """An edit that keeps a module's size and mtime is seen after forget_all()."""
    import ast

    from flake8_asyncgen.analyzer import analyse

    _tree(tmp_path, {"gens.py": GENS.replace("agen():\n    yield 1", "agen():\n    pass   "),
                     "use.py": "from gens import agen\n\n\nasync def main():\n"
                               "    await agen()\n"})
    use = tmp_path / "use.py"
    text = use.read_text()

    def codes() -> List[str]:
        result = analyse(ast.parse(text), text.splitlines(True), str(use), Settings())
        return [f.code for f in result.findings]

    assert codes() == []
    gens = tmp_path / "gens.py"
    info = os.stat(gens)
    gens.write_text(GENS)  # same size
    os.utime(gens, ns=(info.st_atime_ns, info.st_mtime_ns))
    forget_all()
    assert codes() == ["AGN200"]
    forget_all()


def test_message_key_drops_positions() -> None:
    assert message_key("AGN201 x (defined at app/gens.py:12) y") == \
        "AGN201 x (defined at app/gens.py) y"


def test_one_bad_fix_among_many_is_singled_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three modules' unsafe fixes in one round; one would break a caller elsewhere: the other
    two are applied, that one is refused with the finding it would add."""
    files = {f"app/g{n}.py": GENS for n in range(3)}
    for n in range(3):
        files[f"app/u{n}.py"] = USE.replace("app.gens", f"app.g{n}")
    files["app/awaits.py"] = ("from app.g1 import coro\n\n\nasync def main():\n"
                              "    stream = await coro()\n    async for y in stream:\n"
                              "        print(y)\n")
    _tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    report = fix_project(["app"], Settings(), True, _everything)
    assert sorted((a.path, a.code) for a in report.applied) == [
        ("app/g0.py", "AGN101"), ("app/g2.py", "AGN101"), ("app/u1.py", "AGN201")]
    assert [(r.path, r.code) for r in report.refused] == [("app/g1.py", "AGN101")]
    assert "would add AGN200 in app/awaits.py" in report.refused[0].reason
    for module in ("app.u0", "app.u1", "app.u2", "app.awaits"):
        result = _run_main(tmp_path, module)
        assert result.returncode == 0 and result.stdout == "1\n", (module, result.stderr)


def test_too_large_a_copy_is_an_error_not_a_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path, {"app/gens.py": GENS, "app/use.py": USE})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(fixer, "MAX_COPIED_FILES", 1)
    report = fix_project(["app"], Settings(), False, _everything)
    assert report.applied == [] and report.exit_status == 1
    assert "run the command from the project's folder" in report.errors[0].message
    assert (tmp_path / "app/use.py").read_text() == USE


def test_special_files_in_the_tree_are_not_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FIFO or a symlink to /dev/zero named ``*.py`` next to the code: the working copy
    skips them (no hang, no endless read), and the real files are still fixed."""
    _tree(tmp_path, {"app/gens.py": GENS, "app/use.py": USE})
    os.mkfifo(tmp_path / "fifo.py")
    (tmp_path / "zero.py").symlink_to("/dev/zero")
    monkeypatch.chdir(tmp_path)
    report = fix_project(["app"], Settings(), False, _everything)
    assert "await coro()" in (tmp_path / "app/use.py").read_text()
    assert report.errors == []


def test_fix_that_does_not_remove_its_finding_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fix that changes the text but leaves the finding would be offered again and again:
    it is refused once, and the run ends."""
    import libcst as cst

    (tmp_path / "m.py").write_text(GENS)

    def cosmetic(module: cst.Module, fixes: List[Fix]) -> tuple[str, List[Fix]]:
        return module.code + "# touched\n", list(fixes)

    monkeypatch.setattr(fixer, "apply_fixes", cosmetic)
    report = fix_project([str(tmp_path)], Settings(), True, _everything)
    assert (tmp_path / "m.py").read_text() == GENS
    assert [r.reason for r in report.refused] == ["the fix does not remove the finding"]


def test_symlinked_folder_loop_does_not_hang_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path, {"app/gens.py": GENS, "app/use.py": USE})
    (tmp_path / "app" / "loop").symlink_to(tmp_path)
    monkeypatch.chdir(tmp_path)
    report = fix_project(["app/gens.py", "app/use.py"], Settings(), False, _everything)
    assert "await coro()" in (tmp_path / "app/use.py").read_text()
    assert report.errors == []


def test_read_only_file_is_reported_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(tmp_path, {"app/gens.py": GENS, "app/use.py": USE})
    os.chmod(tmp_path / "app/use.py", 0o444)
    status = _run(tmp_path, "--fix", "app", monkeypatch=monkeypatch)
    err = capsys.readouterr().err
    assert status == 1
    assert "app/use.py:5: AGN201 fix not applied: not changed: app/use.py: the file is " \
        "read-only" in err
    assert "Traceback" not in err
    assert (tmp_path / "app/use.py").read_text() == USE


def test_diff_with_fix_is_refused_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(tmp_path, {"app/gens.py": GENS, "app/use.py": USE})
    with pytest.raises(SystemExit) as stopped:
        _run(tmp_path, "--fix", "--diff", "app", monkeypatch=monkeypatch)
    assert stopped.value.code == 2
    assert "--fix and --diff cannot be used together" in capsys.readouterr().err
    assert (tmp_path / "app/use.py").read_text() == USE
