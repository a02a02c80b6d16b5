"""Finding the user's Python environment and the installed file a module name maps to
(issue 13, part 1).

Every environment here is a fake laid out in tmp_path. Its interpreters are scripts that would
create a marker file if anything ran them, and its ``.pth`` files hold ``import`` lines that would
do the same: the marker must never appear (nothing is executed, only read).
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import pytest

from flake8_asyncgen import cli, environments
from flake8_asyncgen.environments import (
    NAMESPACE,
    Environment,
    find_environment,
    forget,
    is_environment_dir,
    is_interpreter_file,
    locate_installed,
)
from flake8_asyncgen.settings import (
    OPTIONS,
    ConfigurationError,
    settings_from_namespace,
    settings_from_values,
)

RUNNING = f"3.{sys.version_info.minor}"
NO_ENVIRON: Dict[str, str] = {}


@pytest.fixture
def marker(tmp_path: Path) -> Iterator[Path]:
    """The file a fake interpreter or a ``.pth`` import line would create if run."""
    path = tmp_path / "EXECUTED"
    yield path
    assert not path.exists(), "something ran a fake interpreter or a .pth import line"


@pytest.fixture(autouse=True)
def _fresh_listings() -> Iterator[None]:
    forget()
    yield
    forget()


def real(path: Path) -> str:
    return os.path.realpath(path)


def interpreter(path: Path, marker: Path) -> Path:
    """A fake interpreter: running it would create ``marker``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\ntouch '{marker}'\n")
    path.chmod(0o755)
    return path


