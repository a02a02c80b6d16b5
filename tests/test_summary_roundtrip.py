"""A summary read back from the JSON cache is the same data as one made from the tree."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from flake8_asyncgen.facts import collect
from flake8_asyncgen.project import restore

CASES = sorted((Path(__file__).parent / "cases").rglob("*.py"))


@pytest.mark.parametrize("path", CASES, ids=[str(p.relative_to(p.parents[1])) for p in CASES])
def test_cache_roundtrip_is_lossless(path: Path) -> None:
    summary, _ = collect(ast.parse(path.read_text()), "pkg.mod", False)
    assert restore(json.loads(json.dumps(summary))) == summary


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s.pop("scopes"),
        lambda s: s["scopes"][0].update(k="x"),
        lambda s: s["scopes"].append({"k": "f", "p": 99, "b": {}, "q": "f", "l": 1}),
        lambda s: s.update(stars=[1]),
        lambda s: s.update(v=0),
    ],
)
def test_malformed_summaries_are_refused(damage) -> None:
    summary, _ = collect(ast.parse("async def f():\n    yield 1\n"), "m", False)
    data = json.loads(json.dumps(summary))
    damage(data)
    with pytest.raises((ValueError, KeyError, TypeError)):
        restore(data)
