"""A summary read back from the JSON cache is the same data as one made from the tree, and
anything that is not a summary this version writes is refused."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any, Callable, Dict

import pytest

from flake8_asyncgen.codec import InvalidSummary, from_json, to_json
from flake8_asyncgen.facts import collect

CASES = sorted((Path(__file__).parent / "cases").rglob("*.py"))


@pytest.mark.parametrize("path", CASES, ids=[str(p.relative_to(p.parents[1])) for p in CASES])
def test_cache_roundtrip_is_lossless(path: Path) -> None:
    summary, _ = collect(ast.parse(path.read_text()), "pkg.mod", False)
    encoded = to_json(summary)
    restored = from_json(json.loads(json.dumps(encoded)))
    assert to_json(restored) == encoded
    for fresh, back in zip(summary.scopes, restored.scopes):
        assert fresh.bindings == back.bindings
        if fresh.function is not None:
            assert back.function is not None
            assert fresh.function.returns == back.function.returns
            assert fresh.function.decorators == back.function.decorators


Damage = Callable[[Dict[str, Any]], Any]
SOURCE = "class C:\n    def m(self):\n        self.x = 1\nasync def f():\n    yield 1\n"


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s.pop("scopes"),
        lambda s: s["scopes"][0].update(k="x"),
        lambda s: s["scopes"].append({"k": "f", "p": 99, "b": {}, "q": "f", "l": 1}),
        lambda s: s["scopes"][1].update(p=1),  # its own parent: would loop forever
        lambda s: s["scopes"][2].update(p=2),
        lambda s: s["scopes"][0]["b"].update(C=["k", 7]),  # a class that does not exist
        lambda s: s["scopes"][0]["b"].update(C=["d", 1]),  # a class scope called a function
        lambda s: s["scopes"][0]["b"].update(x=["e", ["n", "y"], 99]),
        lambda s: s["scopes"][0]["b"].update(x=["zz"]),
        # An unpacked item out of its target's range, or of a target too long to follow.
        lambda s: s["scopes"][0]["b"].update(x=["e", ["it", ["n", "y"], 2, 2]]),
        lambda s: s["scopes"][0]["b"].update(x=["e", ["it", ["n", "y"], -1, 2]]),
        lambda s: s["scopes"][0]["b"].update(x=["e", ["it", ["n", "y"], 0, 10_000]]),
        # A helper parameter's passed arguments: none, a scope that does not exist, no pair.
        lambda s: s["scopes"][2]["b"].update(c=["p", None, []]),
        lambda s: s["scopes"][2]["b"].update(c=["p", None, [[["n", "x"], 99]]]),
        lambda s: s["scopes"][2]["b"].update(c=["p", None, [[["n", "x"]]]]),
        lambda s: s["scopes"][2]["b"].update(c=["p", None, "x"]),
        lambda s: s["scopes"][0].update(n="x" * 100_000),
        lambda s: s["scopes"][3]["fn"].update(a="yes"),
        lambda s: s["scopes"][3].pop("fn"),
        lambda s: s["scopes"][1]["cl"].update(bs=[["n"]]),
        lambda s: s.update(stars=[1]),
        lambda s: s.update(post=None),
    ],
)
def test_malformed_summaries_are_refused(damage: Damage) -> None:
    summary, _ = collect(ast.parse(SOURCE), "m", False)
    data = json.loads(json.dumps(to_json(summary)))
    damage(data)
    with pytest.raises(InvalidSummary):
        from_json(data)


def test_deep_expressions_are_refused_not_recursed() -> None:
    deep: Any = ["n", "x"]
    for _ in range(5000):
        deep = ["a", deep, "y"]
    summary, _ = collect(ast.parse("x = 1\n"), "m", False)
    data = to_json(summary)
    data["scopes"][0]["b"]["z"] = ["e", deep]
    with pytest.raises(InvalidSummary):
        from_json(data)


# Shapes whose facts once could not be read back (the cache then missed on every run).
TRICKY = [
    # An attribute assigned once, to None, outside __init__.
    "class Pool:\n    def close(self):\n        self.conn = None\n",
    # The same attribute assigned None twice, outside __init__.
    "class P:\n    def a(self):\n        self.c = None\n    def b(self):\n        self.c = None\n",
    # A module global assigned None, rebound to None through global.
    "c = None\ndef reset():\n    global c\n    c = None\n",
    # Environment alternatives, a decided version test, guards, class bodies writing locals().
    "import sys\ntry:\n    from fast import f\nexcept ImportError:\n    async def f():\n"
    "        yield 1\nif sys.version_info >= (3, 99):\n    g = 1\nelse:\n    g = 2\n"
    "class K:\n    locals()['x'] = 1\n",
]


@pytest.mark.parametrize("source", TRICKY)
def test_tricky_shapes_roundtrip(source: str) -> None:
    summary, _ = collect(ast.parse(source), "pkg.mod", False)
    encoded = to_json(summary)
    assert to_json(from_json(json.loads(json.dumps(encoded)))) == encoded
