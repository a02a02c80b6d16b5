"""What the parts of the resolver ask of each other.

The evaluator (:mod:`evaluator`) owns evaluation and memoisation and implements
this protocol; the class model (:mod:`classmodel`) and function kinds
(:mod:`functionkinds`) depend only on the protocol, so the three never import
each other in a cycle.
"""

from __future__ import annotations

from typing import Any, Callable, FrozenSet, List, Optional, Protocol, Set, Tuple, TypeVar

from .model import Binding, CallExpr, Expr
from .project import ModuleInfo
from .values import ClassRef, FunctionKind, FunctionRef, Value

T = TypeVar("T")


class Resolver(Protocol):
    transparent: FrozenSet[str]
    patched: FrozenSet[str]
    linted: Optional[str]
    strict: bool

    def module(self, name: str) -> Optional[ModuleInfo]: ...

    def guarded(
        self, info: ModuleInfo, key: Any, compute: Callable[..., T], *args: Any
    ) -> Optional[T]: ...

    def eval(self, expr: Expr, module: str, scope: int) -> Value: ...

    def each(self, expr: Expr, module: str, scope: int) -> List[Value]: ...

    def binding(self, info: ModuleInfo, owner: int, binding: Binding) -> Value: ...

    def call(self, value: Value) -> Value: ...

    def annotated_instance(self, info: ModuleInfo, annotation: Expr, scope: int) -> Value: ...

    def is_closure(self, function: FunctionRef) -> bool: ...

    def aliased_call(
        self, info: ModuleInfo, name: str, scope: int
    ) -> Optional[Tuple[ModuleInfo, CallExpr]]: ...

    def declared_value(
        self, info: ModuleInfo, annotation: Expr, scope: int, owner: int, name: str
    ) -> Value: ...

    def declared_instance(
        self, value: ClassRef, args: Tuple[Optional[ClassRef], ...] = ()
    ) -> Value: ...

    def func_kind(self, module: str, scope: int) -> Optional[FunctionKind]: ...

    def has_module(self, name: str) -> bool: ...

    def override_candidates(self, class_name: str, method: str) -> Optional[List[str]]: ...

    def subclass_modules(self, module: str, class_name: str) -> Optional[List[str]]: ...

    def subclass_names(self, module: str, class_name: str) -> Optional[Set[str]]: ...

    def is_installed(self, module: str) -> bool: ...

    def registered_classes(self) -> Optional[FrozenSet[str]]: ...

    def dunders_written(self) -> Optional[FrozenSet[Tuple[str, str]]]: ...

    def attributes_written(self) -> Optional[FrozenSet[str]]: ...

    def class_attributes_written(self) -> Optional[FrozenSet[str]]: ...