def venv(folder: Path, marker: Path, config: str = "version = 3.11.7\n",
         versions: tuple[str, ...] = ("3.11",)) -> List[Path]:
    """A POSIX virtual environment; its site folders, one per version."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pyvenv.cfg").write_text(f"home = /nowhere/bin\n{config}")
    interpreter(folder / "bin" / "python", marker)
    sites = []
    for version in versions:
        site = folder / "lib" / f"python{version}" / "site-packages"
        site.mkdir(parents=True)
        sites.append(site)
    return sites


def windows_venv(folder: Path, marker: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "pyvenv.cfg").write_text("home = C:\\Python311\nversion = 3.11.7\n")
    interpreter(folder / "Scripts" / "python.exe", marker)
    site = folder / "Lib" / "site-packages"
    site.mkdir(parents=True)
    return site


def files(root: Path, names: Dict[str, str]) -> None:
    for name, text in names.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


# --- which environment ------------------------------------------------------------------------


def test_agn_python_wins_over_virtual_env_project_and_running(tmp_path: Path,
                                                              marker: Path) -> None:
    (given,) = venv(tmp_path / "given", marker)
    (active,) = venv(tmp_path / "active", marker)
    venv(tmp_path / "project" / ".venv", marker)
    (running,) = venv(tmp_path / "running", marker)
    environ = {"VIRTUAL_ENV": str(tmp_path / "active")}
    folder = tmp_path / "given"
    assert find_environment(str(folder), str(tmp_path / "project"), environ, [str(running)]) == \
        Environment(f"the virtual environment {folder} (--agn-python)", (real(given),))
    # The interpreter inside the environment names the same environment.
    assert find_environment(str(folder / "bin" / "python"), None, environ, []) == \
        Environment(f"the virtual environment {folder} (--agn-python)", (real(given),))
    # Without it, VIRTUAL_ENV wins over the project's .venv and the running interpreter.
    assert find_environment(None, str(tmp_path / "project"), environ, [str(running)]) == \
        Environment(f"the virtual environment {tmp_path / 'active'} (VIRTUAL_ENV)",
                    (real(active),))


def test_project_venv_then_running_interpreter(tmp_path: Path, marker: Path) -> None:
    project = tmp_path / "project"
    (dot_venv,) = venv(project / ".venv", marker)
    (plain_venv,) = venv(project / "venv", marker)
    (running,) = venv(tmp_path / "running", marker)
    expected = Environment(
        f"the virtual environment {project / '.venv'} (found in the project)", (real(dot_venv),))
    assert find_environment(None, str(project), NO_ENVIRON, [str(running)]) == expected
    # A VIRTUAL_ENV naming a folder that no longer exists is stale: the next rule applies.
    gone = {"VIRTUAL_ENV": str(tmp_path / "deleted")}
    assert find_environment(None, str(project), gone, [str(running)]) == expected
    # A .venv without pyvenv.cfg is not a virtual environment: venv is next.
    (project / ".venv" / "pyvenv.cfg").unlink()
    assert find_environment(None, str(project), NO_ENVIRON, [str(running)]) == Environment(
        f"the virtual environment {project / 'venv'} (found in the project)", (real(plain_venv),))
    (project / "venv" / "pyvenv.cfg").unlink()
    assert find_environment(None, str(project), NO_ENVIRON, [str(running)]) == Environment(
        "the environment of the interpreter running flake8-asyncgen", (real(running),))


def test_running_interpreter_keeps_only_site_and_dist_packages(tmp_path: Path) -> None:
    stdlib = tmp_path / "usr" / "lib" / "python3.11"
    site = stdlib / "site-packages"
    dist = tmp_path / "usr" / "lib" / "python3" / "dist-packages"
    project = tmp_path / "project"
    for folder in (site, dist, project, stdlib / "lib-dynload"):
        folder.mkdir(parents=True, exist_ok=True)
    path = ["", str(project), str(tmp_path / "usr" / "lib" / "python311.zip"), str(stdlib),
            str(stdlib / "lib-dynload"), str(site), str(tmp_path / "gone" / "site-packages"),
            str(dist) + os.sep, str(site)]
    assert find_environment(None, None, NO_ENVIRON, path).site_dirs == (real(site), real(dist))
    assert find_environment(None, str(project), NO_ENVIRON, [str(project), str(stdlib)]) == \
        Environment("no Python environment", ())


def test_windows_layout(tmp_path: Path, marker: Path) -> None:
    site = windows_venv(tmp_path / "env", marker)
    expected = Environment(f"the virtual environment {tmp_path / 'env'} (--agn-python)",
                           (real(site),))
    assert find_environment(str(tmp_path / "env" / "Scripts" / "python.exe"), None,
                            NO_ENVIRON, []) == expected
    assert find_environment(str(tmp_path / "env"), None, NO_ENVIRON, []) == expected
    assert find_environment(None, None, {"VIRTUAL_ENV": str(tmp_path / "env")}, []).site_dirs \
        == (real(site),)


def test_version_from_pyvenv_cfg_then_running_then_highest(tmp_path: Path,
                                                           marker: Path) -> None:
    def chosen(name: str, config: str, versions: tuple[str, ...]) -> Optional[str]:
        venv(tmp_path / name, marker, config, versions)
        found = find_environment(str(tmp_path / name), None, NO_ENVIRON, []).site_dirs
        assert len(found) <= 1
        return Path(found[0]).parent.name if found else None

    three = ("3.10", "3.11", "3.12")
    assert chosen("a", "version = 3.11.7\n", three) == "python3.11"
    assert chosen("b", "version_info = 3.10.2.final.0\n", three) == "python3.10"
    assert chosen("c", "", ("3.98", RUNNING, "3.99")) == f"python{RUNNING}"
    # Highest by number, not by text (3.100 > 3.99); a python3.X without site-packages is
    # not an installation.
    (tmp_path / "d" / "lib" / "python3.101").mkdir(parents=True)
    assert chosen("d", "", ("3.98", "3.99", "3.100")) == "python3.100"
    # A version pyvenv.cfg names but that is not there: the running one, else the highest.
    assert chosen("e", "version = 3.97.0\n", ("3.98", "3.99")) == "python3.99"


def test_lib64_once_each(tmp_path: Path, marker: Path) -> None:
    (lib,) = venv(tmp_path / "fedora", marker)
    lib64 = tmp_path / "fedora" / "lib64" / "python3.11" / "site-packages"
    lib64.mkdir(parents=True)
    assert find_environment(str(tmp_path / "fedora"), None, NO_ENVIRON, []).site_dirs == \
        (real(lib), real(lib64))
    # venv makes lib64 a link to lib on some systems: one folder, listed once.
    (only,) = venv(tmp_path / "linked", marker)
    (tmp_path / "linked" / "lib64").symlink_to("lib")
    assert find_environment(str(tmp_path / "linked"), None, NO_ENVIRON, []).site_dirs == \
        (real(only),)


def test_system_interpreter_uses_its_prefix(tmp_path: Path, marker: Path) -> None:
    prefix = tmp_path / "pyenv" / "versions" / "3.11.7"
    for version in ("3.10", "3.11", "3.12"):
        (prefix / "lib" / f"python{version}" / "site-packages").mkdir(parents=True)
    site = prefix / "lib" / "python{}" / "site-packages"
    versioned = interpreter(prefix / "bin" / "python3.11", marker)
    assert find_environment(str(versioned), None, NO_ENVIRON, []) == Environment(
        f"the Python installation {prefix} (--agn-python)", (real(Path(str(site).format("3.11"))),))
    # No version in the name: the newest installed.
    plain = interpreter(prefix / "bin" / "python", marker)
    assert find_environment(str(plain), None, NO_ENVIRON, []).site_dirs == \
        (real(Path(str(site).format("3.12"))),)
    # A link names the version of its target (read, not run).
    (prefix / "bin" / "python3").symlink_to("python3.10")
    interpreter(prefix / "bin" / "python3.10", marker)
    assert find_environment(str(prefix / "bin" / "python3"), None, NO_ENVIRON, []).site_dirs \
        == (real(Path(str(site).format("3.10"))),)
    # An installation folder given directly (a conda environment: no pyvenv.cfg).
    assert find_environment(str(prefix), None, NO_ENVIRON, []) == Environment(
        f"the Python installation {prefix} (--agn-python)",
        (real(Path(str(site).format("3.12"))),))


def test_linked_interpreter_falls_back_to_its_target_installation(tmp_path: Path,
                                                                  marker: Path) -> None:
    # /opt/homebrew/bin/python3 -> ../Cellar/python/3.11/bin/python3.11: the link's own prefix
    # holds no packages here, its target's does.
    target = interpreter(tmp_path / "Cellar" / "python" / "bin" / "python3.11", marker)
    site = tmp_path / "Cellar" / "python" / "lib" / "python3.11" / "site-packages"
    site.mkdir(parents=True)
    (tmp_path / "brew" / "bin").mkdir(parents=True)
    (tmp_path / "brew" / "bin" / "python3").symlink_to(target)
    assert find_environment(str(tmp_path / "brew" / "bin" / "python3"), None, NO_ENVIRON, []) \
        == Environment(
            f"the Python installation {real(tmp_path / 'Cellar' / 'python')} (--agn-python)",
            (real(site),))
    (tmp_path / "brew" / "lib" / "python3.11" / "site-packages").mkdir(parents=True)
    assert find_environment(str(tmp_path / "brew" / "bin" / "python3"), None, NO_ENVIRON, []) \
        == Environment(f"the Python installation {tmp_path / 'brew'} (--agn-python)",
                       (real(tmp_path / "brew" / "lib" / "python3.11" / "site-packages"),))


def test_include_system_site_packages(tmp_path: Path, marker: Path) -> None:
    base = tmp_path / "base"
    base_site = base / "lib" / "python3.11" / "site-packages"
    base_site.mkdir(parents=True)
    interpreter(base / "bin" / "python3.11", marker)
    (own,) = venv(tmp_path / "env", marker)
    config = tmp_path / "env" / "pyvenv.cfg"
    config.write_text(f"home = {base / 'bin'}\ninclude-system-site-packages = true\n"
                      "version = 3.11.7\n")
    assert find_environment(str(tmp_path / "env"), None, NO_ENVIRON, []).site_dirs == \
        (real(own), real(base_site))
    config.write_text(f"home = {base / 'bin'}\ninclude-system-site-packages = false\n")
    assert find_environment(str(tmp_path / "env"), None, NO_ENVIRON, []).site_dirs == \
        (real(own),)


def test_pth_files_add_existing_folders_and_run_nothing(tmp_path: Path, marker: Path) -> None:
    (site,) = venv(tmp_path / "env", marker)
    outside = tmp_path / "src"
    for folder in (outside, site / "vendored", site / "import sys", tmp_path / "second",
                   tmp_path / "hidden"):
        folder.mkdir()
    files(site, {
        # Python reads .pth files in name order: b.pth's folder comes after a.pth's.
        "b.pth": f"{tmp_path / 'second'}\n",
        "a.pth": (f"# a comment\n\n{outside}\nvendored\nmissing\n"
                  f"import pathlib; pathlib.Path({str(marker)!r}).touch()\n"
                  "import sys\n"),
        ".hidden.pth": f"{tmp_path / 'hidden'}\n",
        # A .pth file is a few lines: a huge one is not read.
        "huge.pth": f"{tmp_path / 'hidden'}\n" + "#" * 1_100_000 + "\n",
        "notes.txt": f"{tmp_path / 'hidden'}\n",
    })
    assert find_environment(str(tmp_path / "env"), None, NO_ENVIRON, []).site_dirs == (
        real(site), real(outside), real(site / "vendored"), real(tmp_path / "second"))


def test_pth_folders_follow_each_site_folder(tmp_path: Path, marker: Path) -> None:
    # The running interpreter's site folders, each followed by what its .pth files add.
    first, second, added = tmp_path / "a" / "site-packages", tmp_path / "b" / "dist-packages", \
        tmp_path / "added"
    for folder in (first, second, added):
        folder.mkdir(parents=True)
    (first / "x.pth").write_text(f"{added}\n")
    assert find_environment(None, None, NO_ENVIRON, [str(first), str(second)]).site_dirs == \
        (real(first), real(added), real(second))


def test_a_fifo_is_not_read(tmp_path: Path, marker: Path) -> None:
    # A checked-out project decides what its .venv holds: a FIFO must not hang the run.
    (site,) = venv(tmp_path / "project" / ".venv", marker)
    config = tmp_path / "project" / ".venv" / "pyvenv.cfg"
    config.unlink()
    os.mkfifo(config)
    os.mkfifo(site / "fifo.pth")
    assert find_environment(None, str(tmp_path / "project"), NO_ENVIRON, []) == \
        Environment("no Python environment", ())
    assert find_environment(str(tmp_path / "project" / ".venv"), None, NO_ENVIRON, []) == \
        Environment(f"the Python installation {tmp_path / 'project' / '.venv'} (--agn-python)",
                    (real(site),))
    # Even when asked directly (a file swapped for a FIFO after it was checked). In a thread,
    # so that a regression fails this test instead of hanging the suite.
    read: List[str] = []
    reader = threading.Thread(target=lambda: read.append(environments._read_text(str(config))),
                              daemon=True)
    reader.start()
    reader.join(timeout=30)
    assert read == [""]


def test_nothing_is_executed(tmp_path: Path, marker: Path) -> None:
    venv(tmp_path / "env", marker)
    (tmp_path / "env" / "lib" / "python3.11" / "site-packages" / "run.pth").write_text(
        f"import os; open({str(marker)!r}, 'w').close()\n")
    prefix = tmp_path / "system"
    (prefix / "lib" / "python3.11" / "site-packages").mkdir(parents=True)
    for python in (tmp_path / "env" / "bin" / "python", tmp_path / "env",
                   interpreter(prefix / "bin" / "python3", marker)):
        assert find_environment(str(python), None, NO_ENVIRON, []).site_dirs
        settings_from_values(python=str(python))
    find_environment(None, str(tmp_path), {"VIRTUAL_ENV": str(tmp_path / "env")}, [])
    # The fakes really would leave the marker if run (or the check above proves nothing).
    subprocess.run([str(tmp_path / "env" / "bin" / "python")], check=True, timeout=30)
    assert marker.exists()
    marker.unlink()


# --- which file -------------------------------------------------------------------------------


@pytest.fixture
def two_sites(tmp_path: Path) -> Environment:
    first, second = tmp_path / "one" / "site-packages", tmp_path / "two" / "site-packages"
    files(first, {
        "typed.pyi": "", "typed.py": "",
        "pkg/__init__.pyi": "", "pkg/__init__.py": "", "pkg/sub.py": "", "pkg/sub.pyi": "",
        "pkg/only.py": "", "pkg/deep/__init__.py": "", "pkg/deep/leaf.py": "",
        "foo/__init__.py": "", "foo/client.py": "", "foo/extra.py": "",
        "ns/a.py": "",
        "shadow/x.py": "",
        "fast.cpython-311-x86_64-linux-gnu.so": "", "typedfast.abi3.so": "", "typedfast.pyi": "",
        "winmod.cp311-win_amd64.pyd": "", "oldmod.pyc": "",
        "cpkg/__init__.cpython-311-x86_64-linux-gnu.so": "", "cpkg/helpers.py": "",
        "both/__init__.py": "", "both.py": "",
        "mixed/data.txt": "", "mixed.py": "",
        "dup.py": "",
        "google/protobuf/__init__.py": "", "google/protobuf/message.py": "",
        "google/protobuf/json_format.py": "",
    })
    files(second, {
        "foo-stubs/__init__.pyi": "", "foo-stubs/client.pyi": "",
        "ns/b.py": "",
        "shadow/__init__.py": "",
        "fast.py": "",
        "dup.py": "",
        "google-stubs/protobuf/message.pyi": "",
        "onlystubs-stubs/part.pyi": "",
    })
    return Environment("two site folders", (real(first), real(second)))


@pytest.mark.parametrize("name, expected", [
    # .pyi before .py, for modules and for packages
    ("typed", "one/site-packages/typed.pyi"),
    ("pkg", "one/site-packages/pkg/__init__.pyi"),
    ("pkg.sub", "one/site-packages/pkg/sub.pyi"),
    ("pkg.only", "one/site-packages/pkg/only.py"),
    ("pkg.deep.leaf", "one/site-packages/pkg/deep/leaf.py"),
    # a stub-only package in any site folder first; the package where it has no stub
    ("foo", "two/site-packages/foo-stubs/__init__.pyi"),
    ("foo.client", "two/site-packages/foo-stubs/client.pyi"),
    ("foo.extra", "one/site-packages/foo/extra.py"),
    ("google.protobuf.message", "two/site-packages/google-stubs/protobuf/message.pyi"),
    ("google.protobuf.json_format", "one/site-packages/google/protobuf/json_format.py"),
    ("google.protobuf", "one/site-packages/google/protobuf/__init__.py"),
    # a namespace package split across site folders: each portion is searched
    ("ns", NAMESPACE),
    ("google", NAMESPACE),
    ("onlystubs", NAMESPACE),
    ("onlystubs.part", "two/site-packages/onlystubs-stubs/part.pyi"),
    ("ns.a", "one/site-packages/ns/a.py"),
    ("ns.b", "two/site-packages/ns/b.py"),
    ("ns.c", None),
    # a regular package in a later folder wins over an earlier namespace portion
    ("shadow", "two/site-packages/shadow/__init__.py"),
    ("shadow.x", None),
    # compiled modules: unknown without a stub, and they shadow later folders
    ("fast", None),
    ("typedfast", "one/site-packages/typedfast.pyi"),
    ("winmod", None),
    ("oldmod", None),
    ("cpkg", None),
    ("cpkg.helpers", "one/site-packages/cpkg/helpers.py"),
    # a package beats a module file, which beats a namespace portion (Python's order)
    ("both", "one/site-packages/both/__init__.py"),
    ("mixed", "one/site-packages/mixed.py"),
    # first folder wins; modules have no submodules; not installed
    ("dup", "one/site-packages/dup.py"),
    ("typed.sub", None),
    ("absent", None),
    ("absent.sub", None),
    # name parts must be identifiers
    ("", None), ("foo-stubs", None), ("pkg..sub", None), ("pkg.", None), ("1pkg", None),
    ("pkg.sub-x", None),
])
def test_locate_installed(two_sites: Environment, tmp_path: Path, name: str,
                          expected: Optional[str]) -> None:
    wanted = expected if expected in (None, NAMESPACE) else real(tmp_path / str(expected))
    assert locate_installed(name, two_sites) == wanted


def test_locate_returns_real_paths(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    files(tmp_path / "elsewhere", {"linked/__init__.py": "", "mod.py": ""})
    site.mkdir()
    (site / "linked").symlink_to(tmp_path / "elsewhere" / "linked")
    (site / "mod.py").symlink_to(tmp_path / "elsewhere" / "mod.py")
    environment = Environment("links", (real(site),))
    assert locate_installed("linked", environment) == \
        real(tmp_path / "elsewhere" / "linked" / "__init__.py")
    assert locate_installed("mod", environment) == real(tmp_path / "elsewhere" / "mod.py")


def test_listings_are_memoised_until_forget(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    site.mkdir()
    environment = Environment("memo", (real(site),))
    assert locate_installed("later", environment) is None
    (site / "later.py").write_text("")
    assert locate_installed("later", environment) is None  # the folder was read once
    forget()
    assert locate_installed("later", environment) == real(site / "later.py")


def test_found_through_a_discovered_environment(tmp_path: Path, marker: Path) -> None:
    (site,) = venv(tmp_path / "project" / ".venv", marker)
    files(tmp_path / "src", {"editable_pkg/__init__.py": ""})
    files(site, {"httpx/__init__.py": "", "add.pth": f"{tmp_path / 'src'}\n"})
    environment = find_environment(None, str(tmp_path / "project"), NO_ENVIRON, [])
    assert locate_installed("httpx", environment) == real(site / "httpx" / "__init__.py")
    assert locate_installed("editable_pkg", environment) == \
        real(tmp_path / "src" / "editable_pkg" / "__init__.py")


# --- the option -------------------------------------------------------------------------------


def test_option_is_declared_once() -> None:
    (spec,) = [spec for spec in OPTIONS if spec.flag == "--agn-python"]
    assert (spec.dest, spec.kind, spec.default) == ("agn_python", "path", "")


def test_settings_accept_interpreters_and_environment_folders(
    tmp_path: Path, marker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    venv(tmp_path / "env", marker)
    windows_venv(tmp_path / "win", marker)
    (tmp_path / "conda" / "lib" / "python3.12").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert settings_from_values().python is None
    assert settings_from_values(python="").python is None
    for given in ("env", "env/bin/python", "win", "win/Scripts/python.exe", "conda"):
        assert settings_from_values(python=given).python == str(tmp_path / given)
    namespace = argparse.Namespace(agn_python=str(tmp_path / "env"))
    assert settings_from_namespace(namespace).python == str(tmp_path / "env")
    assert settings_from_namespace(argparse.Namespace()).python is None


@pytest.mark.parametrize("given", ["nonexistent", "notes.txt", "empty", "env/bin"])
def test_settings_refuse_what_is_not_an_environment(
    tmp_path: Path, marker: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    venv(tmp_path / "env", marker)
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigurationError) as raised:
        settings_from_values(python=given)
    assert "--agn-python" in str(raised.value) and repr(given) in str(raised.value)


def test_interpreter_and_environment_checks(tmp_path: Path, marker: Path) -> None:
    for name in ("python", "python3", "python3.11", "python3.13t", "python.exe", "pythonw.exe",
                 "pypy3"):
        assert is_interpreter_file(str(interpreter(tmp_path / "bin" / name, marker))), name
    for name in ("python3-config", "pip", "python.txt"):
        assert not is_interpreter_file(str(interpreter(tmp_path / "bin" / name, marker))), name
    assert not is_interpreter_file(str(tmp_path / "bin"))  # a folder named like nothing
    (tmp_path / "pythondir" / "python").mkdir(parents=True)
    assert not is_interpreter_file(str(tmp_path / "pythondir" / "python"))
    assert not is_environment_dir(str(tmp_path / "bin"))
    (tmp_path / "bin" / "pyvenv.cfg").write_text("")
    assert is_environment_dir(str(tmp_path / "bin"))


def test_the_command_and_flake8_name_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.py").write_text("x = 1\n")
    missing = str(tmp_path / "nonexistent")
    assert cli.main(["--agn-python", missing, "x.py"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and f"--agn-python: {missing!r} does not exist" in captured.err
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flake8-asyncgen]\nagn-python = "./nonexistent"\n')
    assert cli.main(["x.py"]) == 2
    assert f"--agn-python: {missing!r} does not exist" in capsys.readouterr().err
    (tmp_path / "pyproject.toml").unlink()
    done = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "AGN", "--agn-python", missing, "x.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"--agn-python: {missing!r} does not exist" in done.stderr


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of bundled stubs, in place of the one shipped with the package."""
    folder = tmp_path / "bundled"
    files(folder, {
        "untyped/__init__.pyi": "", "untyped/core.pyi": "",
        "typedpkg/__init__.pyi": "",
        "stubbed/__init__.pyi": "",
        "absentpkg/__init__.pyi": "",
    })
    monkeypatch.setattr(environments, "BUNDLED_STUBS", real(folder))
    return folder


