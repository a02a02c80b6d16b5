"""Function kinds: coroutine, async generator, async context manager or plain, from the
definition and its decorators, the way Python decides them.

Any decorator not known to keep the kind makes the kind unknown, and unknown
means silence.
"""

from __future__ import annotations

from typing import FrozenSet, List, Literal, Optional, Tuple

from . import kinds
from .model import CallExpr, Expr, FunctionFacts, dotted
from .project import ModuleInfo
from .resolver_api import Resolver
from .values import Builtin, ClassRef, FunctionKind, FunctionRef, Outside, Value

DecoratorRole = Literal["transparent", "acm", "cm", "property", "unknown"]


class FunctionKinds:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver

    def kind(self, module: str, scope: int) -> Optional[FunctionKind]:
        """``coro``, ``agen``, ``acm``, ``sync`` or None (unknown) for function ``scope``."""
        info = self.resolver.module(module)
        if info is None:
            return None
        return self.resolver.guarded(info, ("kind", scope), self._kind, info, scope)

    def _kind(self, info: ModuleInfo, sid: int) -> Optional[FunctionKind]:
        scope = info.scopes[sid]
        facts = scope.function
        if facts is None:
            return None
        manager: Optional[str] = None
        for decorator in facts.decorators:
            role = self.decorator_role(info, scope.parent, decorator)
            if role in ("acm", "cm"):
                manager = role
            elif role not in ("transparent", "property"):
                return None
        if manager == "acm":
            return "acm" if facts.is_async and facts.has_yield else None
        if manager == "cm":
            return "cm" if not facts.is_async and facts.has_yield else None
        if facts.is_async:
            return "agen" if facts.has_yield else "coro"
        return "sync"

    def call_kind(
        self, module: str, scope: int
    ) -> Tuple[Optional[FunctionKind], Optional[FunctionRef]]:
        """What calling function ``scope`` gives, after its decorators, and the wrapper that
        gives it when a decorator replaced the function: ``(kind, wrapper or None)``.

        A decorator whose body can be read, and whose every return is the same function
        defined inside a function (``def inject(func): async def wrapper(...): return await
        func(...); return wrapper``, also through helpers and ``cast``), replaces the function
        by that wrapper: when the wrapper is an ``async def``, calling the decorated function
        gives what calling the wrapper gives, whatever the decorated function is and whatever
        the decorator's annotations claim (``Callable[P, T] -> Callable[P, T]``).  A wrapper
        chosen by branch (an async generator wrapper for async generator functions, a
        coroutine wrapper otherwise) is not one function: the decorator stays as it was
        judged before (by name or annotation, else unknown)."""
        info = self.resolver.module(module)
        facts = info.scopes[scope].function if info is not None else None
        if info is None or facts is None or not facts.decorators:
            return self.kind(module, scope), None
        found = self.resolver.guarded(
            info, ("call kind", scope), self._call_kind, info, scope
        )
        return found if found is not None else (None, None)

    def _call_kind(
        self, info: ModuleInfo, sid: int
    ) -> Tuple[Optional[FunctionKind], Optional[FunctionRef]]:
        scope = info.scopes[sid]
        assert scope.function is not None
        replaced: Optional[FunctionRef] = None
        for decorator in reversed(scope.function.decorators):  # the innermost applies first
            wrapper = self._async_wrapper(info, scope.parent, decorator)
            if wrapper is not None:
                replaced = wrapper
                continue
            if replaced is not None and self.decorator_role(
                info, scope.parent, decorator
            ) != "transparent":
                return None, None  # something unknown done to the wrapper
        if replaced is None:
            return self.kind(info.name, sid), None
        return self.kind(replaced.module, replaced.scope), replaced

    def _async_wrapper(self, info: ModuleInfo, sid: int, decorator: Expr) -> Optional[FunctionRef]:
        """The ``async def`` wrapper decorator ``decorator`` (or the decorator a factory call
        such as ``@retry(3)`` gives) always returns, if it does."""
        if isinstance(decorator, CallExpr):
            factory = self.resolver.eval(decorator.func, info.name, sid)
            if self._overloads_keep(factory, "factory", _keyword_names(decorator)):
                return None  # its signatures say what it gives: not read (tenacity's ``retry``)
        value = self.resolver.eval(decorator, info.name, sid)
        if not isinstance(value, FunctionRef) or self.kind(value.module, value.scope) != "sync":
            return None
        if self._overloads_keep(value, "decorator", ()):
            return None
        wrapper = self.resolver.call(value)
        if not isinstance(wrapper, FunctionRef) or wrapper == value:
            return None
        if not self.resolver.is_closure(wrapper):
            return None  # only a function made by each call
        kind = self.kind(wrapper.module, wrapper.scope)
        return wrapper if kind in ("coro", "agen", "acm") else None

    def decorator_role(self, info: ModuleInfo, sid: int, decorator: Expr) -> DecoratorRole:
        evaluate = self.resolver.eval
        if isinstance(decorator, CallExpr):
            value = evaluate(decorator.func, info.name, sid)
            if isinstance(value, Outside):
                if value.qualified in kinds.TRANSPARENT_DECORATOR_FACTORIES:
                    return "transparent"
            if self.keeps_decorated(decorator, value, shared=True):
                return "transparent"
            return "transparent" if self.user_transparent(decorator, value) else "unknown"
        # Bound differently by branch (``if TYPE_CHECKING: cached_property = property``,
        # ``else: from functools import cached_property``): known when every branch agrees.
        roles = {
            self._role_of(decorator, value)
            for value in self.resolver.each(decorator, info.name, sid)
        }
        return roles.pop() if len(roles) == 1 else "unknown"

    def _role_of(self, decorator: Expr, value: Value) -> DecoratorRole:
        if self.keeps_decorated(decorator, value, shared=True):
            return "transparent"
        if value in (Builtin("staticmethod"), Builtin("classmethod")):
            return "transparent"
        if (isinstance(value, Builtin) and value.name in kinds.PROPERTY_BUILTINS) or (
            isinstance(value, Outside) and value.qualified in kinds.PROPERTY_DECORATORS
        ):
            return "property"  # the getter keeps its kind; access calls it
        if isinstance(value, Outside):
            qualified = value.qualified
            if qualified in kinds.ASYNC_CONTEXT_MANAGER_DECORATORS:
                return "acm"
            if qualified in kinds.CONTEXT_MANAGER_DECORATORS:
                return "cm"
            if qualified in kinds.TRANSPARENT_DECORATORS or qualified in kinds.OVERLOAD_DECORATORS:
                return "transparent"
        return "transparent" if self.user_transparent(decorator, value) else "unknown"

    def keeps_signature(self, value: Value, form: str, named: Tuple[str, ...] = ()) -> bool:
        """A function whose annotations say it gives back the function it decorates
        (``def d(fn: F) -> F``; ``form="factory"``: ``def d(...) -> Callable[[F], F]``, called
        with keywords ``named``), or whose ``@overload`` signatures say so."""
        if not isinstance(value, FunctionRef):
            return False
        info = self.resolver.module(value.module)
        facts = info.scopes[value.scope].function if info is not None else None
        if facts is None or self.kind(value.module, value.scope) != "sync":
            return False
        return facts.keeps_signature == form or self._overloads_keep(value, form, named)

    def _overloads_keep(self, value: Value, form: str, named: Tuple[str, ...]) -> bool:
        """A sync function without annotations of its own that say so, whose ``@overload``
        signatures say it keeps what it decorates (see :func:`_overloads_keep_signature`)."""
        if not isinstance(value, FunctionRef) or form not in ("decorator", "factory"):
            return False
        info = self.resolver.module(value.module)
        facts = info.scopes[value.scope].function if info is not None else None
        if info is None or facts is None or facts.keeps_signature is not None or (
            not facts.overloads or self.kind(value.module, value.scope) != "sync"
        ):
            return False
        return _overloads_keep_signature(
            [info.scopes[sid].function for sid in facts.overloads], form, named
        )

    def keeps_decorated(self, decorator: Expr, value: Value, shared: bool) -> bool:
        """Whether decorator ``decorator`` (``value``: what its name or, for ``@d(...)``, its
        callee evaluates to) gives back what it decorates, by its annotations (``def d(fn: F)
        -> F``, a factory ``-> Callable[[F], F]``) or by its body (:meth:`gives_back_argument`;
        ``shared`` as there)."""
        form = "factory" if isinstance(decorator, CallExpr) else "decorator"
        named = _keyword_names(decorator) if isinstance(decorator, CallExpr) else ()
        return self.keeps_signature(value, form, named) or self.gives_back_argument(
            decorator, value, shared
        )

    def gives_back_argument(self, decorator: Expr, value: Value, shared: bool) -> bool:
        """Whether decorator ``decorator`` (``value``: what its name or, for ``@d(...)``,
        its callee evaluates to) gives back the object it decorates: a ``def`` returning its
        argument, or a factory whose call gives such a function made inside it (``@route(
        "/x")``).  ``shared``: also one that hands the object on (a registry), which keeps a
        function as it is but may change a class, and one that gives back a wrapper of the
        function's own kind (``"kind"``: an ``async def`` wrapper only under
        ``iscoroutinefunction(func)``), which keeps what calling a function gives."""
        forms = ("argument", "argument-shared", "kind") if shared else ("argument",)
        if isinstance(decorator, CallExpr):
            if not isinstance(value, FunctionRef):
                return False
            made = self.resolver.call(value)
            if not isinstance(made, FunctionRef) or made == value or not (
                self.resolver.is_closure(made)
            ):
                return False
            value = made
        return any(self.keeps_signature(value, form) for form in forms)

    def user_transparent(self, decorator: Expr, value: Value) -> bool:
        """Whether the user listed this decorator in ``--agn-transparent-decorators``."""
        transparent = self.resolver.transparent
        if not transparent:
            return False
        names = set()
        text = dotted(decorator.func if isinstance(decorator, CallExpr) else decorator)
        if text:
            names.add(text)
        if isinstance(value, Outside):
            names.add(value.qualified)
        elif isinstance(value, (FunctionRef, ClassRef)):
            info = self.resolver.module(value.module)
            if info is not None:
                names.add(f"{value.module}.{info.scopes[value.scope].qualname}")
        return bool(names & transparent)

    def is_property(self, function: FunctionRef) -> bool:
        """A getter (``@property``, ``@functools.cached_property``): ``obj.name`` calls it."""
        info = self.resolver.module(function.module)
        if info is None:
            return False
        scope = info.scopes[function.scope]
        if scope.function is None:
            return False
        return any(
            self.decorator_role(info, scope.parent, decorator) == "property"
            for decorator in scope.function.decorators
        )

    def has_decorator(self, module: str, sid: int, names: FrozenSet[str]) -> bool:
        """Whether function ``sid`` has a decorator from outside with one of ``names``, all
        used bare (``@abstractmethod``, ``@overload``): a decorator written as a call
        (``@retry(stop=...)``) is none of them, and is not evaluated (a factory's call may
        read a whole library)."""
        info = self.resolver.module(module)
        if info is None:
            return False
        scope = info.scopes[sid]
        if scope.function is None:
            return False
        for decorator in scope.function.decorators:
            if isinstance(decorator, CallExpr):
                continue
            value = self.resolver.eval(decorator, module, scope.parent)
            if isinstance(value, Outside) and value.qualified in names:
                return True
        return False

    def is_placeholder(self, value: FunctionRef) -> bool:
        """A stub or abstract method, meant to be overridden."""
        info = self.resolver.module(value.module)
        if info is None:
            return True
        if info.stub_file:
            return False  # a ``.pyi`` declares the installed function: ``...`` is its body
        facts = info.scopes[value.scope].function
        return facts is None or facts.is_stub or self.has_decorator(
            value.module, value.scope, kinds.ABSTRACT_DECORATORS
        )


