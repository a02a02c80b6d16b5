"""The class model: method resolution order, members, descriptors, subclasses.

A class is *opaque* when something the analysis cannot see may change its
members (an unknown decorator or metaclass, class keywords, a base's
``__init_subclass__``); an opaque class, an unknown base or a descriptor makes
the member unknown.
"""

from __future__ import annotations

from typing import Any, Callable, List, NamedTuple, Optional, Set, Tuple, Union

from . import kinds
from .functionkinds import FunctionKinds
from .model import (
    COMPUTED_ATTRIBUTE,
    NONE_LITERAL,
    Binding,
    CallExpr,
    DeclaredBinding,
    DefBinding,
    Expr,
    FromImportBinding,
    IfExpr,
    ImportBinding,
    NameExpr,
    ParamBinding,
    Scope,
    ValueBinding,
    dotted,
    strip_subscript,
)
from .project import ModuleInfo
from .resolver_api import Resolver
from .values import (
    NONE, Builtin, BuiltinInstance, CallResult, ClassRef, FunctionRef, Instance, ModuleRef, Outside,
    PlainResult, ProtocolInstance,
    Value,
)

# A class in the linearisation: (module, class scope), or None for a base outside the project.
MroEntry = Optional[Tuple[str, int]]


class StdlibBase(NamedTuple):
    """A standard-library base whose special methods are known (``collections.abc.Awaitable``,
    ``contextlib.AbstractAsyncContextManager``): enough to tell which statements its
    subclasses support, though not their other members."""

    qualified: str


# The full order: a project class, a known standard-library base, or None (unknown).
OrderEntry = Union[Tuple[str, int], StdlibBase, None]
_CONTAINERS = frozenset({"list", "set", "dict", "tuple", "frozenset"})


class _Absent:
    """No class in the order assigns the instance attribute."""


_ABSENT = _Absent()
# Metaclass methods that build or change classes or their instances.
_CLASS_HOOKS = frozenset({
    "__new__", "__init__", "__call__", "__prepare__", "__getattr__", "__getattribute__",
    "__setattr__", "__init_subclass__",
})
# The signature of a plain method (not a getter) whose call gives nothing known.
_OPAQUE_METHOD = ("function", "sync", None, False)
_IMPLICIT_CLASSMETHODS = frozenset({"__new__", "__init_subclass__", "__class_getitem__"})
# Special methods deciding which protocols an object supports, and the hooks answering for
# missing attributes or descriptors: a derived class adding one changes what its objects do.
_PROTOCOL_NAMES = frozenset({
    "__await__", "__aiter__", "__anext__", "__aenter__", "__aexit__", "__iter__", "__next__",
    "__enter__", "__exit__", "__getitem__", "__call__", "__getattr__", "__getattribute__",
    "__get__", "__class__",
})


def _neutral_metaclass(value: Value) -> bool:
    return value == Builtin("type") or (
        isinstance(value, Outside) and value.qualified in kinds.NEUTRAL_METACLASSES
    )