@pytest.mark.parametrize("name, expected", [
    # an untyped installed package: the bundled stub, module by module; the package where the
    # stub has no module (partial)
    ("untyped", "bundled/untyped/__init__.pyi"),
    ("untyped.core", "bundled/untyped/core.pyi"),
    ("untyped.extra", "site-packages/untyped/extra.py"),
    # inline types (py.typed) win over a bundled stub
    ("typedpkg", "site-packages/typedpkg/__init__.py"),
    # a <top>-stubs package in the environment wins over a bundled stub
    ("stubbed", "site-packages/stubbed-stubs/__init__.pyi"),
    # not installed at all (a pre-commit hook's environment): the bundled stub
    ("absentpkg", "bundled/absentpkg/__init__.pyi"),
    ("absentpkg.sub", None),
])
def test_bundled_stubs_come_after_stub_packages_and_inline_types(
    bundle: Path, tmp_path: Path, name: str, expected: Optional[str]
) -> None:
    site = tmp_path / "site-packages"
    files(site, {
        "untyped/__init__.py": "", "untyped/core.py": "", "untyped/extra.py": "",
        "typedpkg/__init__.py": "", "typedpkg/py.typed": "",
        "stubbed/__init__.py": "", "stubbed-stubs/__init__.pyi": "",
    })
    environment = Environment("one site folder", (real(site),))
    wanted = expected if expected is None else real(tmp_path / expected)
    assert locate_installed(name, environment) == wanted


def test_shipped_stubs_are_packaged_and_parse() -> None:
    """Every bundled stub is valid Python and is listed in the package data the wheel takes."""
    shipped = Path(environments.BUNDLED_STUBS)
    stubs = sorted(shipped.rglob("*.pyi"))
    assert stubs, "no bundled stubs found"
    for stub in stubs:
        ast.parse(stub.read_text(encoding="utf-8"), filename=str(stub))
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    assert '"stubs/**/*.pyi"' in pyproject.read_text(encoding="utf-8")
