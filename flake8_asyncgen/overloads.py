"""Choosing an ``@overload`` signature by the booleans a call passes.

LLM and database SDKs declare what a call gives by overloads on a flag:
``create(..., stream: Literal[True]) -> AsyncStream[Chunk]`` beside
``create(..., stream: Literal[False] | NotGiven = ...) -> Completion``.  Only ``True`` /
``False`` given by keyword are known of a call (none when it also has ``*args`` or
``**kwargs``).  The signatures are tried in order, as a type checker does; each must be
decided by those flags: it declares a parameter taking only one boolean for some flag the
call gives, and it is chosen when every such parameter of it agrees with the call (one the
call does not give must be keyword-only with a default).  A signature the flags do not
decide (it differs by other arguments' types) makes the choice unknown.
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
        if facts is None or not any(name in literals for name, _, _ in facts.literal_params):
            return None  # not decided by the flags given: its other arguments decide
        compatible = True
        for name, value, left_at_default in facts.literal_params:
            if name in literals:
                if literals[name] != value:
                    compatible = False
                    break
            elif not left_at_default:
                return None  # maybe passed positionally: not known
        if compatible:
            return sid
    return None