class ClassModel:
    def __init__(self, resolver: Resolver, functions: FunctionKinds) -> None:
        self.resolver = resolver
        self.functions = functions

    # -- self and cls ----------------------------------------------------------------------
    def self_or_cls(self, info: ModuleInfo, sid: int, name: str) -> Value:
        """What parameter ``name`` of function ``sid`` is when it is ``self`` or ``cls``."""
        scope = info.scopes[sid]
        facts = scope.function
        parent = scope.parent
        if facts is None or facts.first_param != name or parent < 0:
            return None
        if info.scopes[parent].kind != "class":
            return None
        if info.scopes[parent].bindings.get(scope.name) != DefBinding(sid):
            return None  # rebound in the class body (``f = staticmethod(f)``): unknown
        if self.is_metaclass(info, parent):
            return None  # ``cls`` of a metaclass method is some class, with its own members
        is_class = scope.name in _IMPLICIT_CLASSMETHODS
        for decorator in facts.decorators:
            if isinstance(decorator, CallExpr):
                # ``@retry(stop=...)``: a call is not ``staticmethod`` / ``classmethod``;
                # evaluating it (deep in an installed package) could only cut ``self`` short.
                continue
            value = self.resolver.eval(decorator, info.name, parent)
            if value == Builtin("staticmethod"):
                return None
            if value == Builtin("classmethod"):
                is_class = True
        if is_class:
            return ClassRef(info.name, parent, exact=False)
        return Instance(info.name, parent, exact=False)

    def is_protocol(self, info: ModuleInfo, sid: int) -> bool:
        """A ``typing.Protocol`` class (listing ``Protocol`` among its bases): its
        implementations need not derive from it."""
        klass = info.scopes[sid].klass
        if klass is None:
            return True
        for base in klass.bases:
            value = self.resolver.eval(strip_subscript(base), info.name, info.scopes[sid].parent)
            if isinstance(value, Outside) and value.qualified in kinds.PROTOCOL_BASES:
                return True
        return False

    def inert_metaclass(self, value: Value) -> bool:
        """A project metaclass deriving from ``type`` / ``abc.ABCMeta`` that defines none of
        the hooks that build or change classes and instances (``__new__``, ``__init__``,
        ``__call__``, ``__prepare__``, attribute hooks): asyncpg's ``ConnectionMeta`` only adds
        ``__instancecheck__``."""
        if not isinstance(value, ClassRef) or not value.exact:
            return False
        info = self.resolver.module(value.module)
        if info is None:
            return False
        order = self.mro(info, value.scope)
        if None not in order:
            return False  # not a metaclass: ``type`` is an unknown base in the order
        klass = info.scopes[value.scope].klass
        if klass is None or klass.metaclass is not None or klass.decorators:
            return False
        for base in klass.bases:
            base_value = self.resolver.eval(
                strip_subscript(base), info.name, info.scopes[value.scope].parent
            )
            if not _neutral_metaclass(base_value) and not (
                isinstance(base_value, ClassRef) and self.resolver.guarded(
                    info, ("inert", base_value), self.inert_metaclass, base_value
                )
            ):
                return False
        return not _CLASS_HOOKS & set(info.scopes[value.scope].bindings)

    def builds_plain_instances(self, value: Value) -> bool:
        """A metaclass (``type``, ``abc.ABCMeta``, or a readable one deriving from them) that
        does not define ``__call__``: calling a class made by it creates the instance and
        runs its ``__init__`` as usual, whatever its ``__new__`` does to the class's methods
        (discord.py's ``CogMeta``)."""
        if _neutral_metaclass(value):
            return True
        if not isinstance(value, ClassRef) or not value.exact:
            return False
        info = self.resolver.module(value.module)
        if info is None:
            return False
        scope = info.scopes[value.scope]
        klass = scope.klass
        if klass is None or klass.metaclass is not None or klass.decorators or not klass.bases:
            return False
        if "__call__" in scope.bindings:
            return False
        for base in klass.bases:
            base_value = self.resolver.eval(strip_subscript(base), info.name, scope.parent)
            if not self.resolver.guarded(
                info, ("plain instances", base_value), self.builds_plain_instances, base_value
            ):
                return False
        return True

    def is_metaclass(self, info: ModuleInfo, sid: int) -> bool:
        klass = info.scopes[sid].klass
        if klass is None:
            return False
        for base in klass.bases:
            value = self.resolver.eval(strip_subscript(base), info.name, info.scopes[sid].parent)
            if _neutral_metaclass(value):
                return True
            if isinstance(value, ClassRef):
                base_info = self.resolver.module(value.module)
                if base_info is not None and self.resolver.guarded(
                    base_info, ("meta", value.scope), self.is_metaclass, base_info, value.scope
                ):
                    return True
        return False

    # -- members ---------------------------------------------------------------------------
    def member(self, value: Union[ClassRef, Instance], name: str) -> Value:
        """``value.name`` for a project class or instance."""
        info = self.resolver.module(value.module)
        if info is None or name in self.resolver.patched:
            return None  # written from outside the class somewhere: unknown
        if name in info.patched and self.resolver.strict and self.resolver.guarded(
            info, ("patched", value, name), self._patched_on, info, value, name
        ) is not False:
            return None
        found = self.resolver.guarded(
            info, ("member", value, name), self._member_value, info, value, name
        )
        if isinstance(found, FunctionRef) and self.functions.is_property(found):
            # ``obj.name`` calls the getter; on the class it is the property object itself.
            return self.resolver.call(found) if isinstance(value, Instance) else None
        return found

    def _patched_on(self, info: ModuleInfo, value: Union[ClassRef, Instance], name: str) -> bool:
        """Whether some ``obj.name = ...`` of the class's module may write on ``value``: any
        write whose object is not known to be of an unrelated class, a module or a builtin."""
        sites = info.summary.patch_sites.get(name)
        if not sites:
            return True
        # An installed library setting a data attribute ``stream`` on its objects (httpx's
        # ``response.stream = ...``) does not replace a method ``stream`` of its classes: in
        # a library, a write on an unknown object leaves the library's own methods alone.
        method = self.resolver.is_installed(info.name) and isinstance(
            self.lookup(info, value.scope, name, isinstance(value, Instance)), FunctionRef
        )
        for expr, scope in sites:
            target = self.resolver.eval(expr, info.name, scope)
            if target is None and method:
                continue
            if not self._unrelated(target, value):
                return True
        return False

    def _unrelated(self, target: Value, value: Union[ClassRef, Instance]) -> bool:
        if isinstance(target, (ModuleRef, BuiltinInstance)):
            return True
        if not isinstance(target, (ClassRef, Instance)) or isinstance(target, ClassRef) != (
            isinstance(value, ClassRef)
        ):
            return False
        first = self.resolver.module(target.module)
        second = self.resolver.module(value.module)
        if first is None or second is None:
            return False
        order = self.mro(first, target.scope)
        other = self.mro(second, value.scope)
        if None in order or None in other:
            return False
        return (value.module, value.scope) not in order and (
            (target.module, target.scope) not in other
        )

    def _member_value(
        self, info: ModuleInfo, value: Union[ClassRef, Instance], name: str
    ) -> Value:
        sid = value.scope
        instance = isinstance(value, Instance)
        result = self.lookup(info, sid, name, instance)
        if result is None or value.exact:
            return result
        declared = isinstance(value, Instance) and value.declared
        if isinstance(result, FunctionRef) and self.functions.is_placeholder(result):
            # A stub meant to be overridden, possibly in another module: what ``self.m()``
            # gives depends on the instance.  (Following its overrides through the source
            # index cost a quarter of the plugin's time on real code for one rare shape.)
            # Through an annotation, an ``async def`` stub declares a coroutine: a caller
            # iterating it is wrong whatever the implementations do; so is a ``classmethod``
            # stub called through a class known only as "this class or a subclass"
            # (``store_class: type[Store]``, ``cls``).
            kind = self._declared_kind(result)
            if not (declared or isinstance(value, ClassRef)) or kind is None:
                return None
            # Every implementation in the project must be of that kind too (a plain ``def``
            # override may return anything, and calling it without ``await`` is fine).
            if not self.resolver.strict:
                return result
            overrides = self.overrides(value.module, sid, name)
            if overrides is None or any(
                self.resolver.func_kind(o.module, o.scope) != kind for o in overrides
            ):
                return None
            return result
        # ``self.m`` / ``cls.m``: a subclass in this module may override ``m`` differently.
        # An installed class known from an annotation (``redis: Redis``) is judged as declared,
        # as a type checker does: the library's own subclasses (redis' ``Pipeline(Redis)``,
        # whose commands queue instead of running) are not what the annotation promises; the
        # project's subclasses still are (below).
        signature = self.signature(result)
        library_declared = declared and self.resolver.is_installed(value.module)
        subclasses = [] if library_declared else self.subclasses(info, sid)
        if subclasses is None:
            return None
        for sub in subclasses:
            other = self.lookup(info, sub, name, instance)
            if other is None or self.signature(other) != signature:
                return None
        if declared and signature != _OPAQUE_METHOD and self.resolver.strict:
            # Known only from an annotation: a subclass in any module may be passed.  (A
            # plain method whose result is unknown makes no rule fire whatever overrides it:
            # the search, which reads candidate modules, is skipped.)
            overrides = self.overrides(value.module, sid, name)
            if overrides is None or any(self.signature(o) != signature for o in overrides):
                return None
        return result

    def common_base(self, first: Instance, second: Instance) -> Value:
        """Objects of two classes, one deriving from the other (``AzureClient()`` or
        ``Client()``, built by one factory): an object of the base class or of a subclass, as
        an annotation would declare it.  Only when the derived class and the classes between
        are all known and keep what the base has: every name they define, or store on
        instances, that the base also has gives the same kind of thing, and they add no
        protocol method the base lacks (judged as the base, ``async for`` over it would be
        reported although the derived object supports it).  Two sibling classes: see
        :meth:`_common_ancestor`.  None otherwise."""
        if not (first.exact or first.declared) or not (second.exact or second.declared):
            return None
        for derived, base in ((first, second), (second, first)):
            info = self.resolver.module(derived.module)
            if info is None:
                continue
            order = self.mro(info, derived.scope)
            if (base.module, base.scope) in order:
                return self._kept_as(info, derived.scope, order, base)
        return self._common_ancestor(first, second)

    def _common_ancestor(self, first: Instance, second: Instance) -> Value:
        """Objects of two sibling classes (``Union[TextChannel, DMChannel]``, discord.py's
        ``MessageableChannel``): an object of their nearest common base or of a subclass,
        when each keeps what that base has (as :meth:`common_base` asks of a derived class).
        Not ``object`` nor a base outside what is read: then unknown."""
        first_info = self.resolver.module(first.module)
        second_info = self.resolver.module(second.module)
        if first_info is None or second_info is None:
            return None
        first_order = self.mro(first_info, first.scope)
        second_order = self.mro(second_info, second.scope)
        shared = next((entry for entry in first_order[1:] if entry in second_order), None)
        if shared is None:
            return None  # a base not read (``None``) or none in common
        base = Instance(shared[0], shared[1], exact=False, declared=True)
        if self._kept_as(first_info, first.scope, first_order, base) is None:
            return None
        return self._kept_as(second_info, second.scope, second_order, base)

    def _kept_as(
        self, info: ModuleInfo, sid: int, order: List[MroEntry], base: Instance
    ) -> Optional[Instance]:
        """``base`` (declared) when class ``sid``, whose method resolution order ``order``
        holds ``base``, keeps what the base has (see :meth:`_keeps_base`); None otherwise."""
        target = (base.module, base.scope)
        found = self.resolver.guarded(
            info, ("base", sid, target), self._keeps_base,
            info, sid, order[: order.index(target)], base,
        )
        return found if found else None

    def _keeps_base(
        self, info: ModuleInfo, sid: int, prefix: List[MroEntry], base: Instance
    ) -> Optional[Instance]:
        base_info = self.resolver.module(base.module)
        if base_info is None or None in prefix:
            return None
        names: Set[str] = set()
        for entry in prefix:
            assert entry is not None
            owner = self.resolver.module(entry[0])
            if owner is None:
                return None
            scope = owner.scopes[entry[1]]
            names.update(scope.bindings)
            if scope.klass is not None:
                names.update(scope.klass.instance_attrs)
        for name in names:
            theirs = self.lookup(base_info, base.scope, name, True)
            if theirs is None and name not in _PROTOCOL_NAMES:
                continue  # judged as the base, ``obj.name`` stays unknown
            ours = self.lookup(info, sid, name, True)
            if ours is None or theirs is None:
                return None
            mine, other = self.signature(ours), self.signature(theirs)
            if mine != other and not _gives_own_class(mine, other, prefix, base) and (
                not self._covariant(mine, other)
            ):
                return None
        return Instance(base.module, base.scope, exact=False, declared=True)

    def _covariant(self, mine: Any, other: Any) -> bool:
        """Two methods of one kind, the base's declared to give an object of a class (or a
        subclass: ``-> _base_channel.UnaryUnaryMultiCallable``) and the derived one giving an
        object of a subclass of it (grpc's ``Channel.unary_unary``): the derived one keeps
        what the base promises."""
        objects = _result_objects(mine, other)
        if objects is None:
            return False
        ours, theirs = objects
        if not (theirs.declared or theirs.exact):
            return False
        info = self.resolver.module(ours.module)
        if info is None:
            return False
        order = self.mro(info, ours.scope)
        target = (theirs.module, theirs.scope)
        if target not in order:
            return False
        # The base's method builds an object of exactly its class: the derived one's object
        # stands for it when it keeps what that class has.
        return theirs.declared or self._kept_as(
            info, ours.scope, order, Instance(theirs.module, theirs.scope, False, True)
        ) is not None

    def _declared_kind(self, function: FunctionRef) -> Optional[str]:
        """What a stub or abstract method declares its implementations give: a coroutine
        (:meth:`declares_coroutine`), or an async generator for an ``async def`` with
        ``yield`` in its body (aiogram's abstract ``stream_content``: an override without
        ``yield`` would not be one, as a type checker says); None when undecided."""
        if self.declares_coroutine(function):
            return "coro"
        if self.resolver.func_kind(function.module, function.scope) == "agen" and (
            not self.functions.is_property(function)
        ):
            return "agen"
        return None

    def declares_coroutine(self, function: FunctionRef) -> bool:
        """An ``async def`` stub whose annotation does not name an async iterator (that
        would be AGN103's ambiguity): its implementations must be coroutines."""
        if self.resolver.func_kind(function.module, function.scope) != "coro":
            return False
        if self.functions.is_property(function):
            return False
        info = self.resolver.module(function.module)
        facts = info.scopes[function.scope].function if info is not None else None
        if facts is None:
            return False
        if facts.annotation is None:
            return True
        written = dotted(strip_subscript(facts.annotation))
        if written is None:
            return False  # a string or other form: undecided
        return written.rsplit(".", 1)[-1] not in kinds.ASYNC_ITERATOR_NAMES

    def signature(self, value: Value) -> Any:
        """What matters of a method for the rules: what calling it gives."""
        if isinstance(value, FunctionRef):
            # A getter and a method giving the same thing still differ: ``obj.name`` calls
            # one and gives the other.
            getter = self.functions.is_property(value)
            result = self.resolver.call(value)
            if isinstance(result, CallResult):
                return ("result", result.kind, getter)
            if isinstance(result, PlainResult):
                # A builtin object: the same for every rule, whoever returns it, but not the
                # same as a result not known (an override returning a task).
                return ("function", "sync", ("plain", result.type_name, result.some_path), getter)
            return ("function", self.resolver.func_kind(value.module, value.scope), result, getter)
        return value

    def protocol_coroutine(self, value: ProtocolInstance, name: str) -> Value:
        """``sink.flush`` with ``sink: Flushable``, a Protocol declaring ``async def flush(self)
        -> int``: that declaration (what calling any conforming implementation gives); None
        for any other member, which an implementation may have in any form."""
        info = self.resolver.module(value.module)
        if info is None or name.startswith("__"):
            return None
        found = self.lookup(info, value.scope, name, False)
        if not isinstance(found, FunctionRef) or not self.declares_coroutine(found):
            return None
        owner = self.resolver.module(found.module)
        facts = owner.scopes[found.scope].function if owner is not None else None
        if facts is None or facts.annotation is None:
            # ``async def rows(self): ...`` unannotated: often written for implementations
            # that are async generators; only a declared result makes it a coroutine.
            return None
        return found

    def is_getter(self, value: Instance, name: str) -> bool:
        """Whether ``name`` is, in the instance's class order, first a property getter (what
        the instance stores on itself aside: a cheap first look, the full member resolution
        decides)."""
        info = self.resolver.module(value.module)
        if info is None:
            return False
        for entry in self.mro(info, value.scope):
            if entry is None:
                return False
            owner = self.resolver.module(entry[0])
            if owner is None:
                return False
            binding = owner.scopes[entry[1]].bindings.get(name)
            if binding is not None:
                return isinstance(binding, DefBinding) and self.functions.is_property(
                    FunctionRef(entry[0], binding.scope)
                )
        return False

    def lookup(self, info: ModuleInfo, sid: int, name: str, instance: bool) -> Value:
        """``name`` looked up on the class (or an instance of it) in method resolution order."""
        order = self.mro(info, sid)
        if instance:
            # An unknown class decorator may wrap the class's methods, but what ``__init__``
            # stores on ``self`` is still what it stores.
            attribute_order = order if order != [None] else self.mro(info, sid, decorators=False)
            found = self._instance_attribute(info, attribute_order, name)
            if not isinstance(found, _Absent):
                return found
            if self._instance_may_hold(attribute_order, name):
                return None
        for entry in order:
            if entry is None:
                return None  # a base outside the project may define it
            owner_info = self.resolver.module(entry[0])
            if owner_info is None:
                return None
            binding = owner_info.scopes[entry[1]].bindings.get(name)
            if binding is not None:
                if isinstance(binding, DefBinding):
                    return FunctionRef(entry[0], binding.scope)
                if isinstance(binding, DeclaredBinding):
                    # A field declaration: on an instance, a value of the declared type.
                    if not instance or binding.declared is None:
                        return None
                    return self.resolver.declared_value(
                        owner_info, binding.declared, entry[1], entry[1], name
                    )
                found = self.resolver.binding(owner_info, entry[1], binding)
                if isinstance(found, Instance) and self.is_descriptor(found):
                    return None  # ``__get__`` decides what the attribute gives
                return found
        return None

    def _instance_may_hold(self, order: List[MroEntry], name: str) -> bool:
        """Whether an instance may hold ``name`` itself although no method assigns it: its
        class writes attributes by computed names (``setattr(self, key, ...)``), defines
        ``__getattribute__``, or declares ``name`` as a field (a dataclass's ``__init__``
        stores it) beside a method of that name."""
        declared = method = computed = False
        for entry in order:
            if entry is None:
                break
            owner = self.resolver.module(entry[0])
            if owner is None:
                return True
            scope = owner.scopes[entry[1]]
            if scope.klass is not None and COMPUTED_ATTRIBUTE in scope.klass.instance_attrs and (
                not _is_model_base(owner, entry[1])  # it stores the declared fields
            ):
                computed = True
            if "__getattribute__" in scope.bindings:
                return True
            binding = scope.bindings.get(name)
            declared = declared or isinstance(binding, DeclaredBinding)
            method = method or isinstance(binding, DefBinding) or _aliases_method(scope, binding)
        # ``setattr(self, key, value)`` stores data (options, fields); a method of the class
        # keeps its name (redis's ``load_external_module`` adds commands under new names), and
        # so does a name the class declares (``chat: "Chat"``, which mistralai's client makes
        # in ``__getattr__`` and stores by ``setattr(self, name, ...)``): the declaration says
        # what it holds, as a type checker reads it.
        return (computed and not method and not declared) or (declared and method)

    def _instance_attribute(
        self, info: ModuleInfo, order: List[MroEntry], name: str
    ) -> Union[Value, _Absent]:
        """What ``self.name = ...`` in a method of a class in ``order`` stores; ``_ABSENT``
        when no class there assigns it."""
        for entry in order:
            if entry is None:
                return _ABSENT
            owner_info = self.resolver.module(entry[0])
            if owner_info is None:
                return None
            klass = owner_info.scopes[entry[1]].klass
            binding = klass.instance_attrs.get(name) if klass is not None else None
            if binding is None:
                continue
            declared: Optional[Tuple[ModuleInfo, int, DeclaredBinding]] = None
            for other in order:
                if other is None:
                    continue
                other_info = self.resolver.module(other[0]) or info
                default = other_info.scopes[other[1]].bindings.get(name)
                if isinstance(default, DeclaredBinding):
                    if declared is None and default.declared is not None:
                        declared = (other_info, other[1], default)
                elif default is not None and not _is_none_default(default):
                    return None  # a class default too: which holds depends on the path
            value = self.resolver.binding(owner_info, entry[1], binding)
            if value is None:
                value = self._injected_default(owner_info, entry[1], binding)
            if (value is None or value == NONE) and declared is not None:
                # ``client: Client`` in the class body, ``self.client = registry.get()``.
                holder, scope, field = declared
                assert field.declared is not None
                return self.resolver.declared_value(holder, field.declared, scope, scope, name)
            return value
        return _ABSENT

    def _injected_default(self, info: ModuleInfo, owner: int, binding: Binding) -> Value:
        """``self.retriever = retriever or KeywordRetriever()`` where what the caller passes
        is not known: the fallback instance, which the attribute holds whenever the caller
        passes nothing (the ``or`` is written because that happens).  A use that fails for
        it fails on that path.  Only for what a method stores on the instance: a name bound
        so in a function may be used under a test of the left operand, which the
        straight-line values judge.  Not when the class is decorated (dependency-injection
        decorators such as ``@injectable`` supply constructor arguments), nor when every
        call of the module passes the argument (the fallback is not what it uses)."""
        if not isinstance(binding, ValueBinding) or not isinstance(binding.expr, IfExpr):
            return None
        expr = binding.expr
        if not expr.or_ or isinstance(expr.orelse, IfExpr):
            return None
        klass = info.scopes[owner].klass
        if klass is None or klass.decorators:
            return None
        scope = owner if binding.scope is None else binding.scope
        if isinstance(expr.body, NameExpr):
            param = info.scopes[scope].bindings.get(expr.body.id)
            if isinstance(param, ParamBinding) and param.passed and all(
                passed != NONE_LITERAL for passed, _ in param.passed
            ):
                return None
        fallback = self.resolver.eval(expr.orelse, info.name, scope)
        return fallback if isinstance(fallback, Instance) and fallback.exact else None

    def is_descriptor(self, value: Instance) -> bool:
        """Whether an object of this class in a class body decides what reading the attribute
        gives: ``__get__``, or a data descriptor's ``__set__`` / ``__delete__`` (without
        ``__get__``, a read gives what ``__set__`` stored in the instance: networkx's
        ``_CachedPropertyResetterAdjAndSucc``)."""
        info = self.resolver.module(value.module)
        if info is None:
            return True
        for entry in self.mro(info, value.scope):
            if entry is None:
                return True
            owner = self.resolver.module(entry[0])
            if owner is None:
                return True
            bindings = owner.scopes[entry[1]].bindings
            if "__get__" in bindings or "__set__" in bindings or "__delete__" in bindings:
                return True
        return False

    def builtin_container(self, info: ModuleInfo, sid: int) -> Optional[str]:
        """``list`` (``set``, ...) when the class derives from that builtin container alone,
        through project classes that define no ``__init__`` or ``__new__``, so that calling it
        with one argument iterates that argument as the container does."""
        seen = 0
        while seen < 20:
            seen += 1
            scope = info.scopes[sid]
            klass = scope.klass
            if klass is None or len(klass.bases) != 1 or self.is_opaque(info, sid):
                return None
            if any(name in scope.bindings for name in ("__init__", "__new__", "__iter__")):
                return None
            base = self.resolver.eval(strip_subscript(klass.bases[0]), info.name, scope.parent)
            if isinstance(base, Builtin):
                return base.name if base.name in _CONTAINERS else None
            if not isinstance(base, ClassRef) or not base.exact:
                return None
            found = self.resolver.module(base.module)
            if found is None:
                return None
            info, sid = found, base.scope
        return None

    def hook_result(self, value: Instance, name: str) -> Value:
        """``value.name`` answered by the class's ``__getattr__`` because nothing else in its
        (fully known) order has ``name``: what ``__getattr__``'s return annotation names
        (pymongo's ``client.shop`` is an ``AsyncDatabase``). None otherwise."""
        info = self.resolver.module(value.module)
        if info is None or name.startswith("_") or (not value.exact and not value.declared):
            return None
        hook = self.lookup(info, value.scope, "__getattr__", False)
        if not isinstance(hook, FunctionRef) or self.has_attribute(
            info, value.scope, name, hooks=False, everywhere=True
        ) is not False:
            return None
        if value.declared and not self.every_subclass(
            value.module, value.scope,
            lambda sub_info, sid: self.has_attribute(
                sub_info, sid, name, hooks=False, everywhere=True
            ) is False and self.lookup(sub_info, sid, "__getattr__", False) == hook,
        ):
            return None
        return self.declared_result(hook)

    def declared_result(self, function: FunctionRef) -> Value:
        """An instance of the class a plain method's return annotation names."""
        owner = self.resolver.module(function.module)
        facts = owner.scopes[function.scope].function if owner is not None else None
        if owner is None or facts is None or facts.is_async or facts.decorators:
            return None
        if facts.result_type is None:
            return None
        return self.resolver.annotated_instance(
            owner, facts.result_type, owner.scopes[function.scope].parent
        )

    def has_attribute(
        self, info: ModuleInfo, sid: int, name: str, hooks: bool = True, everywhere: bool = False
    ) -> Optional[bool]:
        """Whether an instance of the class has public attribute ``name``: a member of a class
        in its order, something a method stores on ``self``, or a member of a known
        standard-library base. None when that cannot be known: an unknown base or an opaque
        class, ``__getattr__`` (unless ``hooks=False``: what the order itself has) or
        ``__getattribute__``, attributes stored by computed names,
        ``__class__`` reassigned, or ``name`` written on some object in the module being
        checked or in the module of a class of the order, or (``everywhere``: for a name
        ``__getattr__`` would otherwise answer) on some object other than ``self`` anywhere
        in the project."""
        patched = self.resolver.patched
        if name in patched or COMPUTED_ATTRIBUTE in patched or name.startswith("_"):
            return None
        if everywhere:
            # Written on some object anywhere in the project (``client.reports = ...`` in a
            # setup module): read (a textual index of every file) only when judging strictly.
            written = self.resolver.attributes_written() if self.resolver.strict else frozenset()
            if written is None or name in written:
                return None
        order = self.full_order(info, sid)
        if None in order:
            return None
        found = False
        for entry in order:
            if isinstance(entry, StdlibBase):
                found = found or name in kinds.STDLIB_BASE_MEMBERS[entry.qualified]
                continue
            assert entry is not None
            owner = self.resolver.module(entry[0])
            if owner is None or name in owner.patched or COMPUTED_ATTRIBUTE in owner.patched:
                return None
            scope = owner.scopes[entry[1]]
            klass = scope.klass
            if klass is None:
                return None
            attrs = klass.instance_attrs
            if "__class__" in attrs or COMPUTED_ATTRIBUTE in attrs:
                return None
            if "__getattribute__" in scope.bindings or (hooks and "__getattr__" in scope.bindings):
                return None
            found = found or name in scope.bindings or name in attrs
        return found

    def defines(self, info: ModuleInfo, sid: int, name: str) -> Optional[bool]:
        """Whether the class (a base included) supports special method ``name``; None when
        that cannot be known: an unknown base, an opaque class, the method (or any computed
        name) written from outside a class body anywhere in the project, ``__class__``
        reassigned.  A ``__getattr__`` / ``__getattribute__`` hook does not answer: Python
        looks special methods up on the type, past both (pydantic's models have
        ``__getattr__``; ``await model`` still raises TypeError).  A method whose body is one
        ``raise`` refuses the protocol: not supported."""
        linted = self.resolver.module(self.resolver.linted) if self.resolver.linted else None
        if linted is not None and not self._class_writes_unrelated(linted, info, sid, name):
            return None
        # Writes anywhere in the project: read (a textual index of every file) only when
        # judging strictly; a draft assumes none.
        written = self.resolver.dunders_written() if self.resolver.strict else frozenset()
        if written is None:
            return None
        order = self.full_order(info, sid)
        for entry in order:
            if isinstance(entry, StdlibBase):
                continue
            if entry is None:
                return None
            owner = self.resolver.module(entry[0])
            if owner is None:
                return None
            if not self._class_writes_unrelated(owner, info, sid, name):
                return None
            scope = owner.scopes[entry[1]]
            if (scope.name, name) in written:
                return None  # ``Reply.__await__ = ...`` somewhere in the project
            klass = scope.klass
            if klass is not None and "__class__" in klass.instance_attrs:
                return None
        for entry in order:
            if isinstance(entry, StdlibBase):
                if name in kinds.STDLIB_BASE_MEMBERS[entry.qualified]:
                    return True
                continue
            assert entry is not None
            owner = self.resolver.module(entry[0])
            assert owner is not None
            binding = owner.scopes[entry[1]].bindings.get(name)
            if binding is None:
                continue
            if isinstance(binding, DefBinding):
                facts = owner.scopes[binding.scope].function
                # ``raise TypeError("use async with")`` refuses the protocol; ``raise
                # NotImplementedError`` is a stub that subclasses implement. An ``__exit__``
                # that raises still lets the block run: the manager is entered, then fails.
                if name in ("__exit__", "__aexit__"):
                    return True
                return not (facts is not None and facts.always_raises and not facts.is_stub)
            return True
        return False

    def _class_writes_unrelated(
        self, writer: ModuleInfo, info: ModuleInfo, sid: int, name: str
    ) -> bool:
        """Whether no write of ``writer`` (``X.name = ...``, ``setattr(X, name or computed,
        ...)``, ``obj.__class__ = ...``) can give class ``sid`` special method ``name``: a
        special method is looked up on the type, so writes on instances, modules and builtins
        do not count; a write on an unknown object, or on a related class, does."""
        for written in (name, COMPUTED_ATTRIBUTE, "__class__"):
            if written not in writer.patched:
                continue
            sites = writer.summary.patch_sites.get(written)
            if not sites:
                return False
            for expr, scope in sites:
                target = self.resolver.eval(expr, writer.name, scope)
                if written == "__class__":
                    if not self._unrelated(target, Instance(info.name, sid)):
                        return False
                elif isinstance(target, (Instance, ModuleRef, BuiltinInstance)):
                    continue
                elif not self._unrelated(target, ClassRef(info.name, sid)):
                    return False
        return True

    def every_subclass(
        self, module: str, sid: int, test: Callable[[ModuleInfo, int], bool],
        project_only: bool = False,
    ) -> bool:
        """Whether ``test`` holds for every class deriving from class ``sid`` of ``module``
        (in the project, and in the class's own installed package): what ``self`` or an
        annotated instance may really be an instance of. False when they cannot all be
        listed or read.  ``project_only``: not the installed package's own subclasses (an
        annotation in a library promises its class, as a type checker reads it: openai's
        ``-> ChatCompletion`` is not its ``ParsedChatCompletion``)."""
        subclasses = self.subclasses_anywhere(module, sid)
        if subclasses is None:
            return False
        for candidate, other in subclasses:
            if project_only and self.resolver.is_installed(candidate):
                continue
            info = self.resolver.module(candidate)
            if info is None or not test(info, other):
                return False
        return True

    def subclasses_anywhere(self, module: str, sid: int) -> Optional[List[Tuple[str, int]]]:
        """Every class deriving from class ``sid`` of ``module`` in the project (and in its own
        installed package); None when that cannot be decided (an opaque candidate, a project
        too large to index).  A draft assumes none."""
        if not self.resolver.strict:
            return []
        owner = self.resolver.module(module)
        if owner is None:
            return None
        registered = self.resolver.registered_classes()
        if registered is None or owner.scopes[sid].name in registered:
            return None  # ``Resource.register(Lock)``: subclasses the index cannot list
        candidates = self.resolver.subclass_modules(module, owner.scopes[sid].name)
        if candidates is None:
            return None
        found: List[Tuple[str, int]] = []
        for candidate in candidates:
            info = self.resolver.module(candidate)
            if info is None:
                return None
            for other, scope in enumerate(info.scopes):
                if scope.kind != "class" or (candidate, other) == (module, sid):
                    continue
                derives = self.may_derive(info, other, (module, sid))
                if derives is None:
                    return None  # may derive from it
                if derives:
                    found.append((candidate, other))
        return found

    def may_derive(self, info: ModuleInfo, sid: int, target: Tuple[str, int]) -> Optional[bool]:
        """Whether class ``sid`` derives from ``target``; None when that cannot be told. A
        class whose order is unknown (an opaque decorator, a pydantic base) is judged by its
        bases: it derives from ``target`` only through a base that does or may."""
        order = self.mro(info, sid)
        if order != [None]:
            return target in order
        klass = info.scopes[sid].klass
        if klass is None:
            return None
        parent = info.scopes[sid].parent
        answer: Optional[bool] = False
        target_info = self.resolver.module(target[0])
        names = self.resolver.subclass_names(
            target[0], target_info.scopes[target[1]].name
        ) if target_info is not None else None
        for base in klass.bases:
            stripped = strip_subscript(base)
            value = self.resolver.eval(stripped, info.name, parent)
            if isinstance(value, (Outside, Builtin)):
                continue  # the standard library and builtins derive from no package class
            if not isinstance(value, ClassRef) or not value.exact:
                written = dotted(stripped)
                if names is not None and written is not None and (
                    written.rsplit(".", 1)[-1] not in names
                ):
                    continue  # its name is none that a subclass of ``target`` goes by
                return None
            if (value.module, value.scope) == target:
                return True
            base_info = self.resolver.module(value.module)
            if base_info is None:
                return None
            derived = self.resolver.guarded(
                base_info, ("derives", value.scope, target), self.may_derive,
                base_info, value.scope, target,
            )
            if derived is None:
                answer = None
            elif derived:
                return True
        return answer

    def has_own_new(self, info: ModuleInfo, sid: int) -> bool:
        """Whether some class in the order defines ``__new__`` (a call may give anything)."""
        return self.lookup(info, sid, "__new__", False) is not None

    # -- order -----------------------------------------------------------------------------
    def mro(self, info: ModuleInfo, sid: int, decorators: bool = True) -> List[MroEntry]:
        """Classes searched for an attribute, in order; ``None`` marks an unknown base.

        ``decorators=False``: as if the class's own decorators left it alone (what its
        ``__init__`` stores on instances does not depend on them).
        """
        found = self.resolver.guarded(
            info, ("mro", sid, decorators), self._mro, info, sid, decorators
        )
        return found if found is not None else [None]

    def _mro(self, info: ModuleInfo, sid: int, decorators: bool) -> List[MroEntry]:
        return [
            entry if isinstance(entry, tuple) and not isinstance(entry, StdlibBase) else None
            for entry in self.full_order(info, sid, decorators)
        ]

    def full_order(self, info: ModuleInfo, sid: int, decorators: bool = True) -> List[OrderEntry]:
        """:meth:`mro` with the standard-library bases whose special methods are known kept
        apart from the unknown ones."""
        found = self.resolver.guarded(
            info, ("order", sid, decorators), self._full_order, info, sid, decorators
        )
        return found if found is not None else [None]

    def _full_order(self, info: ModuleInfo, sid: int, decorators: bool) -> List[OrderEntry]:
        """Python's C3 linearisation; a base outside the project is an unknown entry unless
        it is a standard-library base whose special methods are known."""
        scope = info.scopes[sid]
        klass = scope.klass
        if klass is None or self.is_opaque(info, sid, decorators):
            return [None]
        # Unknown bases are distinct placeholders, so C3 keeps each where it belongs.
        Entry = Tuple[Any, ...]
        sequences: List[List[Entry]] = []
        for index, base in enumerate(klass.bases):
            value = self.resolver.eval(strip_subscript(base), info.name, scope.parent)
            unknown: Entry = ("?", info.name, sid, index)
            if isinstance(value, ClassRef) and value.exact:
                base_info = self.resolver.module(value.module)
                if base_info is None:
                    sequences.append([unknown])
                    continue
                base_order = self.full_order(base_info, value.scope, decorators)
                sequences.append(
                    [e if e is not None else ("?", value.module, value.scope, i)
                     for i, e in enumerate(base_order)]
                )
            elif value == Builtin("object") or (
                isinstance(value, Outside) and value.qualified in kinds.NEUTRAL_BASES
            ):
                continue
            elif isinstance(value, Outside) and (
                value.qualified in kinds.STDLIB_BASE_MEMBERS
            ):
                sequences.append([StdlibBase(value.qualified)])
            else:
                sequences.append([unknown])
        sequences.append([seq[0] for seq in sequences])
        order: List[Entry] = [(info.name, sid)]
        while any(sequences):
            sequences = [seq for seq in sequences if seq]
            for seq in sequences:
                head = seq[0]
                if not any(head in other[1:] for other in sequences):
                    break
            else:
                return [None]  # no consistent order: Python would refuse the class
            order.append(head)
            sequences = [seq[1:] if seq[0] == head else seq for seq in sequences]
        return [
            entry if isinstance(entry, StdlibBase)
            else None if entry[0] == "?" else (entry[0], entry[1])
            for entry in order
        ]

    def is_opaque(self, info: ModuleInfo, sid: int, decorators: bool = True) -> bool:
        """A class whose decorators, metaclass or class keywords may change its members.

        ``decorators=False``: as far as what ``__init__`` stores on instances goes, which its
        own and its bases' decorators, metaclasses without ``__call__`` and
        ``__init_subclass__`` hooks leave alone (they act on the class)."""
        scope = info.scopes[sid]
        klass = scope.klass
        if _is_model_base(info, sid):
            return False
        if klass is None or klass.has_class_keywords:
            return True
        parent = scope.parent
        evaluate = self.resolver.eval
        if klass.metaclass is not None:
            metaclass = evaluate(klass.metaclass, info.name, parent)
            if not _neutral_metaclass(metaclass) and not self.inert_metaclass(metaclass) and (
                decorators or not self.builds_plain_instances(metaclass)
            ):
                return True
        for decorator in klass.decorators if decorators else ():
            target = decorator.func if isinstance(decorator, CallExpr) else decorator
            value = evaluate(target, info.name, parent)
            neutral = self._neutral_decorator(info, target, value) or (
                # ``attrs_default = attr.s(slots=True, ...)`` (maybe imported), then
                # ``@attrs_default``: the configured decorator of a neutral one.
                isinstance(decorator, NameExpr) and self._neutral_alias(info, decorator, parent)
            )
            # Annotated to give back what it decorates (``def d(cls: T) -> T``, or a factory
            # ``-> Callable[[T], T]`` used as ``@d(...)``: sqlalchemy's
            # ``create_proxy_methods``): the class keeps its members, as a type checker says.
            keeps = self.functions.keeps_decorated(decorator, value, shared=False)
            if not neutral and not keeps and not self.functions.user_transparent(
                decorator, value
            ):
                return True
        # A project base's metaclass or ``__init_subclass__`` acts on this class too.
        for base in klass.bases:
            value = evaluate(strip_subscript(base), info.name, parent)
            if isinstance(value, ClassRef):
                base_info = self.resolver.module(value.module)
                if base_info is None:
                    continue
                if _is_model_base(base_info, value.scope):
                    continue
                if decorators and not _inert_hook(base_info, value.scope, "__init_subclass__"):
                    return True
                opaque = self.resolver.guarded(
                    base_info, ("opaque", value.scope, decorators), self.is_opaque, base_info,
                    value.scope, decorators,
                )
                if opaque is not False:
                    return True
        return False

    def _neutral_decorator(self, info: ModuleInfo, target: Expr, value: Value) -> bool:
        """Whether class decorator ``target`` (evaluating to ``value`` in module ``info``) is
        known to keep the class's members (:data:`kinds.NEUTRAL_CLASS_DECORATORS`)."""
        return (isinstance(value, Outside) and (
            value.qualified in kinds.NEUTRAL_CLASS_DECORATORS
        )) or self._neutral_function(value) or (
            value is None and _imported_name(info, target) in kinds.NEUTRAL_CLASS_DECORATORS
        )

    def _neutral_alias(self, info: ModuleInfo, decorator: NameExpr, scope: int) -> bool:
        """Whether the name ``decorator`` is bound at module level to a call of a neutral
        decorator (``attrs_default = attr.s(...)``): what that call gives decorates as
        ``@attr.s(...)`` does."""
        aliased = self.resolver.aliased_call(info, decorator.id, scope)
        if aliased is None:
            return False
        owner, call = aliased
        func = self.resolver.eval(call.func, owner.name, 0)
        return self._neutral_decorator(owner, call.func, func)

    def _neutral_function(self, value: Value) -> bool:
        """An installed class decorator known to keep the class's methods, read from its
        package (attrs' ``define``, also through ``partial(define, ...)``)."""
        if not isinstance(value, FunctionRef):
            return False
        owner = self.resolver.module(value.module)
        if owner is None or owner.scopes[value.scope].parent != 0:
            return False
        name = f"{value.module}.{owner.scopes[value.scope].name}"
        return name in kinds.NEUTRAL_CLASS_DECORATOR_FUNCTIONS

    def overrides(self, module: str, sid: int, name: str) -> Optional[List[FunctionRef]]:
        """The methods ``name`` of every project class deriving from class ``sid`` (in any
        module); None when that cannot be decided (a class defining ``name`` whose bases are
        unknown, a project too large to index)."""
        owner = self.resolver.module(module)
        if owner is None:
            return None
        candidates = self.resolver.override_candidates(owner.scopes[sid].name, name)
        if candidates is None:
            return None
        found: List[FunctionRef] = []
        for candidate in candidates:
            info = self.resolver.module(candidate)
            if info is None:
                continue
            for other, scope in enumerate(info.scopes):
                if scope.kind != "class" or (candidate, other) == (module, sid):
                    continue
                binding = scope.bindings.get(name)
                if binding is None or isinstance(binding, DeclaredBinding):
                    continue
                derives = self.may_derive(info, other, (module, sid))
                if derives is None:
                    return None  # an opaque class: it may derive from ``sid``
                if derives:
                    if not isinstance(binding, DefBinding):
                        return None  # ``flush = _sync_flush``: overridden by something else
                    found.append(FunctionRef(candidate, binding.scope))
        return found

    def subclasses(self, info: ModuleInfo, sid: int) -> Optional[List[int]]:
        """Classes of the module deriving from ``sid``; None if that could not be decided."""
        return self.resolver.guarded(info, ("subclasses", sid), self._subclasses, info, sid)

    def _subclasses(self, info: ModuleInfo, sid: int) -> List[int]:
        return [
            other for other, scope in enumerate(info.scopes)
            if other != sid and scope.kind == "class" and (info.name, sid) in self.mro(info, other)
        ]


