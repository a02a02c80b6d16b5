"""The result for a site is a function of that site and the facts, never of what else the
file contains.

1. On every case file and fixture, findings with the ordinary path (libcst only for files
   with findings) equal findings with the libcst pass forced on every file, and every site
   the ``ast`` walk lists names a libcst expression.
2. On generated files (hypothesmith), the forced pass places every site.
3. On files composed from independent fragments, each fragment gets the same findings
   alone and among the others.
"""

from __future__ import annotations

import ast
import os
import re
import textwrap
from pathlib import Path
from typing import List, Sequence, Tuple

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from flake8_asyncgen.analyzer import analyse
from flake8_asyncgen.settings import Settings

HERE = Path(__file__).parent
ROOT = HERE.parent
FILES = sorted((HERE / "cases").rglob("*.py")) + sorted((ROOT / "fixtures").rglob("*.py"))
NO_CACHE = Settings()

Found = List[Tuple[int, int, str, str]]


def _findings(source: str, filename: str, force: bool) -> Found:
    lines = source.splitlines(keepends=True)
    result = analyse(ast.parse(source), lines, filename, NO_CACHE, force_cst=force)
    return [(f.line, f.col, f.code, f.message) for f in result.findings]


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_forced_libcst_pass_agrees(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(path.parent)
    source = path.read_text(encoding="utf-8")
    filename = os.path.abspath(path)
    ordinary = _findings(source, filename, force=False)
    forced = _findings(source, filename, force=True)  # raises if a site is not placed
    assert ordinary == forced


_PREAMBLE = textwrap.dedent(
    """\
    import asyncio
    from contextlib import asynccontextmanager
    from typing import AsyncIterator as AI


    async def agen():
        yield 1


    async def coro():
        return 1


    @asynccontextmanager
    async def session():
        yield 1


    async def pages():
        return agen()
    """
)
# Each fragment is a function on its own; fragments never bind module-level names.
_FRAGMENTS = [
    "async def f{n}():\n    await agen()\n",
    "async def f{n}():\n    async for x in coro():\n        print(x)\n",
    "async def f{n}():\n    async for x in await pages():\n        print(x)\n",
    "def f{n}(c):\n    agen() if c else agen()\n",
    "async def f{n}():\n    await session()\n",
    "async def f{n}():\n    async with session() as s:\n        print(s)\n",
    "async def f{n}():\n    async with coro():\n        pass\n",
    "def f{n}():\n    return [x for x in agen()]\n",
    "def f{n}():\n    return list(agen())\n",
    "async def f{n}():\n    return [x async for x in agen()]\n",
    "def f{n}():\n    asyncio.run(agen())\n",
    "def f{n}():\n    return (lambda agen: agen())(coro)\n",
    "def f{n}():\n    return [agen() for agen in (coro,)]\n",
    "async def f{n}() -> AI[int]:\n    return await coro()\n",
    "async def f{n}():\n    return agen()\n",
    "async def f{n}():\n    await coro()\n",
    "def f{n}():\n    print(*agen())\n",
    "class K{n}:\n    async def m(self):\n        async for x in self.n():\n            pass\n\n"
    "    async def n(self):\n        return 1\n",
]


def _compose(indices: Sequence[int]) -> Tuple[str, List[int]]:
    """The preamble then the fragments; the line each fragment starts on."""
    text = _PREAMBLE
    starts = []
    for n, index in enumerate(indices):
        text += "\n\n"
        starts.append(text.count("\n") + 1)
        text += _FRAGMENTS[index].format(n=n)
    return text, starts


_DEFINED_AT = re.compile(r"defined at [^:()]+:(\d+)")


def _by_fragment(findings: Found, starts: List[int]) -> List[Found]:
    """Findings per fragment, with lines (also those in messages) relative to the fragment's
    start and the fragment's own names made neutral."""
    out: List[Found] = [[] for _ in starts]
    preamble: Found = []
    for line, col, code, message in findings:
        owner = max((i for i, s in enumerate(starts) if s <= line), default=None)
        if owner is None:
            preamble.append((line, col, code, message))
            continue
        start = starts[owner]

        def relative(match: "re.Match[str]") -> str:
            number = int(match.group(1))
            return f"defined at :{number - start if number >= start else number}"

        text = _DEFINED_AT.sub(relative, message)
        text = text.replace(f"f{owner}", "F").replace(f"K{owner}", "K")
        out[owner].append((line - start, col, code, text))
    return [preamble] + out


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.integers(0, len(_FRAGMENTS) - 1), min_size=1, max_size=6))
def test_fragments_are_judged_alone(tmp_path_factory: pytest.TempPathFactory,
                                    indices: List[int]) -> None:
    folder = tmp_path_factory.mktemp("frag")
    together, starts = _compose(indices)
    path = folder / "together.py"
    path.write_text(together)
    joint = _by_fragment(_findings(together, str(path), force=False), starts)
    for position, index in enumerate(indices):
        alone, alone_starts = _compose([index])
        single = folder / f"alone{position}.py"
        single.write_text(alone)
        found = _findings(alone, str(single), force=False)
        expected = _by_fragment(found, alone_starts)[1]
        assert sorted(joint[position + 1]) == sorted(expected)


hypothesmith = pytest.importorskip("hypothesmith")


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_grammar())
def test_generated_code_places_every_site(tmp_path_factory: pytest.TempPathFactory,
                                          source: str) -> None:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return
    try:
        import libcst

        libcst.parse_module(source)
    except Exception:  # noqa: BLE001 - code libcst itself rejects is out of scope here
        return
    path = tmp_path_factory.mktemp("gen") / "generated.py"
    path.write_text(source, encoding="utf-8")
    assert _findings(source, str(path), force=False) == _findings(source, str(path), force=True)
