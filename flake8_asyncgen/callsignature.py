"""Which parameter of which function an argument lands in.

``StreamingResponse(numbers(3))`` passes ``numbers(3)`` as ``content`` of
``StreamingResponse.__init__``; ``client.submit(job())`` passes it as the parameter after
``self`` of ``Client.submit``.  Only calls whose target is certain are mapped: a plain
function, a method of an instance whose class (and, for ``self`` or an annotated
instance, every overriding subclass) is known, or an exact class whose ``__init__`` is
found in a known order of undecorated classes.  A decorated target, a ``*args`` before the
argument, a ``__new__`` or an opaque class leave the argument unmapped.
"""

from __future__ import annotations

from typing import NamedTuple, Optional, Tuple

from .evaluator import Evaluator
from .model import AttrExpr, ParamDemand
from .sitetypes import CallArg
from .values import ClassRef, FunctionRef, Instance


class Landing(NamedTuple):
    """The parameter an argument is passed as, and the function (or class) it belongs to."""

    param: ParamDemand
    callee: str  # ``StreamingResponse`` for a constructor, else the function's qualname
    where: str  # ``starlette/responses.py:230``: the ``def``
    function: Optional[FunctionRef] = None  # the ``def`` the parameter belongs to


def landing(evaluator: Evaluator, module: str, scope: int, call: CallArg) -> Optional[Landing]:
    """The annotated parameter ``call``'s argument is passed as; None when unknown, or when
    that parameter's annotation says nothing this bug class can use."""
    target = _target(evaluator, module, scope, call)
    if target is None:
        return None
    function, shift, callee = target  # ``callee``: the class constructed, and where
    info = evaluator.module(function.module)
    facts = info.scopes[function.scope].function if info is not None else None
    if info is None or facts is None or facts.decorators or not facts.params:
        return None
    position = call.position
    if isinstance(position, int) and call.after_star:
        return None  # a ``*args`` before it: where it lands is not known
    for param in facts.params:
        if (isinstance(position, str) and param.name == position and not param.positional_only) or (
            isinstance(position, int) and param.position == position + shift
            and param.position >= 0
        ):
            if callee is not None:
                return Landing(param, *callee, function)
            defined = info.scopes[function.scope]
            return Landing(param, defined.qualname, f"{info.display}:{defined.line}", function)
    return None


Named = Optional[Tuple[str, str]]


def _target(
    evaluator: Evaluator, module: str, scope: int, call: CallArg
) -> Optional[Tuple[FunctionRef, int, Named]]:
    """The function called, how many leading parameters the call fills implicitly
    (``self``), and for a constructor the class's name and where it is defined."""
    value = evaluator.eval(call.func, module, scope)
    if isinstance(value, ClassRef):
        return _constructor(evaluator, value)
    if not isinstance(value, FunctionRef):
        return None
    info = evaluator.module(value.module)
    if info is None:
        return None
    own = info.scopes[value.scope]
    if own.parent < 0 or info.scopes[own.parent].kind != "class":
        return value, 0, None  # a plain function (or one nested in a function)
    # A method: only through an instance, where ``self`` is filled implicitly.
    if not isinstance(call.func, AttrExpr):
        return None
    receiver = evaluator.eval(call.func.base, module, scope)
    if not isinstance(receiver, Instance):
        return None
    if not receiver.exact:
        overrides = evaluator.classes.overrides(receiver.module, receiver.scope, own.name)
        if overrides is None or any(found != value for found in overrides):
            return None  # a subclass's method may declare something else
    return value, 1, None


def _constructor(evaluator: Evaluator, value: ClassRef) -> Optional[Tuple[FunctionRef, int, Named]]:
    if not value.exact:
        return None  # ``cls(...)``: a subclass's ``__init__`` may differ
    info = evaluator.module(value.module)
    classes = evaluator.classes
    if info is None or classes.is_opaque(info, value.scope):
        return None
    if classes.has_own_new(info, value.scope):
        return None
    for entry in classes.mro(info, value.scope):
        if entry is None:
            return None
        owner = evaluator.module(entry[0])
        if owner is None:
            return None
        scope = owner.scopes[entry[1]]
        klass = scope.klass
        if klass is None or klass.decorators:
            return None  # a dataclass (or any decorator) may write its own ``__init__``
        binding = scope.bindings.get("__init__")
        if binding is None:
            continue
        found = classes.lookup(owner, entry[1], "__init__", False)
        if not isinstance(found, FunctionRef):
            return None
        constructed = info.scopes[value.scope]
        return found, 1, (constructed.qualname, f"{info.display}:{constructed.line}")
    return None