def _gives_own_class(mine: Any, other: Any, derived: List[MroEntry], base: Instance) -> bool:
    """Two methods of one kind, each building an object of its own class (``copy()``,
    ``with_options()``): the derived one gives a derived object where the base gives a base
    one, the pair being joined, so they agree the way the objects do."""
    objects = _result_objects(mine, other)
    if objects is None:
        return False
    ours, theirs = objects
    return (theirs.module, theirs.scope) == (base.module, base.scope) and (
        (ours.module, ours.scope) in derived
    )


def _result_objects(mine: Any, other: Any) -> Optional[Tuple[Instance, Instance]]:
    """The objects two method signatures (see :meth:`ClassModel.signature`) give, when both
    are plain methods of one kind and getter-ness giving an object of a class; None else."""
    if not (isinstance(mine, tuple) and isinstance(other, tuple)) or len(mine) != 4 or (
        len(other) != 4
    ):
        return None
    if mine[0] != "function" or other[0] != "function" or (mine[1], mine[3]) != (
        other[1], other[3]
    ):
        return None
    ours, theirs = mine[2], other[2]
    if not (isinstance(ours, Instance) and isinstance(theirs, Instance)):
        return None
    return ours, theirs


# Model bases whose metaclass and ``__init_subclass__`` build a subclass's fields from its
# annotations and add only their own (``model_*``, ``__pydantic_*__``) members: a subclass keeps
# the methods it defines, and each declared field holds a value of its declared type (pydantic
# validates it). Known by module and class name: (module, class).
KNOWN_MODEL_BASES = frozenset({("pydantic.main", "BaseModel"), ("pydantic.v1.main", "BaseModel")})


