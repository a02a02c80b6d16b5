"""Evaluation of expression descriptors to values, by Python's scoping rules.

Every result is memoised per module and computed under a cycle and depth
guard: a result cut short by a cycle is unknown, whatever the order in which
files were analysed.
"""

from __future__ import annotations

import builtins
from typing import (
    Any, Callable, FrozenSet, Iterable, List, Literal, Optional, Set, Tuple, TypeVar, Union,
)

from .classmodel import ClassModel
from .functionkinds import FunctionKinds
from . import kinds, messages, overloads
from .generics import Generics
from .model import (
    LITERAL_TYPES,
    AlternativesBinding,
    AsyncGenExpr,
    LiteralExpr,
    AttrExpr,
    AwaitExpr,
    Binding,
    CallExpr,
    ClassBinding,
    DeclaredBinding,
    DefBinding,
    EnteredExpr,
    Expr,
    FromImportBinding,
    FunctionFacts,
    IfExpr,
    ImportBinding,
    NameExpr,
    ParamBinding,
    SubscriptExpr,
    UnknownBinding,
    ValueBinding,
    UnionExpr,
    WrapExpr,
    ElementExpr,
    ItemExpr,
    dotted,
    strip_subscript,
)
from .project import ModuleInfo, Project
from .values import (
    AnnotatedStream,
    AsyncGenExpression,
    Builtin,
    BuiltinInstance,
    CallResult,
    ClassRef,
    DeclaredCall,
    DeclaredCallable,
    Elements,
    FunctionKind,
    FunctionRef,
    Instance,
    NONE,
    ModuleRef,
    ObjectKind,
    Outside,
    PlainResult,
    ProtocolInstance,
    StdlibCall,
    Value,
)

T = TypeVar("T")
_SUPER = NameExpr("super")
_ASYNC_DUNDERS = frozenset({"__aenter__", "__aexit__", "__anext__", "__aiter__", "__await__"})
# The typing module's names of builtin types, as a return annotation gives them.
_TYPING_BUILTINS = {
    f"{module}.{alias}": name
    for module in ("typing", "typing_extensions")
    for alias, name in (
        ("List", "list"), ("Dict", "dict"), ("Set", "set"), ("Tuple", "tuple"),
        ("Text", "str"),
    )
}
# ``Tuple[A, B]`` and ``Type[T]`` as annotations name ``tuple`` and ``type`` (see
# :func:`_builtin_named`; kept out of ``_TYPING_BUILTINS``, whose types a return annotation
# may say a function's plain results are).
_ANNOTATED_BUILTINS = {
    **_TYPING_BUILTINS,
    **{f"{module}.Type": "type" for module in ("typing", "typing_extensions")},
}


def _builtin_named(value: Value) -> Optional[str]:
    """The builtin type an annotation's name evaluates to: ``tuple`` for ``tuple`` and
    ``typing.Tuple``, ``type`` for ``type`` and ``typing.Type``; None for anything else."""
    if isinstance(value, Builtin):
        return value.name
    if isinstance(value, Outside):
        return _ANNOTATED_BUILTINS.get(value.qualified)
    return None


_BUILTINS = frozenset(dir(builtins))
# Builtin types whose call makes a new object of that type (besides the literal types).
_MADE_BY_BUILTINS = frozenset({"frozenset", "range", "bytearray"})
# Builtins that always give an object of one builtin type, whatever their arguments.
_BUILTIN_RESULT_TYPES = {
    "len": "int", "hash": "int", "id": "int", "ord": "int",
    "repr": "str", "ascii": "str", "format": "str", "chr": "str", "hex": "str", "oct": "str",
    "bin": "str",
    "isinstance": "bool", "issubclass": "bool", "hasattr": "bool", "callable": "bool",
    "all": "bool", "any": "bool",
}
_MAX_DEPTH = 40
# Builtins giving their argument's elements, and the builtin type they give ("" for an
# iterator).
_ELEMENT_KEEPING_BUILTINS = {"sorted": "list", "reversed": "", "iter": ""}
_MAX_IMPORT_HOPS = 5  # ``from a import T`` links followed to a type variable


# How deep unions of aliases of unions are followed.
_MAX_UNION_DEPTH = 4


def join_alternatives(
    values: List[Value], related: Optional[Callable[[Instance, Instance], Value]] = None
) -> Value:
    """One value for a name or attribute that may hold any of ``values``: the value they all
    agree on, ignoring ``None`` (which supports no protocol, so a misuse fails with it too);
    unknown if any is unknown or two disagree.  ``related`` joins objects of two classes
    where one derives from the other (see :meth:`ClassModel.common_base`)."""
    found: Value = None
    for value in values:
        if value is None:
            return None
        if value == NONE:
            continue
        if found is not None and value != found:
            joined = _same_class(found, value)
            if joined is None and related is not None and (
                isinstance(found, Instance) and isinstance(value, Instance)
            ):
                joined = related(found, value)
            if joined is None:
                return None
            found = joined
            continue
        found = value
    if found is None and values:
        return NONE
    return found


def _runs_to_completion(qualified: str) -> bool:
    """``asyncio.run`` or the ``run_until_complete`` of a loop asyncio made
    (``asyncio.get_event_loop().run_until_complete``)."""
    if qualified in ("asyncio.run", "asyncio.runners.run"):
        return True
    return qualified.startswith("asyncio.") and qualified.endswith(
        ("_event_loop().run_until_complete", "_running_loop().run_until_complete")
    )


def _awaited_here(info: ModuleInfo, sid: int, expr: Expr) -> bool:
    """``await ...``, or a name the function binds once, to ``await ...``."""
    if isinstance(expr, NameExpr):
        binding = info.scopes[sid].bindings.get(expr.id)
        return isinstance(binding, ValueBinding) and isinstance(binding.expr, AwaitExpr)
    return isinstance(expr, AwaitExpr)


def _every_path_raises(facts: FunctionFacts) -> bool:
    """A function body that neither returns nor falls off its end: every path raises."""
    return not facts.returns and not facts.falls_through


def _same_class(first: Value, second: Value) -> Value:
    """Two objects of one class, each built here (exact) or declared by an annotation
    (``session or ClientSession()`` with ``session: Optional[ClientSession]``): an object of
    that class or of a subclass, as declared; None otherwise (``self`` is neither)."""
    if not (isinstance(first, Instance) and isinstance(second, Instance)):
        return None
    if (first.module, first.scope) != (second.module, second.scope):
        return None
    if not (first.exact or first.declared) or not (second.exact or second.declared):
        return None
    args = first.args if first.args == second.args else ()
    return Instance(first.module, first.scope, exact=False, declared=True, args=args)


