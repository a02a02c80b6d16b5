"""Whether a block of statements always leaves its function.

Shared by the facts walk and the decorator-shape readers, which all ask whether a function
can fall off its end (and so return None there) before trusting what its returns give.
"""

from __future__ import annotations

import ast
from typing import List


def ends_in_exit(body: List[ast.stmt]) -> bool:
    """Whether every path through ``body`` ends in ``return`` or ``raise`` (a function that
    may fall off its end returns None there)."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return True
    if isinstance(last, ast.If):
        return ends_in_exit(last.body) and ends_in_exit(last.orelse)
    if isinstance(last, ast.While):
        return isinstance(last.test, ast.Constant) and last.test.value is True
    if isinstance(last, (ast.With, ast.AsyncWith)):
        return ends_in_exit(last.body)
    if isinstance(last, ast.Try):
        return ends_in_exit(last.body if not last.orelse else last.orelse) and all(
            ends_in_exit(handler.body) for handler in last.handlers
        )
    return False
