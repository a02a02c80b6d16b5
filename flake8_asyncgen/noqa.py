"""What is reported: flake8's own ``# noqa`` and select / ignore / per-file-ignores logic.

The command must silence and select exactly what flake8 would with the plugin, so it does
not re-implement those rules: it calls flake8's (``flake8.violation.Violation`` for inline
``# noqa``, ``flake8.defaults.NOQA_FILE`` for ``# flake8: noqa``,
``flake8.style_guide.DecisionEngine`` for select / ignore). Only the mapping of a reported
line to the text searched for ``# noqa`` is written here, following flake8's
``FileProcessor``: a token that spans lines (a triple-quoted string, a backslash
continuation) lets a ``# noqa`` on any of its lines cover all of them. Every use of flake8's
internals is in this module; ``tests/test_cli_noqa.py`` runs flake8 itself beside it.
"""

from __future__ import annotations

import argparse
import fnmatch
import io
import os
import tokenize
from typing import Dict, List, Optional, Sequence, Tuple

from flake8 import defaults as flake8_defaults
from flake8.style_guide import Decision, DecisionEngine
from flake8.violation import Violation

# Codes that are on unless deselected: ours, and flake8's file-level errors (E902 cannot
# read, E999 cannot parse), as flake8 reports E9 by default.
DEFAULT_SELECT = ("AGN", "E9")


def noqa_lines(lines: Sequence[str]) -> Dict[int, str]:
    """Map each line number to the text flake8 searches for ``# noqa`` (``{}`` if the file
    does not tokenize, as in flake8)."""
    mapping: Dict[int, str] = {}
    first, last = len(lines) + 2, -1
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO("".join(lines)).readline))
    except (tokenize.TokenError, SyntaxError):
        return {}
    for kind, _, (start, _), (end, _), _ in tokens:
        if kind in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        first, last = min(first, start), max(last, end)
        if kind in (tokenize.NL, tokenize.NEWLINE):
            joined = "".join(lines[first - 1:last])
            for number in range(first, last + 1):
                mapping[number] = joined
            first, last = len(lines) + 2, -1
    return mapping


def file_is_noqa(lines: Sequence[str]) -> bool:
    """``# flake8: noqa`` alone on a line skips the whole file, as in flake8."""
    return any(flake8_defaults.NOQA_FILE.match(line) for line in lines)


def inline_ignored(code: str, physical_line: Optional[str]) -> bool:
    """flake8's verdict on ``# noqa`` for ``code`` reported on ``physical_line``."""
    if physical_line is None:
        return False
    violation = Violation(code, "", 0, 0, "", physical_line)
    return bool(violation.is_inline_ignored(disable_noqa=False))


class Decider:
    """select / ignore / extend-* / per-file-ignores, decided by flake8's DecisionEngine."""

    def __init__(
        self,
        select: Optional[List[str]] = None,
        ignore: Optional[List[str]] = None,
        extend_select: Optional[List[str]] = None,
        extend_ignore: Optional[List[str]] = None,
        per_file_ignores: Sequence[Tuple[str, List[str]]] = (),
    ) -> None:
        self._select, self._ignore = select, ignore
        self._extend_select = list(extend_select or [])
        self._extend_ignore = list(extend_ignore or [])
        self._per_file = [(_normalize(pattern), codes) for pattern, codes in per_file_ignores]
        self._engines: Dict[Optional[str], DecisionEngine] = {}

    def _engine(self, pattern: Optional[str], extra: Sequence[str]) -> DecisionEngine:
        engine = self._engines.get(pattern)
        if engine is None:
            options = argparse.Namespace(
                select=self._select,
                ignore=self._ignore,
                extend_select=self._extend_select,
                extend_ignore=[*self._extend_ignore, *extra],
                extended_default_select=list(DEFAULT_SELECT),
                extended_default_ignore=[],
            )
            engine = self._engines[pattern] = DecisionEngine(options)
        return engine

    def selected(self, code: str, filename: str) -> bool:
        # As flake8's StyleGuideManager: the longest matching per-file pattern applies.
        best: Optional[Tuple[str, List[str]]] = None
        for pattern, codes in self._per_file:
            if _applies(pattern, filename) and (best is None or len(pattern) > len(best[0])):
                best = (pattern, codes)
        if best is None:
            engine = self._engine(None, ())
        else:
            engine = self._engine(best[0], best[1])
        return engine.decision_for(code) is Decision.Selected


def _normalize(pattern: str) -> str:
    # flake8.utils.normalize_path: a pattern with a "/" is a path from the current folder.
    if "/" in pattern:
        return os.path.abspath(pattern).rstrip("/")
    return pattern


def _applies(pattern: str, filename: str) -> bool:
    base = os.path.basename(filename)
    if base not in (".", "..") and fnmatch.fnmatch(base, pattern):
        return True
    return fnmatch.fnmatch(os.path.abspath(filename), pattern)