def _inert_hook(info: ModuleInfo, sid: int, name: str) -> bool:
    """Whether class ``sid`` has no hook ``name``, or one that only warns (see
    :attr:`FunctionFacts.only_warns`)."""
    binding = info.scopes[sid].bindings.get(name)
    if binding is None:
        return True
    facts = info.scopes[binding.scope].function if isinstance(binding, DefBinding) else None
    return facts is not None and facts.only_warns


def _is_model_base(info: ModuleInfo, sid: int) -> bool:
    scope = info.scopes[sid]
    return scope.klass is not None and (info.name, scope.name) in KNOWN_MODEL_BASES


def _is_none_default(binding: Binding) -> bool:
    """``api_client = None`` in the class body: a placeholder until a method stores the
    object (the instance holds it, or ``None``, which supports nothing either)."""
    return isinstance(binding, ValueBinding) and binding.expr == NONE_LITERAL


def _aliases_method(scope: Scope, binding: Optional[Binding]) -> bool:
    """``getChatMember = get_chat_member`` in the class body: another name of a method."""
    return isinstance(binding, ValueBinding) and isinstance(binding.expr, NameExpr) and (
        isinstance(scope.bindings.get(binding.expr.id), DefBinding)
    )


def _imported_name(info: ModuleInfo, expr: Expr) -> Optional[str]:
    """``attrs.define`` as the module's imports spell it (``import attrs``, ``from attrs
    import define``), for a decorator whose installed package does not say what it is."""
    written = dotted(expr)
    if written is None:
        return None
    root, _, rest = written.partition(".")
    binding = info.scopes[0].bindings.get(root)
    if isinstance(binding, ImportBinding) and binding.module == root:
        return written
    if isinstance(binding, FromImportBinding):
        return f"{binding.module}.{binding.name}" + (f".{rest}" if rest else "")
    return None
