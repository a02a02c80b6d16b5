"""Special methods of the wrong kind: what ``async for``, ``async with``, ``await`` and ``for``
get from calling the special method of a project class, and whether the statement then fails
(an ``async def __aiter__`` gives a coroutine without ``__anext__``; a plain ``__aenter__``
returning ``self`` gives an object ``await`` rejects).  Kept apart from the rule so the rule
only speaks the rule API."""

from __future__ import annotations

from typing import Optional, Tuple

from . import kinds, messages
from .evaluator import Evaluator
from .model import DefBinding, NameExpr
from .project import ModuleInfo
from .values import (
    AsyncGenExpression, BuiltinInstance, CallResult, FunctionRef, Instance, Outside,
    PlainResult, Value,
)

# The special methods each statement calls, in order (``async for`` calls ``__anext__`` on
# what ``__aiter__`` returns, handled below).
_CALLED = {
    "await": ("__await__",),
    "aiter": ("__aiter__",),
    "iter": ("__iter__",),
    "awith": ("__aenter__", "__aexit__"),
}


def wrong_method(
    evaluator: Evaluator, info: ModuleInfo, sid: int, context: str
) -> Optional[Tuple[FunctionRef, str]]:
    """The special method of class ``sid`` that makes ``context`` fail on its instances, and
    what is wrong with it (message wording); None when each is right or cannot be known."""
    for name in _CALLED[context]:
        method = _method(evaluator, info, sid, name)
        if method is None:
            return None
        kind = evaluator.func_kind(method.module, method.scope)
        if kind is None:
            return None
        if name in ("__await__", "__iter__"):
            if kind in ("coro", "agen"):
                return method, messages.WRONG_KIND_GIVES[
                    "coro" if kind == "coro" else "agen iterator"
                ]
            continue
        if name == "__aiter__":
            return _wrong_async_iterator(evaluator, info, sid, method, kind)
        gives = _not_awaitable(evaluator, info, sid, method, kind)
        if gives is not None:
            return method, gives
    return None


def _wrong_async_iterator(
    evaluator: Evaluator, info: ModuleInfo, sid: int, method: FunctionRef, kind: str
) -> Optional[Tuple[FunctionRef, str]]:
    """``__aiter__`` must return an object with ``__anext__``, whose call must be awaitable:
    an ``async def __aiter__`` returns a coroutine; one returning ``self`` hands on to the
    class's own ``__anext__``."""
    if kind == "agen":
        return None  # an async generator method: its object is the iterator
    if kind == "coro":
        return method, messages.WRONG_KIND_GIVES["aiter coro"]
    if kind != "sync":
        return None
    if not evaluator.returns_self(method):
        result = evaluator.call(method)
        if isinstance(result, PlainResult) and not result.some_path:
            return method, messages.wrong_kind_plain(result.type_name, "an async iterator")
        return None
    following = _method(evaluator, info, sid, "__anext__")
    if following is None:
        return None
    next_kind = evaluator.func_kind(following.module, following.scope)
    if next_kind is None:
        return None
    gives = _not_awaitable(evaluator, info, sid, following, next_kind)
    return (following, gives) if gives is not None else None


def _method(evaluator: Evaluator, info: ModuleInfo, sid: int, name: str) -> Optional[FunctionRef]:
    """Special method ``name`` as Python finds it for instances of class ``sid``: on the type,
    past instance attributes and ``__getattr__``; None when the class may get it otherwise
    (an unknown base, a write from outside the class body)."""
    classes = evaluator.classes
    if classes.defines(info, sid, name) is not True:
        return None
    found = classes.lookup(info, sid, name, False)
    if not isinstance(found, FunctionRef) or evaluator.functions.is_property(found):
        return None
    return found


