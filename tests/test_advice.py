"""A message's advice names what the reader can change: for a callee defined in an installed
package (or a bundled stub) not "make it an async generator", which only its authors can do;
for an async generator function that its decorator wrapped in a coroutine, the decorator."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import pytest

from agn_harness import configure, lint_file

CASES = Path(__file__).parent / "cases"


def _messages(path: Path, monkeypatch: pytest.MonkeyPatch, args: List[str]) -> Dict[int, str]:
    folder = path.parent
    while folder.parent != CASES:
        folder = folder.parent
    monkeypatch.chdir(folder)
    configure(args)
    try:
        return {line: message for line, _, message in lint_file(path)}
    finally:
        configure()


def test_installed_callee_advice_names_only_the_call(monkeypatch: pytest.MonkeyPatch) -> None:
    path = CASES / "xlib_bundled_stubs" / "app" / "files.py"
    found = _messages(path, monkeypatch, ["--agn-python", "env"])
    agn201 = [m for m in found.values() if m.startswith("AGN201") and "readlines" in m]
    assert agn201, found
    assert "make `readlines`" not in agn201[0]
    assert "`await` it first: `async for ... in await f.readlines(...)`" in agn201[0]
    assert "flake8_asyncgen/stubs/aiofiles/base.pyi" in agn201[0]


def test_project_callee_advice_offers_both(monkeypatch: pytest.MonkeyPatch) -> None:
    path = CASES / "recall_receiver_delegation.py"
    monkeypatch.chdir(CASES)
    configure([])
    try:
        found = [m for _, _, m in lint_file(path) if m.startswith("AGN201")]
    finally:
        configure()
    assert found and "make `scan` an async generator" in found[0]


def test_decorated_callee_advice_names_the_decorator(monkeypatch: pytest.MonkeyPatch) -> None:
    path = CASES / "xmod_decorator_wrappers" / "app" / "main.py"
    found = _messages(path, monkeypatch, [])
    message = next(m for m in found.values() if m.startswith("AGN201"))
    assert "`Greeter.stream()` (defined at app/servicer.py:10" in message
    wrapper = "`_async_injection_wrapper.auto_injected_func`"
    assert f"replaces with coroutine function {wrapper}" in message
    assert "its decorator's wrapper must be an async generator" in message
