"""Choosing an ``@overload`` signature by the booleans a call passes.

LLM and database SDKs declare what a call gives by overloads on a flag:
``create(..., stream: Literal[True]) -> AsyncStream[Chunk]`` beside
``create(..., stream: Literal[False] | NotGiven = ...) -> Completion``.  As a type checker
does, the first signature the call may match is chosen.  Only ``True`` / ``False`` given by
keyword are known of a call; a signature is ruled out only by one of them, and a flag the
call does not give by keyword is assumed left at its default.  When a signature needs such
a flag without a default, which one applies is not known.
"""

from __future__ import annotations

from typing import Optional, Sequence, Tuple

from .model import FunctionFacts, Scope


def choose(
    scopes: Sequence[Scope], implementation: FunctionFacts, given: Tuple[Tuple[str, bool], ...]
) -> Optional[int]:
    """The scope of the overload signature a call passing ``given`` resolves to; None when
    there are no overloads, or which one applies is not known."""
    if not given or not implementation.overloads:
        return None
    literals = dict(given)
    for sid in implementation.overloads:
        facts = scopes[sid].function
        if facts is None:
            return None
        compatible = True
        for name, value, has_default in facts.literal_params:
            if name in literals:
                if literals[name] != value:
                    compatible = False
                    break
            elif not has_default:
                return None  # maybe passed positionally, or as a variable: not known
        if compatible:
            return sid
    return None