def _keyword_names(call: CallExpr) -> Tuple[str, ...]:
    """Every keyword a call passes: those given ``True`` / ``False`` and the others."""
    return call.named + tuple(name for name, _ in call.literals)


def _overloads_keep_signature(
    signatures: List[Optional[FunctionFacts]], form: str, named: Tuple[str, ...]
) -> bool:
    """A decorator whose implementation is not annotated but whose ``@overload`` signatures
    say it keeps the decorated function (tenacity's ``retry``: ``def retry(func: F) -> F``,
    then ``def retry(*, stop=..., ...) -> Callable[[F], F]``), as a type checker reads them.
    ``@d``: the first signature, which a call with one positional argument resolves to, is
    ``(F) -> F``.  ``@d(...)`` with keywords ``named``: every signature the call may resolve
    to (all when it passes ``**kwargs``; else those whose required keyword-only parameters it
    passes: tenacity's ``sleep=``-only async form is left out) is one of the two forms, and one
    is the factory."""
    if not signatures or any(facts is None for facts in signatures):
        return False
    forms = [facts.keeps_signature for facts in signatures if facts is not None]
    if form == "decorator":
        return forms[0] == "decorator"
    applicable = [
        facts.keeps_signature for facts in signatures
        if facts is not None and ("**" in named or set(facts.required_keywords) <= set(named))
    ]
    return "factory" in applicable and all(
        found in ("decorator", "factory") for found in applicable
    )
