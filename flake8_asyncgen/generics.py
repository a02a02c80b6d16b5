"""Type arguments of generic classes, as far as annotations say.

Libraries type their managers generically: aiohttp's ``session.get()`` is annotated
``-> _RequestContextManager``, an alias of ``_BaseRequestContextManager[ClientResponse]``,
whose ``__aenter__`` is annotated ``-> _RetType_co``.  What ``async with session.get(url) as
response`` binds is known only by putting the alias's argument in place of the class's type
parameter.  Only that substitution is done: a method of the class itself whose annotation is
one of the class's own type parameters (``-> T``, or ``__await__ -> Generator[Any, None, T]``).
Inherited methods, bounds and defaults, variance and nested generics are not followed.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from .model import (
    AttrExpr, DefBinding, Expr, FromImportBinding, NameExpr, ParamBinding, SubscriptExpr,
    ValueBinding, dotted, strip_subscript,
)
from . import kinds
from .project import ModuleInfo
from .resolver_api import Resolver
from .values import ClassRef, FunctionRef, Instance, ModuleRef, Outside, Value

_GENERIC_BASES = frozenset({
    "typing.Generic", "typing_extensions.Generic", "typing.Protocol", "typing_extensions.Protocol",
})
_MAX_ALIASES = 5


class Generics:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver

    def arguments(
        self, info: ModuleInfo, annotation: Expr, scope: int
    ) -> Tuple[Optional[ClassRef], ...]:
        """The classes an annotation gives as type arguments (``Base[Response]``, or a name
        bound at module level to such a subscript, also through imports); () when none."""
        expr = annotation
        for _ in range(_MAX_ALIASES):
            if isinstance(expr, SubscriptExpr):
                return tuple(self._argument(info, arg, scope) for arg in expr.args)
            found = self._alias(info, expr, scope)
            if found is None:
                return ()
            info, expr = found
            scope = 0
        return ()

    def _argument(self, info: ModuleInfo, arg: Expr, scope: int) -> Optional[ClassRef]:
        value = self.resolver.eval(strip_subscript(arg), info.name, scope)
        return value if isinstance(value, ClassRef) and value.exact else None

    def _alias(
        self, info: ModuleInfo, expr: Expr, scope: int
    ) -> Optional[Tuple[ModuleInfo, Expr]]:
        """The module-level value a name (``Alias``, ``module.Alias``) is bound to, with the
        module it is in; None unless it is one plain assignment there."""
        if isinstance(expr, AttrExpr):
            base = self.resolver.eval(expr.base, info.name, scope)
            owner = self.resolver.module(base.name) if isinstance(base, ModuleRef) else None
            if owner is None:
                return None
            info, name = owner, expr.attr
        elif isinstance(expr, NameExpr):
            name = expr.id
        else:
            return None
        for _ in range(_MAX_ALIASES):
            binding = info.scopes[0].bindings.get(name)
            if isinstance(binding, FromImportBinding):
                origin = self.resolver.module(binding.module)
                if origin is None or origin.name == info.name:
                    return None
                info, name = origin, binding.name
                continue
            if isinstance(binding, ValueBinding) and isinstance(binding.expr, SubscriptExpr):
                return info, binding.expr
            return None
        return None

    def parameters(self, info: ModuleInfo, sid: int) -> List[str]:
        """The class's type parameters in order: those of its ``Generic[...]`` base, else the
        type variables its bases' arguments name, in order of first appearance (PEP 484)."""
        klass = info.scopes[sid].klass
        if klass is None:
            return []
        parent = info.scopes[sid].parent
        found: List[str] = []
        for base in klass.bases:
            if not isinstance(base, SubscriptExpr):
                continue
            names = [arg.id for arg in base.args if isinstance(arg, NameExpr)]
            outer = self.resolver.eval(base.value, info.name, parent)
            if isinstance(outer, Outside) and outer.qualified in _GENERIC_BASES:
                return names
            for name in names:
                if name not in found and self._is_type_variable(info, name, parent):
                    found.append(name)
        return found

    def chosen_by_keywords(self, info: ModuleInfo, sid: int, named: Tuple[str, ...]) -> bool:
        """Whether keyword arguments named ``named`` (``"**"``: any) give a parameter of the
        class's own ``__init__`` annotated with one of its type parameters (``class_:
        Type[_S]``): the call chooses the type argument, which the bound does not tell."""
        names = self.parameters(info, sid)
        if not names:
            return False
        binding = info.scopes[sid].bindings.get("__init__")
        if not isinstance(binding, DefBinding):
            return False
        params = info.scopes[binding.scope].bindings
        for keyword in named:
            candidates = list(params.items()) if keyword == "**" else [
                (keyword, params.get(keyword))
            ]
            for _, param in candidates:
                if isinstance(param, ParamBinding) and param.declared is not None and (
                    _mentions(param.declared, names)
                ):
                    return True
        return False

    def returns_parameter(self, method: FunctionRef) -> bool:
        """``def __call__(self) -> _S`` in ``class sessionmaker(Generic[_S])``: a method of
        a generic class whose result is one of the class's type parameters."""
        info = self.resolver.module(method.module)
        if info is None:
            return False
        facts = info.scopes[method.scope].function
        parent = info.scopes[method.scope].parent
        if facts is None or not isinstance(facts.result_type, NameExpr) or parent < 0:
            return False
        return facts.result_type.id in self.parameters(info, parent)

    def _is_type_variable(self, info: ModuleInfo, name: str, scope: int) -> bool:
        value = self.resolver.eval(NameExpr(name), info.name, scope)
        return isinstance(value, Outside) and value.qualified in kinds.TYPE_VARIABLE_CALLS

    def substitute(self, owner: Instance, method: FunctionRef, annotation: Expr) -> Value:
        """What annotation ``annotation`` of ``method`` (a method of ``owner``'s own class)
        means for ``owner``: the class ``owner``'s type arguments give for that type
        parameter, as an instance; None when it is not one of them, or unknown."""
        if not owner.args or not isinstance(annotation, NameExpr):
            return None
        info = self.resolver.module(method.module)
        if info is None:
            return None
        parent = info.scopes[method.scope].parent
        if (method.module, parent) != (owner.module, owner.scope):
            return None  # inherited: the base's parameters would have to be mapped too
        names = self.parameters(info, parent)
        if annotation.id not in names:
            return None
        index = names.index(annotation.id)
        if index >= len(owner.args) or len(names) != len(owner.args):
            return None
        argument = owner.args[index]
        if argument is None:
            return None
        return self.resolver.declared_instance(argument)

    def await_result(self, owner: Instance, method: FunctionRef, annotation: Expr) -> Value:
        """What ``await owner`` gives by ``__await__``'s annotation,
        ``Generator[Any, None, X]``: ``X`` (a class, or a type parameter of the class)."""
        if not isinstance(annotation, SubscriptExpr) or len(annotation.args) != 3:
            return None
        name = dotted(annotation.value) or ""
        if name.rsplit(".", 1)[-1] != "Generator":
            return None
        result = annotation.args[2]
        substituted = self.substitute(owner, method, result)
        if substituted is not None:
            return substituted
        info = self.resolver.module(method.module)
        if info is None:
            return None
        return self.resolver.annotated_instance(info, result, info.scopes[method.scope].parent)


def _mentions(annotation: Expr, names: List[str], depth: int = 0) -> bool:
    """Whether ``annotation`` names one of ``names`` (``_S``, ``Type[_S]``,
    ``Callable[..., _S]``)."""
    if depth > 6:
        return False
    if isinstance(annotation, NameExpr):
        return annotation.id in names
    if isinstance(annotation, SubscriptExpr):
        return any(_mentions(arg, names, depth + 1) for arg in annotation.args)
    return False
