"""JSON from untrusted bytes (cache entries): nesting is bounded before ``json.loads`` sees it.

Why: ``json.loads`` recurses once per nesting level, so a forged entry of a few hundred
kilobytes of ``[`` would raise RecursionError, or crash a process whose recursion limit was
raised (the plugin raises it for deeply nested code).  :func:`too_deep` counts nesting first,
in linear time and mostly in C.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

# The deepest JSON nesting accepted.  Real summaries nest a few levels plus one or two per link
# of an attribute/call chain (41 is the deepest seen in 4,000 real modules).
MAX_JSON_DEPTH = 200

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
# bytes.translate tables: keep only quotes and brackets; then make both bracket kinds one kind.
_ALL_BUT_STRUCTURE = bytes(range(256)).translate(None, b'"[]{}')
_ONE_BRACKET_KIND = bytes.maketrans(b"{}", b"[]")
_PEELED_PASSES = 8
_STEP = {ord("["): 1, ord("]"): -1}


def too_deep(data: bytes, limit: int) -> bool:
    """Whether JSON text nests arrays/objects more than ``limit`` deep (brackets inside strings
    do not count).  Linear time, no recursion, nearly all of it in C.

    Malformed text may be over-estimated (refused), never under-estimated where ``json.loads``
    would recurse: strings are skipped from the first quote on, as the parser reads them."""
    if b"\\" in data:
        data = _STRING.sub(b"", data)  # escapes (never in a summary the plugin writes)
    brackets = data.translate(_ONE_BRACKET_KIND, _ALL_BUT_STRUCTURE)
    if b'"' in brackets:
        # Two adjacent quotes delimit nothing but string text: dropping them keeps every
        # other quote's role.  Without escapes, the pieces between the remaining quotes
        # alternate outside/inside strings (an unterminated last string drops out).
        brackets = brackets.replace(b'""', b"")
        brackets = b"".join(brackets.split(b'"')[::2])
    # Peel the innermost pairs a few times (each pass removes exactly one level), then sum up
    # what is left; real summaries are mostly gone after the first passes.
    for depth in range(_PEELED_PASSES):
        if not brackets:
            return False
        if depth >= limit:
            return True
        inner = brackets.replace(b"[]", b"")
        if len(inner) == len(brackets):  # no pair left: "]]]...[[["; count the final opens
            return depth + len(brackets) - len(brackets.rstrip(b"[")) > limit
        brackets = inner
    deepest = max(accumulate(map(_STEP.__getitem__, brackets)), default=0)
    return _PEELED_PASSES + deepest > limit


def parse_bounded(data: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` for untrusted UTF-8 text: refuses nesting deeper than ``max_depth``
    before parsing.  Raises ``ValueError`` on anything refused or malformed."""
    if too_deep(data, max_depth):
        raise ValueError("JSON nested too deeply")
    text = data.decode("utf-8")
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