def _not_awaitable(
    evaluator: Evaluator, info: ModuleInfo, sid: int, method: FunctionRef, kind: str
) -> Optional[str]:
    """What a call of ``method`` (of ``kind``, looked up on class ``sid``) gives that
    ``await`` rejects (message wording), or None when it is awaitable or not known."""
    if kind in ("agen", "acm", "cm"):
        return messages.WRONG_KIND_GIVES[kind]
    if kind != "sync":
        return None
    if evaluator.returns_self(method):
        # ``return self``: the instance itself, of class ``sid``.
        if evaluator.classes.defines(info, sid, "__await__") is False:
            return messages.wrong_kind_instance(info.scopes[sid].qualname)
        return None
    result: Value = evaluator.call(method)
    if isinstance(result, PlainResult) and not result.some_path:
        return messages.wrong_kind_plain(result.type_name)
    if isinstance(result, (CallResult, AsyncGenExpression)) and result.kind == "agen":
        return messages.WRONG_KIND_GIVES["agen"]
    if isinstance(result, Instance) and result.exact:
        made = evaluator.module(result.module)
        if made is not None and evaluator.classes.defines(made, result.scope, "__await__") is False:
            return messages.wrong_kind_instance(made.scopes[result.scope].qualname)
    if result is None:
        declared = _declared_builtin(evaluator, method)
        if declared is not None:
            return messages.wrong_kind_plain(declared)
    return None


def _declared_builtin(evaluator: Evaluator, method: FunctionRef) -> Optional[str]:
    """The builtin type a plain special method's return annotation names (``def __anext__(self)
    -> Dict[str, Any]``), when no return is known to give anything else: the annotation says
    what the unknown returns give, as a type checker reads it."""
    info = evaluator.module(method.module)
    facts = info.scopes[method.scope].function if info is not None else None
    if info is None or facts is None or facts.is_stub or facts.has_yield:
        return None
    type_name = evaluator.annotated_builtin(info, method.scope)
    if type_name is None:
        return None
    for expr in facts.returns:
        value = evaluator.eval(expr, method.module, method.scope)
        if value is not None and not isinstance(value, Outside) and (
            value != BuiltinInstance(type_name)
        ):
            return None
    return type_name


def wrong_definition(
    evaluator: Evaluator, info: ModuleInfo, sid: int
) -> Optional[Tuple[str, bool]]:
    """The kind (``coro``, ``agen``, ``acm``, ``cm``) of the special method ``sid`` when what
    calling it gives makes the interpreter's own call of it fail, and whether a decorator's
    wrapper gives it; None when its kind is right or not known (a decorator not known, a
    class something unseen may rewrite)."""
    scope = info.scopes[sid]
    wrong = kinds.SPECIAL_METHOD_WRONG_KINDS.get(scope.name)
    if wrong is None or not 0 <= scope.parent < len(info.scopes):
        return None
    if info.scopes[scope.parent].kind != "class" or evaluator.classes.is_opaque(
        info, scope.parent
    ):
        return None
    kind, wrapper = evaluator.functions.call_kind(info.name, sid)
    if kind is None or kind not in wrong:
        return None
    hands_on = _HANDS_ON.get(scope.name)
    if hands_on is not None and not _returns_self(info, scope.parent, hands_on):
        # ``def __aiter__(self): return self.__anext__()`` (aiobotocore's paginators): an
        # async generator ``__anext__`` is the iterator ``__aiter__`` makes, which is right;
        # only behind an ``__aiter__`` returning the object itself is it called as the step.
        return None
    return kind, wrapper is not None


# ``__anext__`` / ``__next__`` are called as the step of iteration only on what ``__aiter__`` /
# ``__iter__`` returns.
_HANDS_ON = {"__anext__": "__aiter__", "__next__": "__iter__"}


def _returns_self(info: ModuleInfo, class_sid: int, method: str) -> bool:
    """Whether class ``class_sid`` defines ``method`` itself as a plain ``def`` whose every
    ``return`` gives ``self`` (its first parameter)."""
    binding = info.scopes[class_sid].bindings.get(method)
    if not isinstance(binding, DefBinding):
        return False
    facts = info.scopes[binding.scope].function
    if facts is None or facts.is_async or facts.has_yield or facts.decorators:
        return False
    own = facts.first_param
    return bool(facts.returns) and all(
        isinstance(returned, NameExpr) and returned.id == own for returned in facts.returns
    )
