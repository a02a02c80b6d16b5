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

A call giving none of the flags (``create(model=..., messages=...)``, no ``**kwargs``) is
decided the same way: the first signature whose flag parameters all have defaults applies
(``stream: Literal[False] | NotGiven = NOT_GIVEN``: a completion, not a stream), provided
every signature up to it declares such flags; a flag given otherwise than as ``True`` /
``False`` (``stream=wants_stream``) leaves the choice unknown.
"""

from __future__ import annotations

from typing import Optional, Sequence, Tuple

from .model import FunctionFacts, Scope


def choose(
    scopes: Sequence[Scope],
    implementation: FunctionFacts,
    given: Tuple[Tuple[str, bool], ...],
    named: Tuple[str, ...] = (),
) -> Optional[int]:
    """The scope of the overload signature a call passing ``given`` (and the other keyword
    arguments ``named``, ``"**"`` for a ``**kwargs``) resolves to; None when there are no
    overloads, or which one applies is not known."""
    if not implementation.overloads or (not given and "**" in named):
        return None
    literals = dict(given)
    for sid in implementation.overloads:
        facts = scopes[sid].function
        if facts is None or not facts.literal_params or (
            given and not any(name in literals for name, _, _ in facts.literal_params)
        ):
            return None  # not decided by the flags given: its other arguments decide
        compatible = True
        for name, value, left_at_default in facts.literal_params:
            if name in literals:
                if literals[name] != value:
                    compatible = False
                    break
            elif name in named:
                return None  # ``stream=wants_stream``: not known
            elif not left_at_default:
                return None  # maybe passed positionally: not known
        if compatible:
            return sid
    return None
