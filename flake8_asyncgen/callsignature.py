"""Which parameter of which function an argument lands in.

``StreamingResponse(numbers(3))`` passes ``numbers(3)`` as ``content`` of
``StreamingResponse.__init__``; ``client.submit(job())`` passes it as the parameter after
``self`` of ``Client.submit``.  Only calls whose target is certain are mapped: a plain
function, a method of an instance whose class (and, for ``self`` or an annotated
instance, every overriding subclass) is known, or an exact class whose ``__init__`` is
found in a known order of undecorated classes, and a ``classmethod`` / ``staticmethod``
called through its class or an instance (``await Store.get_instance(config, user_id)``).
Another decorator on the target, a ``*args`` before the argument, a ``__new__`` or an opaque
class leave the argument unmapped.
"""

from __future__ import annotations

from typing import NamedTuple, Optional, Tuple, Union

from . import kinds
from .evaluator import Evaluator
from .model import AttrExpr, Expr, ParamDemand
from .sitetypes import CallArg
from .values import Builtin, ClassRef, FunctionRef, Instance, Outside


class Landing(NamedTuple):
    """The parameter an argument is passed as, and the function (or class) it belongs to."""

    param: ParamDemand
    callee: str  # ``StreamingResponse`` for a constructor, else the function's qualname
    where: str  # ``starlette/responses.py:230``: the ``def``
    function: Optional[FunctionRef] = None  # the ``def`` the parameter belongs to


def landing(evaluator: Evaluator, module: str, scope: int, call: CallArg) -> Optional[Landing]:
    """The parameter ``call``'s argument is passed as; None when unknown, or when neither
    that parameter's annotation nor what the body reads of it at once (``read``) says
    anything this bug class can use."""
    target = _target(evaluator, module, scope, call)
    if target is None:
        return None
    function, shift, callee, others = target  # ``callee``: the class constructed, and where
    position = call.position
    if isinstance(position, int) and call.after_star:
        return None  # a ``*args`` before it: where it lands is not known
    param = _parameter(evaluator, function, shift, callee is None, position)
    if param is None:
        return None
    for other in others:
        # Each override the call may reach declares the same for that parameter.
        found = _parameter(evaluator, other, shift, True, position)
        if found is None or (found.name, found.position, found.accepts, found.read) != (
            param.name, param.position, param.accepts, param.read
        ):
            return None
    if callee is not None:
        return Landing(param, *callee, function)
    info = evaluator.module(function.module)
    assert info is not None  # _parameter read it
    defined = info.scopes[function.scope]
    return Landing(param, defined.qualname, f"{info.display}:{defined.line}", function)


def _parameter(
    evaluator: Evaluator, function: FunctionRef, shift: int, binders: bool,
    position: Union[int, str],
) -> Optional[ParamDemand]:
    """The parameter of ``function`` an argument at ``position`` lands in, when the
    function is undecorated (or, with ``binders``, a ``classmethod`` / ``staticmethod``)."""
    info = evaluator.module(function.module)
    facts = info.scopes[function.scope].function if info is not None else None
    if info is None or facts is None or not facts.params:
        return None
    if facts.decorators:
        bound = _binder_shift(evaluator, function, facts.decorators, shift) if binders else None
        if bound is None:
            return None
        shift = bound
    for param in facts.params:
        if (isinstance(position, str) and param.name == position and not param.positional_only) or (
            isinstance(position, int) and param.position == position + shift
            and param.position >= 0
        ):
            return param
    return None


Named = Optional[Tuple[str, str]]
Target = Tuple[FunctionRef, int, Named, Tuple[FunctionRef, ...]]


def _binder_shift(
    evaluator: Evaluator, function: FunctionRef, decorators: Tuple[Expr, ...], shift: int
) -> Optional[int]:
    """For a method decorated with the builtin ``classmethod`` (``cls`` filled implicitly,
    however it is called) or ``staticmethod`` (nothing filled), and maybe
    ``abc.abstractmethod`` (which changes nothing): how many leading parameters the call
    fills; None for any other decorator, which may change the signature."""
    info = evaluator.module(function.module)
    if info is None or shift != 1:
        return None
    own = info.scopes[function.scope]
    if own.parent < 0 or info.scopes[own.parent].kind != "class":
        return None
    bound: Optional[int] = None
    for decorator in decorators:
        value = evaluator.eval(decorator, function.module, own.parent)
        if isinstance(value, Outside) and value.qualified in kinds.ABSTRACT_DECORATORS:
            continue
        if bound is not None:
            return None
        if value == Builtin("classmethod"):
            bound = 1
        elif value == Builtin("staticmethod"):
            bound = 0
        else:
            return None
    return bound


def _target(evaluator: Evaluator, module: str, scope: int, call: CallArg) -> Optional[Target]:
    """The function called, how many leading parameters the call fills implicitly
    (``self``), for a constructor the class's name and where it is defined, and the
    overriding methods the call may reach instead (for ``self`` or an annotated instance)."""
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
        return value, 0, None, ()  # a plain function (or one nested in a function)
    # A method: through an instance, where ``self`` is filled implicitly, or through the
    # class for a ``classmethod`` / ``staticmethod`` (``Store.get_instance(config, uid)``;
    # a plain method called so takes ``self`` by hand: not mapped).
    if not isinstance(call.func, AttrExpr):
        return None
    receiver = evaluator.eval(call.func.base, module, scope)
    if isinstance(receiver, ClassRef):
        facts = own.function
        if facts is None or not facts.decorators:
            return None
    elif not isinstance(receiver, Instance):
        return None
    others: Tuple[FunctionRef, ...] = ()
    if not receiver.exact:
        overrides = evaluator.classes.overrides(receiver.module, receiver.scope, own.name)
        if overrides is None:
            return None  # a subclass's method may declare something else
        others = tuple(found for found in overrides if found != value)
    return value, 1, None, others


def _constructor(evaluator: Evaluator, value: ClassRef) -> Optional[Target]:
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
        return found, 1, (constructed.qualname, f"{info.display}:{constructed.line}"), ()
    return None
