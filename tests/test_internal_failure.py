"""Whatever goes wrong inside, flake8's run goes on: one AGN900 at line 1, no traceback."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any, List, Tuple, Type

import pytest

from agn_harness import configure, lint_file
from flake8_asyncgen import plugin


def _run(source: str) -> List[Tuple[int, int, str, Type[Any]]]:
    tree = ast.parse(source)
    checker = plugin.AsyncGenChecker(tree, "example.py", source.splitlines(keepends=True))
    return list(checker.run())


@pytest.mark.parametrize("error", [RuntimeError("boom"), RecursionError(), KeyError("k")])
def test_unexpected_exception_becomes_agn900(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(plugin, "analyse", explode)
    results = _run("async def f():\n    pass\n")
    assert len(results) == 1
    line, col, message, _ = results[0]
    assert (line, col) == (1, 0)
    assert message.startswith("AGN900 flake8-asyncgen could not analyse this file")


def test_libcst_parse_failure_becomes_agn900(monkeypatch: pytest.MonkeyPatch) -> None:
    import libcst

    original = libcst.parse_module

    def reject(source: str) -> None:
        original("def (:")

    monkeypatch.setattr(libcst, "parse_module", reject)
    source = "async def gen():\n    yield 1\nasync def main():\n    await gen()\n"
    (message,) = [m for _, _, m, _ in _run(source)]
    assert message.startswith("AGN900") and "libcst cannot parse it" in message


@pytest.mark.parametrize("operands", [600, 8000])
def test_long_boolean_chains_are_analysed(tmp_path: Path, operands: int) -> None:
    # libcst's native parser recursed past the C stack on such code (a segfault no except can
    # catch, which killed flake8 or hung it under -j): run as flake8 does, in a subprocess.
    source = "async def agen():\n    yield 1\n\n\nasync def main(a):\n    await agen()\n"
    source += "    return " + " or ".join(["a"] * operands) + "\n"
    (tmp_path / "chain.py").write_text(source)
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "AGN", "--agn-no-cache", "chain.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1, result.stderr
    found = [line.split(": ")[1][:6] for line in result.stdout.splitlines()]
    if found == ["AGN900"] and operands > 1000 and sys.version_info >= (3, 12):
        # Python 3.12+ has a fixed C recursion limit that libcst's position pass exceeds on
        # such code: one clean AGN900 is the documented outcome there, never a crash.
        assert result.stdout.startswith("chain.py:1:1: AGN900 ")
        return
    assert found == ["AGN200"]
    assert result.stdout.startswith("chain.py:6:5: ")


def test_deeply_nested_code_does_not_crash(tmp_path: Path) -> None:
    depth = 90
    source = "async def gen():\n    yield 1\n\nasync def main():\n    x = " + "(" * depth
    source += "await gen()" + ")" * depth + "\n"
    path = tmp_path / "deep.py"
    path.write_text(source)
    configure()
    # ast handles this depth and the libcst pass runs on a large stack: a real finding.
    assert [(line, m[:6]) for line, _, m in lint_file(path)] == [(5, "AGN200")]


def test_failure_reason_never_formats_the_exception() -> None:
    # libcst on Python 3.12 raised a KeyError keyed by a deeply nested node whose ``str()``
    # recursed without end; the reason must come without formatting such objects.
    class Unprintable(Exception):
        def __str__(self) -> str:
            raise RecursionError("formatting recursed")

        __repr__ = __str__

    from flake8_asyncgen.messages import internal_failure_reason

    assert internal_failure_reason(Unprintable(object())) == (
        "internal error Unprintable; please report it"
    )
    assert internal_failure_reason(KeyError(Unprintable())) == (
        "internal error KeyError; please report it"
    )


def test_unprintable_exception_inside_becomes_agn900(monkeypatch: pytest.MonkeyPatch) -> None:
    class Unprintable(Exception):
        def __str__(self) -> str:
            raise RecursionError("formatting recursed")

    def explode(*args: object, **kwargs: object) -> None:
        raise KeyError(Unprintable())

    monkeypatch.setattr(plugin, "analyse", explode)
    (result,) = _run("x = 1\n")
    assert result[2].startswith("AGN900 ")