class Evaluator:
    """What expressions of the project's modules evaluate to (implements ``Resolver``)."""

    def __init__(
        self,
        project: Project,
        transparent: Iterable[str] = (),
        patched: Iterable[str] = (),
        linted: Optional[str] = None,
    ) -> None:
        self.project = project
        self.transparent: FrozenSet[str] = frozenset(transparent)
        # The module being linted (its writes on other objects are judged by the class model).
        self.linted = linted
        # False for a draft: checks that only make a value unknown (and cost reading other
        # modules) are skipped, so a draft knows at least what a strict evaluation knows.
        # Rules run on the draft first, and a site is evaluated strictly only when they report.
        self.strict = True
        # Attribute names the linted module writes on other objects (monkeypatching).
        self.patched: FrozenSet[str] = frozenset(patched)
        self.functions = FunctionKinds(self)
        self.classes = ClassModel(self, self.functions)
        self.generics = Generics(self)
        self._active: Set[Tuple[str, Any]] = set()
        self._depth = 0
        self._broken = 0  # how many times a cycle or the depth limit cut evaluation short

    # -- memoised, cycle-safe evaluation ---------------------------------------------------
    def guarded(
        self, info: ModuleInfo, key: Any, compute: Callable[..., T], *args: Any
    ) -> Optional[T]:
        memo = info.memo if self.strict else info.draft_memo
        if key in memo:
            cached: Optional[T] = memo[key]
            return cached
        marker = (info.name, key)
        if marker in self._active or self._depth > _MAX_DEPTH:
            self._broken += 1
            return None
        self._active.add(marker)
        self._depth += 1
        broken = self._broken
        try:
            result: Optional[T] = compute(*args)
        finally:
            self._depth -= 1
            self._active.discard(marker)
        if self._broken != broken:
            # A cycle (or the depth limit) cut this computation short: its result would depend
            # on where evaluation started, so it is unknown, whatever the order of files.
            result = None
        memo[key] = result
        return result

    def module(self, name: str) -> Optional[ModuleInfo]:
        return self.project.module(name)

    def has_module(self, name: str) -> bool:
        return self.project.has_module(name)

    def override_candidates(self, class_name: str, method: str) -> Optional[List[str]]:
        return self.project.override_candidates(class_name, method)

    def subclass_modules(self, module: str, class_name: str) -> Optional[List[str]]:
        return self.project.subclass_modules(module, class_name)

    def subclass_names(self, module: str, class_name: str) -> Optional[Set[str]]:
        return self.project.subclass_names(module, class_name)

    def is_installed(self, module: str) -> bool:
        return self.project.is_installed(module)

    def registered_classes(self) -> Optional[FrozenSet[str]]:
        return self.project.registered_classes()

    def dunders_written(self) -> Optional[FrozenSet[Tuple[str, str]]]:
        return self.project.dunders_written()

    def attributes_written(self) -> Optional[FrozenSet[str]]:
        return self.project.attributes_written()

    def class_attributes_written(self) -> Optional[FrozenSet[str]]:
        return self.project.class_attributes_written()

    def sets_computed_attributes(self, module: str) -> Optional[bool]:
        return self.project.sets_computed_attributes(module)

    def func_kind(self, module: str, scope: int) -> Optional[FunctionKind]:
        return self.functions.kind(module, scope)

    def eval(self, expr: Expr, module: str, scope: int) -> Value:
        info = self.module(module)
        if info is None:
            return None
        return self.guarded(info, ("eval", scope, expr), self._eval, info, expr, scope)

    def _eval(self, info: ModuleInfo, expr: Expr, sid: int) -> Value:
        if isinstance(expr, NameExpr):
            return self.name(info, sid, expr.id)
        if isinstance(expr, AttrExpr):
            base = expr.base
            if isinstance(base, CallExpr) and base.func == _SUPER and not base.literals:
                return self._super_member(info, sid, expr.attr)
            return self.attr(self.eval(base, info.name, sid), expr.attr)
        if isinstance(expr, CallExpr):
            picked = self._element_method(info, expr, sid)
            if picked is not None:
                return picked
            callee = self.eval(expr.func, info.name, sid)
            if isinstance(callee, FunctionRef):
                callee = self._overload(callee, expr.literals, expr.named)
            chained = self._chained_receiver(info, expr, callee, sid)
            if chained is not None:
                return chained
            if self._chosen_parameter(info, expr, callee, sid):
                return None
            called = self.call(callee)
            if called is None and isinstance(callee, FunctionRef) and isinstance(
                expr.func, AttrExpr
            ):
                receiver = self.eval(expr.func.base, info.name, sid)
                if isinstance(receiver, Instance):
                    called = self._delegated_to_receiver(receiver, callee)
            if isinstance(called, Instance) and called.exact:
                # ``Base[Response](...)`` or an alias of it: keep the type arguments.
                args = self.generics.arguments(info, expr.func, sid)
                if args:
                    return called._replace(args=args)
                owner = self.module(called.module)
                if expr.named and owner is not None and self.generics.chosen_by_keywords(
                    owner, called.scope, expr.named
                ):
                    # ``sessionmaker(engine, class_=AsyncSession)``: the type arguments are
                    # the call's choice, not known here (nor the bound's).
                    count = len(self.generics.parameters(owner, called.scope))
                    return called._replace(args=(None,) * count)
            return called
        if isinstance(expr, AwaitExpr):
            awaited = self.eval(expr.value, info.name, sid)
            found = self.awaited(awaited)
            if found is None and isinstance(awaited, CallResult):
                found = self._awaited_receiver(info, expr.value, awaited, sid)
            return found
        if isinstance(expr, EnteredExpr):
            return self.entered(self.eval(expr.manager, info.name, sid), expr.is_async)
        if isinstance(expr, SubscriptExpr):
            # ``Repo[int]`` is the generic class itself as far as calling it goes; an item of
            # an instance is what its ``__getitem__`` is annotated to give (``client["shop"]``).
            value = self.eval(expr.value, info.name, sid)
            if isinstance(value, Instance):
                return self._item(value)
            if isinstance(value, Elements):
                return value.picked  # ``clients["primary"]``, ``replicas[0]``
            return value if isinstance(value, ClassRef) and value.exact else None
        if isinstance(expr, WrapExpr):
            wrapper = self.eval(expr.func, info.name, sid)
            if isinstance(wrapper, Outside) and wrapper.qualified in kinds.CAST_FUNCTIONS or (
                wrapper == Builtin("getattr")
            ):
                # ``cast(T, value)`` is ``value``; ``getattr(obj, "name")`` reads ``obj.name``.
                return self.eval(expr.value, info.name, sid)
            if isinstance(wrapper, Builtin) and wrapper.name in _ELEMENT_KEEPING_BUILTINS:
                # ``sorted(repos, key=...)``, ``reversed(repos)``: the same elements.
                target = self.eval(expr.value, info.name, sid)
                if isinstance(target, Elements) and target.item is not None:
                    return Elements(_ELEMENT_KEEPING_BUILTINS[wrapper.name], target.item)
            if isinstance(wrapper, Outside) and _runs_to_completion(wrapper.qualified):
                # ``asyncio.run(main())``, ``loop.run_until_complete(fetch())``: what
                # awaiting the argument gives (``expr.value`` is that ``await``).
                return self.eval(expr.value, info.name, sid)
            if isinstance(wrapper, Outside) and wrapper.qualified in kinds.PARTIAL_FUNCTIONS:
                # ``partial(fetch, url)``: calling it calls ``fetch``, so it is judged as the
                # function (a coroutine function's partial gives coroutines).
                target = self.eval(expr.value, info.name, sid)
                return target if isinstance(target, FunctionRef) else None
            return self.eval(CallExpr(expr.func), info.name, sid)  # another ``cast``
        if isinstance(expr, AsyncGenExpr):
            return AsyncGenExpression(info.name, expr.line)
        if isinstance(expr, LiteralExpr):
            if expr.items:
                return self._display(info, expr, sid)
            return BuiltinInstance(expr.type_name)
        if isinstance(expr, ElementExpr):
            return self._element(info, expr, sid)
        if isinstance(expr, ItemExpr):
            return self._unpacked_item(info, expr, sid)
        if isinstance(expr, IfExpr):
            first = self.eval(expr.body, info.name, sid)
            if expr.or_ and _always_true(first):
                return first  # ``fetch_channel(i) or fetch_user(i)``: the coroutine, always
            second = self.eval(expr.orelse, info.name, sid)
            if (
                isinstance(first, CallResult) and isinstance(second, CallResult)
                and first.kind == second.kind
            ):
                return first
            return join_alternatives([first, second], self.classes.common_base)
        return None

    def or_fallback(self, expr: Expr, module: str, sid: int) -> Value:
        """For ``a or f()`` judged where it is written (``(self.user or self.fetch()).id``):
        the last operand when it is an object no ``or`` looks past (a coroutine, an async
        generator): the value whenever ``a`` is false, which it is on some path, or the
        ``or`` would not be written.  Not for a name bound to it, which a later test of
        ``a`` may have narrowed (the straight-line values judge those)."""
        if not isinstance(expr, IfExpr) or not expr.or_:
            return None
        fallback = self.eval(expr.orelse, module, sid)
        return fallback if _always_true(fallback) else None

    def _chosen_parameter(self, info: ModuleInfo, call: CallExpr, callee: Value, sid: int) -> bool:
        """``SessionLocal()`` / ``SessionLocal.begin()`` where ``SessionLocal`` was made
        choosing its type argument (see ``_eval``) and the method gives that type parameter:
        the class chosen is not known, so neither is the result.  A coroutine method's call
        is still a coroutine (motor's ``find_one`` on a collection whose document type is not
        known): only what awaiting it gives is that parameter, and a coroutine's awaited
        result is read from its returns, not from the receiver."""
        if isinstance(callee, Instance):
            receiver: Value = callee
            method = self.attr(callee, "__call__")
        elif isinstance(callee, FunctionRef) and isinstance(call.func, AttrExpr):
            receiver, method = self.eval(call.func.base, info.name, sid), callee
        else:
            return False
        return (
            isinstance(receiver, Instance) and bool(receiver.args)
            and all(arg is None for arg in receiver.args)
            and isinstance(method, FunctionRef) and self.generics.returns_parameter(method)
            and self.functions.kind(method.module, method.scope) != "coro"
        )

    def _super_member(self, info: ModuleInfo, sid: int, name: str) -> Value:
        """``super().name`` in a method of a class with one base: the method ``name`` is
        looked up from that base, in its method resolution order (a subclass's own override
        is skipped, whatever ``self`` is; only a class placed between them by multiple
        inheritance could change it).  Only methods: ``super()`` finds no instance
        attribute, and ``super()`` itself stays unknown (it is ``self``, whose class may be
        any subclass)."""
        if name.startswith("__") and name not in _ASYNC_DUNDERS:
            return None  # ``super().__init__(...)``: never a coroutine function's call
        if self.name(info, sid, "super") != Builtin("super"):
            return None
        facts = info.scopes[sid].function
        if facts is None or not facts.first_param:
            return None
        me = self.classes.self_or_cls(info, sid, facts.first_param)
        if not isinstance(me, (Instance, ClassRef)) or me.module != info.name:
            return None
        klass = info.scopes[me.scope].klass
        if klass is None or len(klass.bases) != 1 or klass.metaclass is not None:
            return None
        base = self.eval(strip_subscript(klass.bases[0]), info.name, info.scopes[me.scope].parent)
        if not isinstance(base, ClassRef):
            return None
        if isinstance(me, Instance):
            found = self.attr(Instance(base.module, base.scope), name)
        else:
            found = self.attr(ClassRef(base.module, base.scope), name)
        return found if isinstance(found, FunctionRef) else None

    # -- names -----------------------------------------------------------------------------
    def name(self, info: ModuleInfo, sid: int, name: str) -> Value:
        found = self._lookup(info, sid, name)
        if found is None:
            return Builtin(name) if name in _BUILTINS else None
        if isinstance(found, str):
            # A star import may bind it: known when the star imports say what.
            by_star, starred = self._star_bound(info, name)
            if by_star:
                return starred
            own = info.scopes[0].bindings.get(name)
            if own is None:
                return Builtin(name) if name in _BUILTINS else None
            return self.binding(info, 0, own)
        binding, owner = found
        if isinstance(binding, ParamBinding):
            found_self = self.classes.self_or_cls(info, owner, name)
            if found_self is not None:
                return found_self
            if binding.declared is None:
                return self._passed(info, owner, binding) if binding.passed else None
            # Annotations are evaluated where the ``def`` statement is.
            declared = self.declared_value(
                info, binding.declared, info.scopes[owner].parent, owner, name
            )
            if binding.fallback is not None:
                # ``if client is None: client = Default()``: the argument or that value, as
                # one object when they agree (``Default`` keeps what ``Client`` has).
                if not isinstance(declared, Instance):
                    return None
                other = self.eval(binding.fallback, info.name, owner)
                return join_alternatives([declared, other], self.classes.common_base)
            if declared is None and binding.passed:
                # ``c: Union[Redis, AsyncRedis]`` / ``c: Any`` of a private helper: what
                # its module's calls pass.
                return self._passed(info, owner, binding)
            return declared
        return self.binding(info, owner, binding)

    def _passed(self, info: ModuleInfo, owner: int, binding: ParamBinding) -> Value:
        """A private helper's parameter, from what its module's calls pass: an instance of
        the one class they all agree on (``None`` aside); unknown otherwise, and for any other
        kind of value (a function passed in may be told apart with ``inspect``).  Not a
        parameter of the ``__init__`` of a class with subclasses: what a method of one reads
        from ``self`` was passed to the subclass's constructor, elsewhere (botocore's
        ``InstanceMetadataProvider(iam_role_fetcher=InstanceMetadataFetcher())``, and
        aiobotocore's subclass given its async fetcher)."""
        scope = info.scopes[owner]
        if scope.name == "__init__" and scope.parent >= 0 and (
            info.scopes[scope.parent].kind == "class"
        ):
            if self.classes.subclasses_anywhere(info.name, scope.parent) != []:
                return None
        joined = join_alternatives(
            [self.eval(expr, info.name, sid) for expr, sid in binding.passed],
            self.classes.common_base,
        )
        return joined if isinstance(joined, Instance) else None

    def each(self, expr: Expr, module: str, sid: int) -> List[Value]:
        """What a name, attribute chain or call of one may evaluate to, one value per
        alternative binding of its first name (``AsyncIterator`` imported from ``typing`` or
        ``collections.abc`` depending on the version; ``parse`` from a fast module or, on
        ``ImportError``, a slow one)."""
        info = self.module(module)
        if info is None:
            return [None]
        if isinstance(expr, AttrExpr):
            return [self.attr(value, expr.attr) for value in self.each(expr.base, module, sid)]
        if isinstance(expr, CallExpr):
            return [self.call(value) for value in self.each(expr.func, module, sid)]
        if isinstance(expr, NameExpr):
            found = self._lookup(info, sid, expr.id)
            if isinstance(found, tuple) and isinstance(found[0], AlternativesBinding):
                return [self.binding(info, found[1], option) for option in found[0].options]
            if isinstance(found, tuple) and isinstance(found[0], FromImportBinding):
                # Re-exported from a module that binds it by branch (``_compat.py``).
                source = found[0].module
                origin = self.module(source) if source != info.name else None
                if origin is not None and not self.star_may_bind(origin, found[0].name):
                    binding = origin.scopes[0].bindings.get(found[0].name)
                    if isinstance(binding, (AlternativesBinding, FromImportBinding)):
                        return self.guarded(
                            origin, ("each", found[0].name), self.each,
                            NameExpr(found[0].name), source, 0,
                        ) or [None]
        return [self.eval(expr, module, sid)]

    def module_level_alternatives(self, expr: Expr, module: str, sid: int) -> bool:
        """Whether the first name of ``expr`` (a name, attribute chain or call of one) is
        bound at module level by branches that exclude each other (``try``/``except
        ImportError``, ``if sys.version_info ...``), directly or through a re-export: by the
        time any function runs, one alternative holds for the whole run."""
        while isinstance(expr, (AttrExpr, CallExpr)):
            expr = expr.base if isinstance(expr, AttrExpr) else expr.func
        info = self.module(module)
        if not isinstance(expr, NameExpr) or info is None:
            return False
        found = self._lookup(info, sid, expr.id)
        if not isinstance(found, tuple) or found[1] != 0:
            return False
        binding: Optional[Binding] = found[0]
        for _ in range(8):  # through re-exports (``from ._compat import parse``)
            if isinstance(binding, AlternativesBinding):
                return binding.by_environment
            if not isinstance(binding, FromImportBinding) or binding.module == info.name:
                return False
            origin = self.module(binding.module)
            if origin is None or self.star_may_bind(origin, binding.name):
                return False
            info, binding = origin, origin.scopes[0].bindings.get(binding.name)
        return False

    def bound_once(self, info: ModuleInfo, sid: int, name: str, owner: int) -> bool:
        """Whether ``name`` seen from scope ``sid`` is a parameter or one simple binding of
        scope ``owner`` (so a test of it earlier in that function still holds)."""
        found = self._lookup(info, sid, name)
        return isinstance(found, tuple) and found[1] == owner and not isinstance(
            found[0], (AlternativesBinding, UnknownBinding)
        )

    def _lookup(
        self, info: ModuleInfo, sid: int, name: str
    ) -> Union[None, str, Tuple[Binding, int]]:
        """The binding ``name`` finds from scope ``sid`` and the scope holding it; None when
        nothing binds it, ``"star"`` when a star import may bind it."""
        scopes = info.scopes
        scope = scopes[sid]
        found: Optional[Tuple[Binding, int]] = None
        if name in scope.global_names:
            binding = scopes[0].bindings.get(name)
            found = (binding, 0) if binding is not None else None
        else:
            current = sid
            while current >= 0:
                candidate = scopes[current]
                if current == sid or candidate.kind != "class":
                    binding = candidate.bindings.get(name)
                    if binding is not None:
                        found = (binding, current)
                        break
                current = candidate.parent
        if (found is None or found[1] == 0) and self.star_may_bind(info, name):
            return "star"
        return found

    def binding(self, info: ModuleInfo, owner: int, binding: Binding) -> Value:
        if isinstance(binding, DefBinding):
            return FunctionRef(info.name, binding.scope)
        if isinstance(binding, ClassBinding):
            return ClassRef(info.name, binding.scope)
        if isinstance(binding, ImportBinding):
            module = binding.module
            return ModuleRef(module) if self.project.has_module(module) else Outside(module)
        if isinstance(binding, FromImportBinding):
            source, name = binding.module, binding.name
            if source == info.name:
                # ``from . import sub`` in a package's own ``__init__``: the submodule.
                submodule = f"{source}.{name}"
                return ModuleRef(submodule) if self.project.has_module(submodule) else None
            if self.project.has_module(source):
                return self.attr(ModuleRef(source), name)
            return Outside(f"{source}.{name}")
        if isinstance(binding, ValueBinding):
            value = self._assigned(info, owner, binding)
            if (value is None or value == NONE or isinstance(value, BuiltinInstance)) and (
                binding.declared is not None
            ):
                if isinstance(value, BuiltinInstance) and value != NONE:
                    # ``repos: list[Repo] = []``: the annotation says what it will hold.
                    held = self._declared(info, owner, binding)
                    if isinstance(held, Elements) and held.type_name in ("", value.type_name):
                        return held._replace(type_name=value.type_name)
                    return value
                # ``conn: Optional[Conn] = None``, ``svc: Service = registry.get()``: the
                # annotation says what the value does not.
                return self._declared(info, owner, binding)
            if isinstance(value, Instance) and binding.declared is not None and (
                self._is_proxy(value)
            ):
                # ``request: Request = LocalProxy(...)`` (quart, flask): the proxy hands
                # every attribute to the object the annotation declares.
                return self._declared(info, owner, binding)
            return value
        if isinstance(binding, DeclaredBinding) and owner == 0 and binding.declared is not None:
            # ``stdout: TextWrapper`` at module level (a stub's way to declare a variable).
            return self.annotated_instance(info, binding.declared, 0)
        if isinstance(binding, AlternativesBinding):
            values = [
                self._assigned(info, owner, option) if isinstance(option, ValueBinding)
                else self.binding(info, owner, option)
                for option in binding.options
            ]
            joined = join_alternatives(values, self.classes.common_base)
            if joined is not None and joined != NONE:
                return joined
            # Some assignment says nothing (or only ``None``): the declared type, when the
            # annotated assignments agree on one.
            declared = {
                self._declared(info, owner, option) for option in binding.options
                if isinstance(option, ValueBinding) and option.declared is not None
            }
            if len(declared) == 1:
                return declared.pop()
            return joined
        return None

    def _is_proxy(self, value: Instance) -> bool:
        """An object whose class (or a base read from source) defines ``__getattr__``, so it
        answers attributes it does not have (werkzeug's ``LocalProxy``)."""
        info = self.module(value.module)
        if info is None:
            return False
        for entry in self.classes.mro(info, value.scope):
            if not isinstance(entry, tuple):
                continue  # an unknown base, a standard library class
            owner = self.module(entry[0])
            if owner is not None and "__getattr__" in owner.scopes[entry[1]].bindings:
                return True
        return False

    def _assigned(self, info: ModuleInfo, owner: int, binding: ValueBinding) -> Value:
        scope = owner if binding.scope is None else binding.scope
        return self.eval(binding.expr, info.name, scope)

    def _declared(self, info: ModuleInfo, owner: int, binding: ValueBinding) -> Value:
        assert binding.declared is not None
        scope = owner if binding.scope is None else binding.scope
        return self.annotated_instance(info, binding.declared, scope)

    # -- attributes ------------------------------------------------------------------------
    def attr(self, value: Value, name: str) -> Value:
        if value is None:
            return None
        if isinstance(value, Outside):
            qualified = f"{value.qualified}.{name}"
            return Outside(kinds.STDLIB_ATTRIBUTES.get(qualified, qualified))
        if isinstance(value, ModuleRef):
            info = self.module(value.name)
            if info is not None:
                return self.guarded(info, ("module attr", name), self._module_attr, info, name)
            submodule = f"{value.name}.{name}"
            return ModuleRef(submodule) if self.project.has_module(submodule) else None
        if isinstance(value, Instance):
            found = self.classes.member(value, name)
            if found is None:
                found = self.classes.hook_result(value, name)
            return found
        if isinstance(value, ClassRef):
            return self.classes.member(value, name)
        if isinstance(value, ProtocolInstance):
            return self.classes.protocol_coroutine(value, name)
        if isinstance(value, (BuiltinInstance, Elements)) and value.type_name:
            return Builtin(f"{value.type_name}.{name}")  # a method of a builtin type
        if isinstance(value, (CallResult, AsyncGenExpression)) and value.kind == "agen" and (
            f"{kinds.ASYNC_GENERATOR}.{name}" in kinds.ASYNC_GENERATOR_METHODS
        ):
            # ``stream.aclose()``: what it gives is awaited, as a coroutine is.
            return Outside(f"{kinds.ASYNC_GENERATOR}.{name}")
        return None

    # -- containers ------------------------------------------------------------------------
    def _display(self, info: ModuleInfo, expr: LiteralExpr, sid: int) -> Value:
        """``[Primary(), Replica()]``: the container, holding objects of the class they
        agree on (one deriving from the other: the base); a plain one otherwise."""
        joined = join_alternatives(
            [self.eval(item, info.name, sid) for item in expr.items], self.classes.common_base
        )
        if isinstance(joined, ClassRef) and joined.exact and expr.type_name == "dict":
            # ``{"bash": BashToolkit}``: one class, or one registered later (the class or a
            # subclass, as an annotation ``dict[str, type[BashToolkit]]`` would say).
            return Elements("dict", None, joined._replace(exact=False))
        if not isinstance(joined, Instance):
            return BuiltinInstance(expr.type_name)
        if expr.type_name == "dict":
            return Elements("dict", None, joined)
        return Elements(expr.type_name, joined)

    def _element(self, info: ModuleInfo, expr: ElementExpr, sid: int) -> Value:
        """What a ``for`` loop takes from its iterable: an element of a known container,
        a mapping's value from ``.values()`` / ``.items()``, an element from
        ``enumerate(...)``."""
        container = expr.container
        if isinstance(container, CallExpr) and isinstance(container.func, AttrExpr) and (
            container.func.attr in ("values", "items")
        ):
            if (container.func.attr == "items") != expr.second:
                return None
            owner = self.eval(container.func.base, info.name, sid)
            return owner.value if isinstance(owner, Elements) else None
        if expr.second:
            if not isinstance(container, WrapExpr):
                return None
            if self.eval(container.func, info.name, sid) != Builtin("enumerate"):
                return None
            container = container.value
        found = self.eval(container, info.name, sid)
        return found.item if isinstance(found, Elements) else None

    def _unpacked_item(self, info: ModuleInfo, expr: ItemExpr, sid: int) -> Value:
        """What target ``expr.position`` takes when unpacking: an item of a tuple display of the
        same length (``a, b = Primary(), Replica()``), what a function's return annotation
        declares at that position (``-> tuple[Repo, Authorizer]``, awaited for a coroutine),
        or a standard-library pair known by name (``reader, writer = await
        asyncio.open_connection(...)``)."""
        value = expr.value
        if isinstance(value, LiteralExpr):
            if value.type_name in ("tuple", "list") and len(value.items) == expr.size:
                return self.eval(value.items[expr.position], info.name, sid)
            return None
        awaited = isinstance(value, AwaitExpr)
        call = value.value if isinstance(value, AwaitExpr) else value
        if not isinstance(call, CallExpr):
            return None
        func = self.eval(call.func, info.name, sid)
        if isinstance(func, Outside):
            known = kinds.STDLIB_UNPACKED.get(func.qualified)
            if known is None or not awaited or len(known) != expr.size:
                return None
            return Outside(known[expr.position])
        if not isinstance(func, FunctionRef):
            return None
        kind, wrapper = self.functions.call_kind(func.module, func.scope)
        if wrapper is not None or kind != ("coro" if awaited else "sync"):
            return None
        owner = self.module(func.module)
        facts = owner.scopes[func.scope].function if owner is not None else None
        if owner is None or facts is None:
            return None
        if facts.annotation is None:
            return self._returned_item(owner, func.scope, facts.returns, expr)
        parent = owner.scopes[func.scope].parent
        # ``Conn = Tuple[StreamReader, StreamWriter]`` then ``-> Conn``: the alias's subscript.
        where, annotation, scope = self._through_alias(owner, facts.annotation, parent)
        if not isinstance(annotation, SubscriptExpr) or len(annotation.args) != expr.size:
            return None
        if _builtin_named(self.eval(annotation.value, where.name, scope)) != "tuple":
            return None
        name = f"{owner.scopes[func.scope].name}()[{expr.position}]"
        if where is not owner or scope != parent:
            return self.declared_value(where, annotation.args[expr.position], scope, 0, name)
        return self.declared_value(owner, annotation.args[expr.position], parent, func.scope, name)

    def _returned_item(
        self, owner: ModuleInfo, scope: int, returns: List[Expr], expr: ItemExpr
    ) -> Value:
        """An unannotated function whose every ``return`` is a tuple display of the unpacking's
        length (``return engine, async_sessionmaker(engine)``): the item at the position, when
        the returns agree on it."""
        if not returns:
            return None
        items: List[Value] = []
        for returned in returns:
            if isinstance(returned, (AwaitExpr, CallExpr)):
                # ``return await asyncio.open_connection(...)``, ``return pair()``: what
                # unpacking that call's result gives at the position.
                items.append(self.guarded(
                    owner, ("unpacked", scope, returned, expr.position, expr.size),
                    self._unpacked_item, owner, expr._replace(value=returned), scope,
                ))
                continue
            if not isinstance(returned, LiteralExpr) or returned.type_name != "tuple":
                return None
            if len(returned.items) != expr.size:
                return None
            items.append(self.eval(returned.items[expr.position], owner.name, scope))
        return join_alternatives(items, self.classes.common_base)

    def _element_method(self, info: ModuleInfo, call: CallExpr, sid: int) -> Value:
        """``clients.get(name)``, ``queue.pop()``: one of a known container's elements (or
        ``None``, which supports no protocol either)."""
        if not isinstance(call.func, AttrExpr) or call.func.attr not in kinds.ELEMENT_METHODS:
            return None
        owner = self.eval(call.func.base, info.name, sid)
        return owner.picked if isinstance(owner, Elements) else None

    def _declared_elements(self, info: ModuleInfo, annotation: SubscriptExpr, scope: int) -> Value:
        """``list[Repo]``, ``Sequence[Repo]``, ``dict[str, Repo]``: a container of objects of
        the class (or a subclass) its type arguments name."""
        base = self.eval(annotation.value, info.name, scope)
        name = base.name if isinstance(base, Builtin) else (
            base.qualified if isinstance(base, Outside) else None
        )
        shape = kinds.CONTAINER_ANNOTATIONS.get(name) if name is not None else None
        if shape is None:
            return None
        type_name, mapping = shape
        if len(annotation.args) != (2 if mapping else 1):
            return None
        held: Value = self.annotated_instance(info, annotation.args[-1], scope)
        if held is None:
            held = self._declared_class(info, annotation.args[-1], scope)
        if held is None:
            # ``handlers: dict[str, Callable[[Message], Awaitable[str]]]``: callables whose
            # calls give what the annotation declares.
            kind = self._callable_result(info, annotation.args[-1], scope)
            if kind is not None:
                held = DeclaredCallable(kind, info.name, scope, messages.CONTAINER_ITEM)
        if not isinstance(held, (Instance, ClassRef, DeclaredCallable)):
            return None
        return Elements(type_name, None, held) if mapping else Elements(type_name, held)

    def _declared_class(self, info: ModuleInfo, annotation: Expr, scope: int) -> Value:
        """``type[Toolkit]`` (``Type[Toolkit]``): the class or a subclass, whose call gives an
        instance as declared (a registry ``dict[str, type[Toolkit]]``)."""
        if not isinstance(annotation, SubscriptExpr) or len(annotation.args) != 1:
            return None
        if _builtin_named(self.eval(annotation.value, info.name, scope)) != "type":
            return None
        named = self.eval(annotation.args[0], info.name, scope)
        if isinstance(named, Outside) and named.qualified in kinds.TYPE_VARIABLE_CALLS:
            return None  # ``type[_S]``: the class given, whatever the bound says
        held = self.annotated_instance(info, annotation.args[0], scope)
        if not isinstance(held, Instance) or not held.declared:
            return None
        return ClassRef(held.module, held.scope, exact=False)

    def _item(self, value: Instance) -> Value:
        method = self.attr(value, "__getitem__")
        if not isinstance(method, FunctionRef):
            return None
        if not value.exact and self.strict:
            overrides = self.classes.overrides(value.module, value.scope, "__getitem__")
            if overrides is None or overrides:
                return None
        return self.classes.declared_result(method)

    def _module_attr(self, info: ModuleInfo, name: str) -> Value:
        if name in self.patched or (name in info.patched and self.guarded(
            info, ("module patched", name), self._module_patched, info, name
        ) is not False):
            return None
        binding = info.scopes[0].bindings.get(name)
        if self.star_may_bind(info, name):
            by_star, starred = self._star_bound(info, name)
            if by_star:
                return starred
        if binding is not None:
            return self.binding(info, 0, binding)
        submodule = f"{info.name}.{name}"
        return ModuleRef(submodule) if self.project.has_module(submodule) else None

    def _star_bound(self, info: ModuleInfo, name: str) -> Tuple[bool, Value]:
        """Whether a star import binds module-level ``name`` of ``info``, and to what: unknown
        when the module binds it too, to something else (which comes later is not known)."""
        by_star, starred = self.through_stars(info, name)
        if not by_star or starred is None:
            return by_star, starred
        own = info.scopes[0].bindings.get(name)
        if own is not None and self.binding(info, 0, own) != starred:
            return True, None
        return True, starred

    def through_stars(self, info: ModuleInfo, name: str) -> Tuple[bool, Value]:
        """Whether some ``from m import *`` of ``info`` binds ``name``, and to what
        (``httpx/__init__.py`` re-exporting ``from ._client import *``): the last star import
        that binds it decides; (True, None) when a source cannot be read, or may bind it only
        through its own unknowns."""
        for source in reversed(info.stars):
            if source is None or not self.project.has_module(source):
                return True, None
            exported = self.module(source)
            if exported is None:
                return True, None
            if exported.exports is not None:
                if name not in exported.exports:
                    continue
            elif name.startswith("_"):
                continue
            elif name not in exported.scopes[0].bindings and not exported.stars:
                continue
            value = self.attr(ModuleRef(source), name)
            if value is None and exported.exports is None and (
                name not in exported.scopes[0].bindings
            ) and not self.star_may_bind(exported, name):
                continue  # only possibly bound through the source's own stars: it is not
            return True, value
        return False, None

    def star_may_bind(self, info: ModuleInfo, name: str) -> bool:
        """Whether a ``from m import *`` in ``info`` may (re)bind module-level ``name``."""
        if name in info.after_star:
            return False
        for source in info.stars:
            if source is None or not self.project.has_module(source):
                return True
            exported = self.module(source)
            if exported is None:
                return True
            if exported.exports is not None:
                if name in exported.exports:
                    return True
            elif not name.startswith("_") and (
                name in exported.scopes[0].bindings or exported.stars
            ):
                return True
        return False

    def _module_patched(self, info: ModuleInfo, name: str) -> bool:
        """Whether some ``obj.name = ...`` of the module may write on the module itself: any
        write whose object is not known to be a function, a class or an instance
        (tenacity's ``wrapped_f.retry = self``, on a function it made, leaves its ``retry``
        decorator alone)."""
        sites = info.summary.patch_sites.get(name)
        if not sites:
            return True  # patched without a site to look at
        known = (FunctionRef, ClassRef, Instance, BuiltinInstance)  # not a module
        return any(
            not isinstance(self.eval(expr, info.name, scope), known) for expr, scope in sites
        )

    # -- calls -----------------------------------------------------------------------------
    def call(self, value: Value) -> Value:
        if value is None:
            return None
        if isinstance(value, FunctionRef):
            kind, wrapper = self.functions.call_kind(value.module, value.scope)
            if wrapper is not None:
                # Replaced by its decorator's ``async def`` wrapper: the wrapper's object,
                # named after the function the caller called.
                assert kind in ("coro", "agen", "acm")
                return CallResult(
                    kind, wrapper.module, wrapper.scope, (value.module, value.scope)
                )
            if kind == "sync":
                return self._sync_result(value)
            if kind is not None:
                return CallResult(kind, value.module, value.scope)
            return None
        if isinstance(value, ClassRef):
            info = self.module(value.module)
            if info is None or self.classes.is_opaque(info, value.scope):
                return None
            if self.classes.has_own_new(info, value.scope):
                return None
            if self._init_always_raises(info, value.scope):
                return None  # ``InitRaises()``: no instance is ever made
            # ``cls(...)`` builds the class a caller named, which may be any subclass in the
            # project (``Sub.from_url(...)``): an instance as an annotation declares one.
            return Instance(value.module, value.scope, value.exact, declared=not value.exact)
        if isinstance(value, Instance):
            return self.call(self.attr(value, "__call__"))
        if isinstance(value, DeclaredCallable):
            return DeclaredCall(value)
        if isinstance(value, Outside):
            if value.qualified in kinds.STDLIB_COROUTINES or (
                value.qualified in kinds.ASYNC_GENERATOR_METHODS
            ):
                return StdlibCall(value.qualified)  # ``asyncio.sleep(1)``: a coroutine
            if value.qualified in kinds.STDLIB_FUTURES:
                return StdlibCall(value.qualified, "awaitable")  # ``asyncio.gather(...)``
            return Outside(f"{value.qualified}()")  # something outside the project: still outside
        if isinstance(value, Builtin) and value.name in LITERAL_TYPES | _MADE_BY_BUILTINS:
            return BuiltinInstance(value.name)  # ``set()``, ``list(...)``: a new container
        if isinstance(value, Builtin) and value.name in _BUILTIN_RESULT_TYPES:
            return BuiltinInstance(_BUILTIN_RESULT_TYPES[value.name])  # ``len(points)``: an int
        if value == Builtin("open"):
            return Outside("open()")  # a file object, known by name (kinds.STDLIB_SYNC_RESULTS)
        return None

    def _init_always_raises(self, info: ModuleInfo, sid: int) -> bool:
        """Whether the ``__init__`` instances of class ``sid`` get raises on every path: its
        call never gives an object, so nothing is done with one."""
        init = self.classes.lookup(info, sid, "__init__", False)
        if not isinstance(init, FunctionRef):
            return False
        owner = self.module(init.module)
        facts = owner.scopes[init.scope].function if owner is not None else None
        return facts is not None and _every_path_raises(facts) and (
            not facts.has_yield and not facts.is_stub
        )

    def _delegated_to_receiver(self, receiver: Instance, method: FunctionRef) -> Value:
        """``client.get(key)`` where the plain method only ever returns ``self.<m>(...)``
        (redis' command mixins: ``return self.execute_command("GET", name)``): what calling
        ``<m>`` on the receiver itself gives, judged on the receiver's class (a coroutine when
        the async client's ``execute_command`` is an ``async def``).  The method body alone
        says nothing: ``self`` there is any class mixing it in."""
        info = self.module(method.module)
        facts = info.scopes[method.scope].function if info is not None else None
        if info is None or facts is None or facts.has_yield or facts.decorators or (
            not facts.returns or facts.first_param is None
            or info.scopes[info.scopes[method.scope].parent].klass is None
            or self.func_kind(method.module, method.scope) != "sync"
        ):
            return None
        kind: Optional[ObjectKind] = None
        for expr in facts.returns:
            if not (
                isinstance(expr, CallExpr) and isinstance(expr.func, AttrExpr)
                and expr.func.base == NameExpr(facts.first_param)
            ):
                return None
            result = self.call(self.attr(receiver, expr.func.attr))
            if not isinstance(result, CallResult) or (kind is not None and result.kind != kind):
                return None
            kind = result.kind
        assert kind is not None
        # Messages name the method the caller called.
        return CallResult(kind, method.module, method.scope)

    def _overload(
        self,
        function: FunctionRef,
        literals: Tuple[Tuple[str, bool], ...],
        named: Tuple[str, ...],
    ) -> Value:
        """The ``@overload`` signature a call with these ``True`` / ``False`` keywords (and
        other keywords ``named``) resolves to (see :mod:`overloads`), else the function
        itself."""
        info = self.module(function.module)
        facts = info.scopes[function.scope].function if info is not None else None
        if info is None or facts is None or not facts.overloads:
            return function
        chosen = overloads.choose(info.scopes, facts, literals, named)
        return FunctionRef(function.module, chosen) if chosen is not None else function

    def awaited(self, value: Value) -> Value:
        """What ``await value`` gives, when the coroutine's returns all agree: an async
        generator, or an instance of one project class (also from its return annotation);
        for an instance of an awaitable class, what its ``__await__`` is annotated to give."""
        if isinstance(value, Instance):
            return self._awaited_instance(value)
        if isinstance(value, StdlibCall):
            made = kinds.STDLIB_AWAITED.get(value.qualified)
            return Outside(made) if made is not None else None
        if not isinstance(value, CallResult) or value.kind != "coro":
            return None
        info = self.module(value.module)
        if info is None:
            return None
        facts = info.scopes[value.scope].function
        # An async generator, or a coroutine every path hands out un-awaited (``return
        # self.client.create(...)``): a caller awaiting once holds that coroutine.  Only the
        # returns of the ``async def`` itself: a plain ``def`` returning a coroutine (the
        # object is named after it) returns the coroutine, not what awaiting it gives.
        wanted: Tuple[ObjectKind, ...] = (
            ("agen", "coro") if facts is not None and facts.is_async and value.called is None
            else ("agen",)
        )
        stream = self.returned(value.module, value.scope, wanted)
        if stream is not None:
            return stream
        found = self._factory_result(info, value.scope)
        if found is None and self._declares_stream(info, value.scope):
            return AnnotatedStream(value.module, value.scope)
        return found

    def _declares_stream(self, info: ModuleInfo, sid: int) -> bool:
        """An ``@overload`` signature of a coroutine annotated to give an async iterator."""
        facts = info.scopes[sid].function
        if facts is None or facts.result_type is None or not facts.literal_params:
            return False
        if not self.functions.has_decorator(info.name, sid, kinds.OVERLOAD_DECORATORS):
            return False
        parent = info.scopes[sid].parent
        # Every alternative binding (``typing`` or ``collections.abc`` by version) must agree.
        return all(
            isinstance(declared, Outside) and declared.qualified in kinds.ASYNC_ITERATOR_ANNOTATIONS
            for declared in self.each(strip_subscript(facts.result_type), info.name, parent)
        )

    def _chained_receiver(self, info: ModuleInfo, call: CallExpr, callee: Value, sid: int) -> Value:
        """``Client().with_timeout(3)`` where the plain method only ever returns ``self`` (a
        fluent builder): the object it was called on."""
        if not isinstance(callee, FunctionRef) or not isinstance(call.func, AttrExpr):
            return None
        owner = self.module(callee.module)
        facts = owner.scopes[callee.scope].function if owner is not None else None
        if owner is None or facts is None or facts.decorators or facts.is_async or (
            facts.has_yield
        ):
            return None  # undecorated, so a plain ``def``'s call gives what it returns
        return self._returned_receiver(info, call, callee, sid)

    def _awaited_receiver(self, info: ModuleInfo, call: Expr, value: CallResult, sid: int) -> Value:
        """``await conn.connect()`` where the coroutine method only ever returns ``self``:
        the object it was called on (asyncpg's ``Cursor._init``)."""
        if value.kind != "coro" or not isinstance(call, CallExpr):
            return None
        if not isinstance(call.func, AttrExpr):
            return None
        return self._returned_receiver(info, call, FunctionRef(value.module, value.scope), sid)

    def _returned_receiver(
        self, info: ModuleInfo, call: CallExpr, method: FunctionRef, sid: int
    ) -> Value:
        """The receiver of ``obj.m(...)`` when ``m`` (and, for an object that may be of a
        subclass, every override of it) only ever returns its ``self``."""
        assert isinstance(call.func, AttrExpr)
        if not self.returns_self(method):
            return None
        receiver = self.eval(call.func.base, info.name, sid)
        if not isinstance(receiver, Instance):
            return None
        if not receiver.exact:
            # ``self`` or an annotated object: a subclass's method may return something else.
            if not self.strict:
                return receiver
            overrides = self.classes.overrides(receiver.module, receiver.scope, call.func.attr)
            if overrides is None or any(not self.returns_self(o) for o in overrides):
                return None
        return receiver

    def _awaited_instance(self, value: Instance) -> Value:
        method = self.attr(value, "__await__")
        if not isinstance(method, FunctionRef) or self.functions.is_property(method):
            return None
        if not value.exact and self.strict:
            overrides = self.classes.overrides(value.module, value.scope, "__await__")
            if overrides is None or overrides:
                return None
        info = self.module(method.module)
        facts = info.scopes[method.scope].function if info is not None else None
        if info is None or facts is None:
            return None
        if facts.result_type is None:
            return self._delegated_await(info, method.scope, facts.returns)
        return self.generics.await_result(value, method, facts.result_type)

    def _delegated_await(self, info: ModuleInfo, sid: int, returns: List[Expr]) -> Value:
        """An unannotated ``__await__`` whose every return is ``<awaitable>.__await__()``:
        what awaiting that gives, when the returns agree."""
        first: Value = None
        for expr in returns:
            if not (
                isinstance(expr, CallExpr) and isinstance(expr.func, AttrExpr)
                and expr.func.attr == "__await__"
            ):
                return None
            found = self.eval(AwaitExpr(expr.func.base), info.name, sid)
            if not isinstance(found, Instance) or (first is not None and found != first):
                return None
            first = found
        return first

    def entered(self, manager: Value, is_async: bool) -> Value:
        """What ``async with manager as x`` (``with``) binds to ``x``."""
        if isinstance(manager, Outside):
            # Outside objects stay outside (``asyncio.TaskGroup()`` gives a task group).
            method = "__aenter__" if is_async else "__enter__"
            return Outside(f"{manager.qualified}.{method}()")
        if isinstance(manager, CallResult) and manager.kind == ("acm" if is_async else "cm"):
            return self._yielded_instance(manager)
        if isinstance(manager, Instance):
            method = "__aenter__" if is_async else "__enter__"
            enter = self.attr(manager, method)
            if not isinstance(enter, FunctionRef):
                return None
            if not manager.exact and self.strict:
                # ``self`` or an annotated manager: a subclass's ``__aenter__`` (of the same
                # kind) may give something else.
                overrides = self.classes.overrides(manager.module, manager.scope, method)
                if overrides is None or overrides:
                    return None
            kind = self.func_kind(enter.module, enter.scope)
            if kind != ("coro" if is_async else "sync"):
                return None
            if self.returns_self(enter):
                return manager  # ``return self``: the manager itself
            info = self.module(enter.module)
            if info is None:
                return None
            facts = info.scopes[enter.scope].function
            if facts is not None and facts.result_type is not None and dotted(
                facts.result_type
            ) in ("Self", "typing.Self", "typing_extensions.Self"):
                return manager  # ``-> Self`` (a stub, or a body that says nothing)
            found = self._factory_result(info, enter.scope)
            if found is None and facts is not None and facts.result_type is not None:
                found = self.generics.substitute(manager, enter, facts.result_type)
            return found
        return None

    def returns_self(self, function: FunctionRef) -> bool:
        info = self.module(function.module)
        facts = info.scopes[function.scope].function if info is not None else None
        if info is None or facts is None or not facts.returns or facts.first_param is None:
            return False
        if not all(expr == NameExpr(facts.first_param) for expr in facts.returns):
            return False
        # Not a ``staticmethod`` returning its first argument, nor a ``classmethod``.
        first = self.classes.self_or_cls(info, function.scope, facts.first_param)
        return isinstance(first, Instance)

    def _yielded_instance(self, manager: CallResult) -> Value:
        """The instance every ``yield`` of an ``@asynccontextmanager`` gives, if they agree;
        else the class its annotation says it yields (``AsyncIterator[Conn]``)."""
        info = self.module(manager.module)
        facts = info.scopes[manager.scope].function if info is not None else None
        if info is None or facts is None or not facts.yields:
            return None
        first: Value = None
        for expr in facts.yields:
            value = self.eval(expr, info.name, manager.scope)
            if not isinstance(value, Instance) or (first is not None and value != first):
                first = None
                break
            first = value
        if first is not None:
            return first
        if facts.yield_type is not None:
            return self.annotated_instance(
                info, facts.yield_type, info.scopes[manager.scope].parent
            )
        return None

    def returned(
        self, module: str, sid: int, wanted: Tuple[ObjectKind, ...]
    ) -> Union[CallResult, AsyncGenExpression, None]:
        """The common object kind all explicit returns of function ``sid`` evaluate to."""
        info = self.module(module)
        if info is None:
            return None
        facts = info.scopes[sid].function
        if facts is None:
            return None
        first: Union[CallResult, AsyncGenExpression, None] = None
        for expr in facts.returns:
            value = self.eval(expr, module, sid)
            if not isinstance(value, (CallResult, AsyncGenExpression)) or value.kind not in wanted:
                return None
            if first is None:
                first = value
            elif first.kind != value.kind:
                return None
        return first

    def _sync_result(self, function: FunctionRef) -> Value:
        info = self.module(function.module)
        if info is None:
            return None
        facts = info.scopes[function.scope].function
        if facts is None:
            return None
        if facts.has_yield:
            # A generator function: its call gives a generator, which is neither awaitable
            # nor async-iterable (``async for row in rows()`` with ``def rows(): yield``).
            # Only undecorated or transparently decorated ones reach here (not
            # ``@types.coroutine``, which makes generator-based coroutines).
            return PlainResult(function.module, function.scope, "generator")
        result = self.returned(function.module, function.scope, ("agen", "coro", "acm", "cm"))
        if result is not None:
            # The object is the wrapper's: messages name the function the caller called.
            return CallResult(result.kind, function.module, function.scope)
        found = self._factory_result(info, function.scope)
        if found is None and facts.annotation is not None:
            # The returns say nothing; the annotation declares the object's protocol.
            declared = self._declared_protocol(info, function.scope)
            if declared == "coro":
                return CallResult("coro", function.module, function.scope)
            if declared == "agen":
                return AnnotatedStream(function.module, function.scope, direct=True)
            # ``def get(self, name) -> Handler`` with ``Handler = Callable[[dict],
            # Awaitable[dict]]``: a callable whose call gives what the alias declares.
            kind = self._callable_result(
                info, facts.result_type or facts.annotation, info.scopes[function.scope].parent
            )
            if kind is not None:
                name = f"{info.scopes[function.scope].name}()"
                return DeclaredCallable(kind, function.module, function.scope, name)
        if found is None:
            return self._plain_result(info, function)
        return found

    def _plain_result(self, info: ModuleInfo, function: FunctionRef) -> Value:
        """A plain ``def`` every path of which returns an object of one builtin type: ``None``
        for one without ``return`` (``def notify(self, msg): print(msg)``), ``list`` for
        ``return [...]``.  Not a stub or a body that only raises (a hook meant to be
        overridden), nor a bare ``return`` among others (not told apart from an unknown
        value)."""
        facts = info.scopes[function.scope].function
        if facts is None or facts.is_stub or facts.always_raises or facts.has_yield:
            return None
        if _every_path_raises(facts):
            return None
        type_name = "NoneType" if facts.falls_through else None
        values = [
            _as_builtin(self.eval(expr, function.module, function.scope))
            for expr in facts.returns
        ]
        for value in values:
            if not isinstance(value, BuiltinInstance) or (
                type_name is not None and value.type_name != type_name
            ):
                return self._declared_plain_result(info, function, values) or (
                    self._none_on_some_path(info, function, values)
                )
            type_name = value.type_name
        assert type_name is not None
        if facts.annotation is not None:
            # ``-> Optional[AsyncIterator[str]]``: overrides (or a later version) may give a
            # stream; only an annotation saying the same builtin type is kept.
            if self.annotated_builtin(info, function.scope) != type_name:
                return None
        return PlainResult(function.module, function.scope, type_name)

    def annotated_builtin(self, info: ModuleInfo, sid: int) -> Optional[str]:
        """The builtin type a function's return annotation names (``list``, ``List[Dict]``,
        ``list[str]``, ``"List[str]"``), or None."""
        facts = info.scopes[sid].function
        if facts is None or facts.annotation is None:
            return None
        # ``Item = Dict[str, Any]`` then ``-> Item``: the alias's subscript.
        owner, annotation, scope = self._through_alias(
            info, facts.annotation, info.scopes[sid].parent
        )
        declared = self.eval(strip_subscript(annotation), owner.name, scope)
        if isinstance(declared, Outside):
            return _TYPING_BUILTINS.get(declared.qualified)
        if isinstance(declared, (Builtin, BuiltinInstance)):
            name = declared.name if isinstance(declared, Builtin) else declared.type_name
            return name if name in LITERAL_TYPES else None
        return None

    def _none_on_some_path(
        self, info: ModuleInfo, function: FunctionRef, values: List[Value]
    ) -> Value:
        """A plain ``def`` with an explicit ``return None`` (or another constant or display:
        ``return f"Tool '{name}' not found"``) whose other returns are not known (electrumx's
        ``notify``: ``return our_touched`` / ``return None``; agent-squad's ``_process_tool``:
        ``return tool.func(**data)`` / the message): awaiting its call fails whenever it
        returns that object, whatever the others give.  Not when a return is known to be
        anything else (a coroutine: an optional job to await), nor without an annotation (a
        bare ``return`` is not told apart from ``return None``)."""
        facts = info.scopes[function.scope].function
        if facts is None or facts.annotation is not None:
            return None  # ``-> Optional[Awaitable[...]]`` says the caller tests it first
        explicit: Optional[str] = None
        for expr, value in zip(facts.returns, values):
            if type(expr) is LiteralExpr and isinstance(value, BuiltinInstance):
                if explicit is None:
                    explicit = value.type_name  # ``None`` is the ``NoneType`` instance
            elif value is not None and not isinstance(value, (Outside, BuiltinInstance)):
                return None
        if explicit is None:
            return None
        return PlainResult(function.module, function.scope, explicit, some_path=True)

    def _declared_plain_result(
        self, info: ModuleInfo, function: FunctionRef, values: List[Value]
    ) -> Value:
        """A plain ``def`` annotated with one builtin type (``-> List[Dict]``) that returns
        an object of that type on some path (``return []``) and nothing known to be anything
        else on the others (``return results[:k]``): awaiting its call fails on that path
        whatever the others give, and the annotation says they give the same."""
        facts = info.scopes[function.scope].function
        if facts is None or facts.falls_through:
            return None
        type_name = self.annotated_builtin(info, function.scope)
        if type_name is None or type_name == "NoneType":
            return None
        agreeing = False
        for value in values:
            if value is None or isinstance(value, Outside):
                continue  # unknown, or from outside the project: the annotation says
            if value != BuiltinInstance(type_name):
                return None
            agreeing = True
        return PlainResult(function.module, function.scope, type_name) if agreeing else None

    def _callable_result(
        self, info: ModuleInfo, annotation: Expr, scope: int
    ) -> Optional[Literal["coro", "agen", "awaitable"]]:
        """``coro`` for ``Callable[..., Coroutine[...]]``, ``agen`` for ``Callable[...,
        AsyncIterator[...]]`` (or ``AsyncGenerator``), ``awaitable`` for ``Callable[...,
        Awaitable[...]]``, also through a module-level alias (``Authorizer = Callable[...,
        Awaitable[bool]]``, imported or not); None for anything else."""
        info, annotation, scope = self._through_alias(info, annotation, scope)
        if not isinstance(annotation, SubscriptExpr) or len(annotation.args) != 2:
            return None
        outer = self.eval(annotation.value, info.name, scope)
        if not isinstance(outer, Outside) or outer.qualified not in kinds.CALLABLE_ANNOTATIONS:
            return None
        result = annotation.args[1]
        found = self._protocol_named(info, result, scope)
        if found is not None:
            return found
        named = self.each(strip_subscript(result), info.name, scope)
        if named and all(
            isinstance(value, Outside) and value.qualified in kinds.AWAITABLE_ANNOTATIONS
            for value in named
        ):
            return "awaitable"
        return None

    def _through_alias(
        self, info: ModuleInfo, annotation: Expr, scope: int
    ) -> Tuple[ModuleInfo, Expr, int]:
        """An annotation where it is read (module, expression, scope): for a name that is a
        module-level alias (``Authorizer = Callable[..., Awaitable[bool]]``), the subscript it
        is bound to, at module level where it is written; else the annotation itself."""
        if isinstance(annotation, NameExpr):
            aliased = self._alias_of(info, annotation.id, scope)
            if aliased is not None:
                return aliased[0], aliased[1], 0
        return info, annotation, scope

    def _alias_of(
        self, info: ModuleInfo, name: str, scope: int
    ) -> Optional[Tuple[ModuleInfo, Expr]]:
        """The module and the subscript a module-level alias ``name`` is bound to once
        (``Authorizer = Callable[..., Awaitable[bool]]``), followed through ``from`` imports."""
        found = self._module_level_value(info, name, scope)
        if found is None or not isinstance(found[1], SubscriptExpr) or not found[1].args:
            return None
        return found

    def aliased_call(
        self, info: ModuleInfo, name: str, scope: int
    ) -> Optional[Tuple[ModuleInfo, CallExpr]]:
        """The module and the call a module-level name is bound to once (``attrs_default =
        attr.s(slots=True, auto_attribs=True)``), followed through ``from`` imports."""
        found = self._module_level_value(info, name, scope)
        if found is None or not isinstance(found[1], CallExpr):
            return None
        return found[0], found[1]

    def _module_level_value(
        self, info: ModuleInfo, name: str, scope: int
    ) -> Optional[Tuple[ModuleInfo, Expr]]:
        """The module and the expression ``name`` is bound to once at module level, followed
        through ``from`` imports; None for any other binding."""
        found = self._value_binding(info, name, scope)
        if found is None:
            return None
        owner_info, binding, owner, _ = found
        return (owner_info, binding.expr) if owner == 0 else None

    def _value_binding(
        self, info: ModuleInfo, name: str, scope: int
    ) -> Optional[Tuple[ModuleInfo, ValueBinding, int, str]]:
        """The assignment ``name`` is bound to where scope ``scope`` of ``info`` reads it,
        followed through ``from`` imports (``from .auth import Authorizer``): the module it is
        in, the binding, its scope, and the name there; None for any other binding."""
        for _ in range(_MAX_IMPORT_HOPS):
            found = self._lookup(info, scope, name)
            if found is None or isinstance(found, str):
                return None
            binding, owner = found
            if isinstance(binding, ValueBinding):
                return info, binding, owner, name
            if not isinstance(binding, FromImportBinding):
                return None
            source = self.module(binding.module)
            if source is None:
                return None
            info, scope, name = source, 0, binding.name
        return None

    def _protocol_named(
        self, info: ModuleInfo, annotation: Expr, scope: int
    ) -> Optional[Literal["coro", "agen"]]:
        """``coro`` when ``annotation`` is ``Coroutine[...]``, ``agen`` when it is
        ``AsyncIterator[...]`` / ``AsyncGenerator[...]``, each alternative binding of the name
        agreeing."""
        found = self.each(strip_subscript(annotation), info.name, scope)
        if not found or not all(isinstance(value, Outside) for value in found):
            return None
        names = {value.qualified for value in found if isinstance(value, Outside)}
        if names <= kinds.COROUTINE_ANNOTATIONS:
            return "coro"
        if names <= kinds.DECLARED_STREAM_ANNOTATIONS:
            return "agen"
        return None

    def _declared_protocol(self, info: ModuleInfo, sid: int) -> Optional[ObjectKind]:
        """``coro`` for a return annotation ``Coroutine[...]``, ``agen`` for
        ``AsyncIterator[...]`` / ``AsyncGenerator[...]`` (each alternative binding of the name
        agreeing); None for anything else (``Awaitable``, ``AsyncIterable``: other objects than
        coroutines and async iterators have those, and may have more)."""
        facts = info.scopes[sid].function
        if facts is None or facts.annotation is None:
            return None
        for expr in facts.returns:
            value = self.eval(expr, info.name, sid)
            if value is not None and not isinstance(value, Outside):
                return None  # a return known to give something (``return None``)
        # The annotation as written: ``Coroutine[...] | None`` declares no coroutine.
        return self._protocol_named(info, facts.annotation, info.scopes[sid].parent)

    def _factory_result(self, info: ModuleInfo, sid: int) -> Value:
        """What a function gives when every ``return`` builds an instance of the same project
        class (``def get_repo(): return Repo()``) or gives the same declared object, else the
        class its return annotation names (an instance of it or of a subclass)."""
        facts = info.scopes[sid].function
        if facts is None:
            return None
        first: Value = None
        for expr in facts.returns:
            value = self.eval(expr, info.name, sid)
            # Only exact classes: ``cls()`` may build a subclass defined in any module; or an
            # object an annotation declares that the function awaited (``return await
            # client.get(url)``: a ``Response`` or a subclass), passed on as declared.  (A plain
            # helper returning ``emails.send(...)`` un-awaited may be handed a look-alike of
            # another class, its sync or async twin, whatever ``emails`` is annotated.)  A
            # function defined inside a function (``return wrapped``) is a closure.
            known = (isinstance(value, Instance) and (
                value.exact or (
                    # ``return await asyncpg.create_pool(...)``: what the awaited object's
                    # ``__await__`` gives (``self``: a ``Pool``, maybe a subclass), judged by
                    # the caller as it is here.
                    not value.declared and _awaited_here(info, sid, expr)
                ) or (value.declared and (
                    _awaited_here(info, sid, expr) or self._module_function_call(info, sid, expr)
                    # ``return cls(...)`` in a classmethod (``from_url``): an instance of
                    # the class the caller named, or of a subclass.
                    or (value.module, value.scope) == (info.name, info.scopes[sid].parent)
                ))
            )) or (isinstance(value, FunctionRef) and self.is_closure(value))
            if known and first is not None and value != first:
                # ``return AzureClient()`` / ``return Client()``, one deriving from the other:
                # an object of the base class (or a subclass), when the subclass keeps what
                # the base has.
                joined = (
                    self.classes.common_base(first, value)
                    if isinstance(first, Instance) and isinstance(value, Instance) else None
                )
                known, value = joined is not None, joined
            if not known:
                first = None
                break
            first = value
        if isinstance(first, Instance) and first.exact and not first.args and (
            facts.result_type is not None
        ):
            # ``return Manager(request)`` under ``-> Manager[Response]``: the annotation says
            # what the constructor's arguments do not.
            declared = self.annotated_instance(info, facts.result_type, info.scopes[sid].parent)
            if isinstance(declared, Instance) and declared.args and (
                (declared.module, declared.scope) == (first.module, first.scope)
            ):
                return first._replace(args=declared.args)
        if first is not None:
            return first
        if facts.result_type is not None and not self._returns_async_object(info, sid):
            return self.annotated_instance(info, facts.result_type, info.scopes[sid].parent)
        return None

    def _returns_async_object(self, info: ModuleInfo, sid: int, depth: int = 0) -> bool:
        """Whether some ``return`` of function ``sid`` gives a coroutine or another async
        object, directly or through the call of a plain project function that does: the body
        contradicts a return annotation naming a class (caldav's dual-mode ``def
        get_object_by_uid(...) -> "CalendarObjectResource"``, which returns a coroutine when
        the client is async), so the annotation does not say what the call gives."""
        facts = info.scopes[sid].function
        if facts is None or depth > _MAX_IMPORT_HOPS:
            return False
        for expr in facts.returns:
            value = self.eval(expr, info.name, sid)
            if isinstance(value, (CallResult, AsyncGenExpression, AnnotatedStream, StdlibCall,
                                  DeclaredCall)):
                return True
            if not isinstance(expr, CallExpr):
                continue
            callee = self.eval(expr.func, info.name, sid)
            if not isinstance(callee, FunctionRef) or (
                self.func_kind(callee.module, callee.scope) != "sync"
            ):
                continue
            owner = self.module(callee.module)
            if owner is not None and self._returns_async_object(owner, callee.scope, depth + 1):
                return True
        return False

    def is_closure(self, function: FunctionRef) -> bool:
        """A function defined inside a function (``return wrapped``, also handed on by a
        helper that called the function defining it): made anew by each call, so no other
        code rebinds it."""
        owner = self.module(function.module)
        if owner is None:
            return False
        return owner.scopes[owner.scopes[function.scope].parent].kind == "function"

    def _module_function_call(self, info: ModuleInfo, sid: int, expr: Expr) -> bool:
        """``return aiofiles.open(path)``: a call of a module-level function, named directly
        or through modules, whose declared result is passed on.  No object is on the way that
        a caller could replace by a look-alike (unlike ``return emails.send(...)`` on a
        parameter or attribute)."""
        if not isinstance(expr, CallExpr):
            return False
        func = expr.func
        if isinstance(func, AttrExpr):
            if not isinstance(self.eval(func.base, info.name, sid), ModuleRef):
                return False
        elif not isinstance(func, NameExpr):
            return False
        callee = self.eval(func, info.name, sid)
        if not isinstance(callee, FunctionRef):
            return False
        owner = self.module(callee.module)
        return owner is not None and owner.scopes[callee.scope].parent == 0

    def declared_value(
        self, info: ModuleInfo, annotation: Expr, scope: int, owner: int, name: str
    ) -> Value:
        """What ``name`` (a parameter of function ``owner``, or a field of class ``owner``)
        holds by its annotation (evaluated in ``scope``): an instance of the class it names,
        the class or a subclass (``type[Store]``), or a callable declared to return a
        coroutine or an async iterator."""
        found = self.annotated_instance(info, annotation, scope)
        if found is None:
            # ``store_class: type[Store]``: the class or a subclass.
            found = self._declared_class(info, annotation, scope)
        if found is None:
            kind = self._callable_result(info, annotation, scope)
            if kind is not None:
                return DeclaredCallable(kind, info.name, owner, name)
        return found

    def annotated_instance(
        self, info: ModuleInfo, annotation: Expr, scope: int, depth: int = 0
    ) -> Value:
        """An instance of the project class ``annotation`` names (the class or a subclass), of
        a type variable's bound, or of an asyncio class whose coroutine methods are known by
        name (``asyncio.Queue``); for a union (or an alias of one), an instance of the
        classes' nearest common base when each keeps what it has; None for anything else, and
        for a Protocol (implemented anywhere)."""
        if isinstance(annotation, UnionExpr):
            if depth > _MAX_UNION_DEPTH:
                return None
            members: List[Value] = []
            for member in annotation.members:
                held = self.annotated_instance(info, member, scope, depth + 1)
                if not isinstance(held, Instance):
                    return None  # a member not known (``str``, ``Any``): the union says nothing
                members.append(held)
            return join_alternatives(members, self.classes.common_base)
        value = self.eval(annotation, info.name, scope)
        if value is None and isinstance(annotation, NameExpr) and depth <= _MAX_UNION_DEPTH:
            alias = self._value_binding(info, annotation.id, scope)
            if alias is not None and isinstance(alias[1].expr, UnionExpr):
                # ``channel: MessageableChannel``, an alias of a union (maybe imported).
                return self.annotated_instance(alias[0], alias[1].expr, alias[2], depth + 1)
        if isinstance(value, Outside) and value.qualified in kinds.TYPE_VARIABLE_CALLS:
            return self._type_variable_bound(info, annotation, scope)
        if value is None and isinstance(annotation, SubscriptExpr):
            held = self._declared_elements(info, annotation, scope)
            if held is not None:
                return held
            value = self.eval(annotation.value, info.name, scope)  # ``asyncio.Queue[int]``
            if not isinstance(value, Outside):
                return None
        if isinstance(value, Outside) and value.qualified in kinds.STDLIB_ANNOTATED_CLASSES:
            return Outside(f"{value.qualified}()")  # ``queue: asyncio.Queue``: known by name
        if not isinstance(value, ClassRef) or not value.exact:
            return None
        return self.declared_instance(value, self.generics.arguments(info, annotation, scope))

    def _type_variable_bound(self, info: ModuleInfo, annotation: Expr, scope: int) -> Value:
        """An instance of the bound of the type variable ``annotation`` names
        (``_AS = TypeVar("_AS", bound="AsyncSession")``), followed through ``from`` imports;
        None without a bound."""
        if not isinstance(annotation, NameExpr):
            return None
        found = self._value_binding(info, annotation.id, scope)
        if found is None:
            return None
        owner_info, binding, owner, name = found
        if binding.declared is None or isinstance(binding.declared, NameExpr) and (
            binding.declared.id == name
        ):
            return None
        bound = self.annotated_instance(owner_info, binding.declared, owner)
        # A bound naming another type variable is not followed further.
        return bound._replace(bound=True) if isinstance(bound, Instance) else None

    def declared_instance(
        self, value: ClassRef, args: Tuple[Optional[ClassRef], ...] = ()
    ) -> Value:
        """An instance of class ``value`` or of a subclass, as an annotation declares it, with
        the type arguments it gives; None for a Protocol (implemented anywhere)."""
        owner = self.module(value.module)
        if owner is None:
            return None
        if self.classes.is_protocol(owner, value.scope):
            return ProtocolInstance(value.module, value.scope)
        return Instance(value.module, value.scope, exact=False, declared=True, args=args)


def _always_true(value: Value) -> bool:
    """An object no ``or`` looks past: a coroutine, an async generator or a context manager
    object a call made (none defines ``__bool__`` or ``__len__``)."""
    return isinstance(value, (CallResult, AsyncGenExpression)) or (
        isinstance(value, StdlibCall) and value.kind == "coro"
    )


def _as_builtin(value: Value) -> Value:
    """``return notify(x)`` with a plain ``notify`` whose every path gives ``None``: that
    object, as a display or a constant would give it."""
    if isinstance(value, PlainResult) and not value.some_path:
        return BuiltinInstance(value.type_name)
    return value
