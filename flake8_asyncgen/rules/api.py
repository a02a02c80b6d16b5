"""The rule API: everything a rule module imports, and nothing else.

A rule judges a :class:`JudgedSite` (a site, the value used there and its tag)
and reports through a :class:`RuleContext`.  It decides from the site and the
project's facts alone (through :class:`Queries`), so a finding never depends
on what else the file holds.  A rule that offers a fix passes a *fixer*: a
function that, given the libcst node the site names (:class:`Located`),
builds the libcst replacement.  The libcst pass calls fixers only for the
findings it reports.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Callable,
    ClassVar,
    Dict,
    FrozenSet,
    List,
    NamedTuple,
    Optional,
    Protocol,
    Tuple,
    Union,
)

from .. import kinds, messages
from ..callsignature import Landing, landing
from ..entrypoints import Script
from ..evaluator import Evaluator
from ..fixes import Fix, async_for_delegation, awaits_in_own_body, find_returns
from ..model import (
    AlternativesBinding, AttrExpr, AwaitExpr, CallExpr, DefBinding, Expr, NameExpr,
    ParamBinding, ValueBinding, dotted, strip_subscript,
)
from ..project import ModuleInfo
from ..sitetypes import Context, Site, Span, Tag
from ..specialmethods import wrong_definition, wrong_method
from ..values import (
    AnnotatedStream,
    AsyncGenExpression,
    Builtin,
    BuiltinInstance,
    ClassRef,
    CallResult,
    DeclaredCall,
    DeclaredCallable,
    FunctionKind,
    FunctionRef,
    Guarded,
    Instance,
    ModuleRef,
    NONE,
    ObjectKind,
    Outside,
    PlainResult,
    StdlibCall,
    Value,
)

if TYPE_CHECKING:  # pragma: no cover
    import libcst as cst

# What a call of a known function gives, as the rules see it: a project or installed
# function's object, a callable declared by an annotation, an asyncio function's coroutine.
CALL_RESULTS = (CallResult, DeclaredCall, StdlibCall)

__all__ = [
    "AsyncGenExpression", "AttrExpr", "Builtin", "CALL_RESULTS", "CallExpr", "CallResult",
    "Context", "NameExpr",
    "PlainResult",
    "DeclaredCall", "DeclaredCallable", "Fix",
    "StdlibCall",
    "Fixer", "Instance",
    "FunctionRef", "JudgedSite", "Located", "Outside", "Queries", "Rule", "RuleContext", "Site",
    "Span", "Tag", "Value", "async_for_delegation", "awaits_in_own_body", "find_returns", "kinds",
    "messages",
]


class JudgedSite(NamedTuple):
    site: Site
    value: Value
    tag: Tag


class Located(NamedTuple):
    """What the libcst pass found for a site: its node, and a way up the tree."""

    node: "cst.CSTNode"
    parent_of: Callable[["cst.CSTNode"], Optional["cst.CSTNode"]]

    def enclosing(self, kind: Union[type, Tuple[type, ...]]) -> Optional["cst.CSTNode"]:
        current = self.parent_of(self.node)
        while current is not None and not isinstance(current, kind):
            current = self.parent_of(current)
        return current


Fixer = Callable[[Located], Optional[Fix]]


class Queries:
    """What rules may ask about the project, for the module being linted."""

    def __init__(
        self, evaluator: Evaluator, info: ModuleInfo,
        scripts: Optional[Dict[str, Script]] = None,
    ) -> None:
        self.evaluator = evaluator
        self.info = info
        self.module_name = info.name
        # The module's functions the project declares as commands (``[project.scripts]``).
        self.scripts: Dict[str, Script] = scripts or {}

    def eval(self, expr: Expr, scope: int) -> Value:
        return self.evaluator.eval(expr, self.module_name, scope)

    def qualname(self, scope: int) -> str:
        return self.info.scopes[scope].qualname

    def encloses(self, outer: int, inner: int) -> bool:
        """Whether scope ``inner`` of the linted module lies inside scope ``outer``."""
        current = self.info.scopes[inner].parent
        while current >= 0:
            if current == outer:
                return True
            current = self.info.scopes[current].parent
        return False

    def func_kind(self, module: str, scope: int) -> Optional[FunctionKind]:
        return self.evaluator.func_kind(module, scope)

    def defines_async_generator(self, module: str, scope: int) -> bool:
        """Function ``scope`` is written as an async generator (``async def`` with ``yield``),
        whatever its decorators make of it."""
        info = self.evaluator.module(module)
        facts = info.scopes[scope].function if info is not None else None
        return facts is not None and facts.is_async and facts.has_yield

    def origin(self, value: Value) -> str:
        """``"installed"`` when the function behind ``value`` is an installed package's (the
        caller cannot change it: advice names only what the caller can do), else
        ``"project"``."""
        if isinstance(value, (CallResult, FunctionRef)) and self.is_installed(value.module):
            return "installed"
        if isinstance(value, (DeclaredCall, StdlibCall)):
            return "installed"  # known from an annotation or by name: the call is what to change
        return "project"

    def advised_fields(self, value: Value) -> Dict[str, str]:
        """:meth:`callee_fields` with the advice key (``messages.ADVICE``) that fits where the
        function behind ``value`` is (:meth:`origin`)."""
        return {**self.callee_fields(value), "advice": self.origin(value)}

    def is_installed(self, module: str) -> bool:
        """Module ``module`` is an installed package's (or a bundled stub), not the project's:
        advice names what the caller can change."""
        return self.evaluator.is_installed(module)

    def awaited(self, value: Value) -> Value:
        """What awaiting ``value`` gives, when known (an async generator)."""
        return self.evaluator.awaited(value)

    def returned(
        self, module: str, scope: int, wanted: Tuple[ObjectKind, ...]
    ) -> Union[CallResult, AsyncGenExpression, None]:
        return self.evaluator.returned(module, scope, wanted)

    def landing(self, site: Site) -> Optional[Landing]:
        """The annotated parameter an ``arg`` site's argument is passed as, if known."""
        if site.call is None:
            return None
        return landing(self.evaluator, self.module_name, site.scope, site.call)

    def callee_fields(self, value: Value) -> Dict[str, str]:
        """``callee`` and ``where`` for a message, from the function behind ``value``."""
        if isinstance(value, AsyncGenExpression):
            info = self.evaluator.module(value.module)
            where = f"{info.display}:{value.line}" if info is not None else "?"
            return {
                "callee": messages.GENERATOR_EXPRESSION,
                "obj": messages.GENERATOR_EXPRESSION,
                "where": messages.where_defined(where),
            }
        if isinstance(value, Guarded):
            return {
                "callee": value.name,
                "where": messages.narrowed_by(value.test, value.name, value.line),
            }
        method = _async_generator_method(value)
        if method is not None:
            return {
                "callee": messages.stdlib_callee(method.qualified),
                "where": messages.ASYNC_GENERATOR_METHOD,
            }
        if isinstance(value, StdlibCall) or (
            isinstance(value, Outside) and value.qualified in kinds.STDLIB_COROUTINES
        ):
            return {
                "callee": messages.stdlib_callee(value.qualified),
                "where": messages.STANDARD_LIBRARY_FUTURE if (
                    isinstance(value, StdlibCall) and value.kind == "awaitable"
                ) else messages.STANDARD_LIBRARY,
            }
        target: Optional[Tuple[str, int]] = None
        if isinstance(value, (AnnotatedStream, DeclaredCall, DeclaredCallable)):
            info = self.evaluator.module(value.module)
            if info is None:
                return {"callee": messages.UNKNOWN_CALLEE, "where": messages.UNKNOWN_DEFINITION}
            scope = info.scopes[value.scope]
            location = f"{info.display}:{scope.line}"
            if isinstance(value, (DeclaredCall, DeclaredCallable)) and (
                value.name == messages.CONTAINER_ITEM
            ):
                owner = scope.qualname if value.scope else None
                return {
                    "callee": value.name,
                    "where": messages.declared_item(
                        value.kind, owner, location if value.scope else info.display
                    ),
                }
            if isinstance(value, (DeclaredCall, DeclaredCallable)) and value.name.endswith("()"):
                # What a function is annotated to return: ``def get(self) -> Handler``.
                return {
                    "callee": f"{scope.qualname}(...)",
                    "where": messages.declared_returned_callable(value.kind, location),
                }
            if isinstance(value, (DeclaredCall, DeclaredCallable)):
                where = messages.declared_callable(value.kind, value.name, scope.qualname, location)
                return {"callee": value.name, "where": where}
            return {
                "callee": scope.qualname,
                "where": messages.where_defined(location)
                + (messages.DECLARED_STREAM_NOTE if value.direct
                   else messages.AWAITED_STREAM_NOTE),
            }
        if isinstance(value, CallResult):
            target = (value.module, value.scope)
        elif isinstance(value, FunctionRef):
            target = (value.module, value.scope)
        if target is None:
            return {"callee": messages.UNKNOWN_CALLEE, "where": messages.UNKNOWN_DEFINITION}
        info = self.evaluator.module(target[0])
        if info is None:
            return {"callee": messages.UNKNOWN_CALLEE, "where": messages.UNKNOWN_DEFINITION}
        scope = info.scopes[target[1]]
        if isinstance(value, CallResult) and value.called is not None:
            # Replaced by its decorator's wrapper: name the function the caller called.
            called = self.evaluator.module(value.called[0])
            if called is not None:
                named = called.scopes[value.called[1]]
                return {
                    "callee": named.qualname,
                    "where": messages.where_defined(f"{called.display}:{named.line}")
                    + messages.replaced_by_decorator(
                        value.kind, scope.qualname, f"{info.display}:{scope.line}"
                    ),
                }
        wrapper = None
        if isinstance(value, CallResult) and self.func_kind(*target) == "sync":
            wrapper = value.kind
        where = messages.where_defined(f"{info.display}:{scope.line}", wrapper)
        if isinstance(value, CallResult) and self.evaluator.functions.is_property(
            FunctionRef(*target)
        ):
            where += messages.GETTER_NOTE  # ``account.balance``: reading it called the getter
        return {"callee": scope.qualname, "where": where}

    def async_iterator_annotation(self, scope: int) -> Optional[Outside]:
        """``typing.AsyncIterator`` & co when function ``scope``'s return annotation names
        one."""
        facts = self.info.scopes[scope].function
        if facts is None or facts.annotation is None:
            return None
        parent = self.info.scopes[scope].parent
        values = self.evaluator.each(strip_subscript(facts.annotation), self.module_name, parent)
        # Behind a conditional import, every alternative must name an async iterator type.
        if all(
            isinstance(value, Outside) and value.qualified in kinds.ASYNC_ITERATOR_ANNOTATIONS
            for value in values
        ):
            first = values[0]
            assert isinstance(first, Outside)
            return first
        return None

    def is_stub(self, scope: int) -> bool:
        """An abstract method, Protocol member, ``@overload`` signature or a body that only
        documents the signature."""
        facts = self.info.scopes[scope].function
        functions = self.evaluator.functions
        return facts is not None and (
            facts.is_stub
            or functions.has_decorator(self.module_name, scope, kinds.ABSTRACT_DECORATORS)
            or functions.has_decorator(self.module_name, scope, kinds.OVERLOAD_DECORATORS)
            or self.in_protocol(scope)
        )

    def container_class(self, value: Value) -> Optional[str]:
        """The builtin container a project class derives from (see ``ClassModel``)."""
        if not isinstance(value, ClassRef) or not value.exact:
            return None
        info = self.evaluator.module(value.module)
        if info is None:
            return None
        return self.evaluator.classes.builtin_container(info, value.scope)

    def stub_verdict(self, scope: int) -> StubVerdict:
        """Judge an ``async def`` stub annotated as an async iterator by what implements it.

        An ``@overload`` signature follows its implementation: a coroutine implementation
        (await-then-iterate, often with a plain value on another flag) makes it consistent, an
        async generator or plain ``def`` does not, an unknown one cannot be judged.  Another
        stub (abstract, Protocol, ``raise NotImplementedError``) follows the overrides in the
        project's subclasses: all coroutines is consistent; any async generator or plain
        ``def`` is not (named in the message); none, or some unknown, keeps the report.
        """
        info = self.info
        stub = info.scopes[scope]
        parent = stub.parent
        if self.evaluator.functions.has_decorator(
            self.module_name, scope, kinds.OVERLOAD_DECORATORS
        ):
            implementation = info.scopes[parent].bindings.get(stub.name) if parent >= 0 else None
            if isinstance(implementation, DefBinding):
                implemented = FunctionRef(self.module_name, implementation.scope)
                return self._verdict([implemented], unknown_is_consistent=True)
        if parent >= 0 and info.scopes[parent].kind == "class":
            overrides = self.evaluator.classes.overrides(self.module_name, parent, stub.name)
            if overrides:
                return self._verdict(overrides, unknown_is_consistent=False)
        return StubVerdict(False)

    def _verdict(
        self, implementations: List[FunctionRef], unknown_is_consistent: bool
    ) -> StubVerdict:
        kinds_found = [self.func_kind(f.module, f.scope) for f in implementations]
        for function, kind in zip(implementations, kinds_found):
            if kind in ("agen", "sync"):
                fields = self.callee_fields(function)
                return StubVerdict(
                    False, messages.override_detail(kind, fields["callee"], fields["where"])
                )
        if all(kind == "coro" for kind in kinds_found):
            return StubVerdict(True)
        # Some implementation's kind is unknown (an unknown decorator): an overload cannot be
        # judged (silent); overrides keep today's report.
        return StubVerdict(unknown_is_consistent)

    def missing_protocol(self, value: Value, site: Site) -> Optional[Dict[str, str]]:
        """Message fields when ``value`` is an instance of a class whose whole method order is
        known and lacks a special method the site's statement needs (``await``:
        ``__await__``); None when it has them, or when that cannot be known."""
        if isinstance(value, Outside):
            return self._stdlib_missing_protocol(value, site)
        if isinstance(value, BuiltinInstance):
            return self._builtin_missing_protocol(value, site)
        if not isinstance(value, Instance) or (not value.exact and not value.declared):
            return None  # ``self``: a subclass may define it
        context = site.context
        needs = messages.PROTOCOL_NEEDS.get(context)
        info = self.evaluator.module(value.module)
        if needs is None or info is None:
            return None
        classes = self.evaluator.classes
        dunder = needs[1]
        # ``for`` works with either special method; a ``with`` needs both of its pair.
        pair = {"awith": ("__aenter__", "__aexit__"), "with": ("__enter__", "__exit__")}
        # ``in`` asks ``__contains__`` first.
        iteration = ("__iter__", "__getitem__") + (
            ("__contains__",) if site.how == "membership" else ()
        )
        if context == "iter":
            supported = [classes.defines(info, value.scope, n) for n in iteration]
            if None in supported or any(supported):
                return None
            missing = "__contains__" if site.how == "membership" else dunder
        else:
            names = pair.get(context, (dunder,))
            found = [classes.defines(info, value.scope, n) for n in names]
            if None in found or all(found):
                return None
            missing = names[found.index(False)]
        # Known from an annotation: a subclass (in the project, or in the class's own
        # installed package) may support it.
        if value.declared and not classes.every_subclass(
            value.module, value.scope,
            lambda sub_info, sid: all(
                classes.defines(sub_info, sid, name) is False
                for name in pair.get(
                    context, iteration if context == "iter" else (dunder, "__getitem__")
                )
            ),
            project_only=self.evaluator.is_installed(value.module) and not value.bound,
        ):
            return None
        scope = info.scopes[value.scope]
        return {
            "how": messages.protocol_use(context, site.how),
            "dunder": missing,
            "callee": scope.qualname,
            "where": messages.where_defined(f"{info.display}:{scope.line}"),
            "advice": messages.protocol_advice(
                context, lambda method: classes.defines(info, value.scope, method)
            ),
        }

    def scheduler(self, value: Value) -> str:
        """What runs ``value`` in the background, for advice: ``asyncio.create_task`` for a
        coroutine; ``asyncio.ensure_future`` for what an async generator's ``aclose()`` /
        ``asend()`` gives, an awaitable that is no coroutine (``create_task`` refuses it)."""
        if _async_generator_method(value) is not None:
            return messages.AWAITABLE_SCHEDULER
        return messages.SCHEDULER

    def wrong_manager_decorator(self, scope: int) -> Optional[Dict[str, str]]:
        """AGN106's fields when function ``scope`` is decorated with ``@contextlib.
        contextmanager`` or ``@contextlib.asynccontextmanager`` and is a function of a kind
        that decorator cannot use: an ``async def`` under ``@contextmanager`` (its call gives
        no generator), a plain generator function or an ``async def`` without ``yield`` under
        ``@asynccontextmanager`` (no async generator).  A plain ``def`` without ``yield`` may
        return a generator made elsewhere: not judged; nor a stub."""
        facts = self.info.scopes[scope].function
        if facts is None or self.is_stub(scope):
            return None
        parent = self.info.scopes[scope].parent
        for decorator in facts.decorators:
            role = self.evaluator.functions.decorator_role(self.info, parent, decorator)
            if role == "cm" and facts.is_async:
                shape = "agen" if facts.has_yield else "coro"
                return self._manager_fields(scope, "contextmanager", shape)
            if role == "acm" and facts.is_async != facts.has_yield:
                # A plain generator function, or an ``async def`` without ``yield``.
                shape = "coro" if facts.is_async else "generator"
                return self._manager_fields(scope, "asynccontextmanager", shape)
        return None

    def _manager_fields(self, scope: int, decorator: str, shape: str) -> Dict[str, str]:
        name = self.info.scopes[scope].name
        return {
            "func": self.info.scopes[scope].qualname,
            **messages.manager_decorator_fields(decorator, shape, name),
        }

    def wrong_special_definition(self, scope: int) -> Optional[Dict[str, str]]:
        """AGN105's fields when special method ``scope`` of this module has a kind that makes
        Python's own call of it fail (see :func:`specialmethods.wrong_definition`); None when
        it is right, not known, or a stub (an abstract or Protocol declaration: what
        implements it is judged)."""
        if self.is_stub(scope):
            return None
        found = wrong_definition(self.evaluator, self.info, scope)
        if found is None:
            return None
        kind, wrapped = found
        method = self.info.scopes[scope]
        return {
            "func": method.qualname,
            **messages.defined_special_fields(method.name, kind, wrapped),
        }

    def wrong_special_method(self, value: Instance, site: Site) -> Optional[Dict[str, str]]:
        """AGN220's fields when the special method the site's statement calls on ``value``'s
        class (each subclass's too, for a declared instance) has a kind that makes it fail
        (see :mod:`specialmethods`); None when it is right or cannot be known."""
        evaluator = self.evaluator
        info = evaluator.module(value.module)
        if info is None:
            return None
        found = wrong_method(evaluator, info, value.scope, site.context)
        if found is None:
            return None
        if value.declared and not evaluator.classes.every_subclass(
            value.module, value.scope,
            lambda sub, sid: wrong_method(evaluator, sub, sid, site.context) is not None,
        ):
            return None  # a subclass the annotation admits may define it rightly
        method, problem = found
        method_info = evaluator.module(method.module)
        assert method_info is not None
        klass = info.scopes[value.scope]
        dunder = method_info.scopes[method.scope].name
        return {
            "how": messages.protocol_use(site.context, site.how),
            "callee": klass.qualname,
            "where": messages.where_defined(f"{info.display}:{klass.line}"),
            "dunder": dunder,
            "dunder_where": f"{method_info.display}:{method_info.scopes[method.scope].line}",
            "problem": problem,
            "advice": messages.WRONG_KIND_ADVICE[dunder],
        }

    def awaitable_api(self, site: Site) -> Optional[str]:
        """The API an ``arg`` site is an argument of when that argument must be a coroutine
        (or awaitable): ``asyncio.run(x)``, ``asyncio.gather(x, y)``, ``loop.create_task(x)``
        on an asyncio / anyio / trio object; None otherwise."""
        call = site.call
        if call is None:
            return None
        index = call.position
        func = self.eval(call.func, site.scope)
        if isinstance(func, Outside) and func.qualified in kinds.COROUTINE_APIS:
            if isinstance(index, str):
                return func.qualified if index in kinds.COROUTINE_API_KEYWORDS else None
            wanted = kinds.COROUTINE_APIS[func.qualified]
            return func.qualified if wanted is None or wanted == index else None
        return self._library_method(site, kinds.COROUTINE_METHODS)

    def function_api(self, site: Site) -> Optional[str]:
        """The API an ``arg`` site is an argument of when that argument must be an async
        function the API calls itself: ``anyio.run(f)``, ``trio.run(f)``,
        ``task_group.start_soon(f)``; None otherwise."""
        call = site.call
        if call is None:
            return None
        func = self.eval(call.func, site.scope)
        if isinstance(func, Outside) and (
            kinds.ASYNC_FUNCTION_APIS.get(func.qualified) == call.position
        ):
            return func.qualified
        return self._library_method(site, kinds.ASYNC_FUNCTION_METHODS)

    def callback_api(self, site: Site) -> Optional[str]:
        """The API an ``arg`` site is an argument of when that argument is a function the API
        calls from plain code and whose result it drops or hands back as a plain result
        (``signal.signal(sig, f)``, ``loop.add_signal_handler(sig, f)``,
        ``loop.run_in_executor(None, f)``, ``asyncio.to_thread(f)``); None otherwise.  A
        method counts only on a receiver known to be asyncio's (a loop, a future) or an
        executor of ``concurrent.futures``: a project's own ``submit`` may take anything."""
        call = site.call
        if call is None or call.after_star:
            return None
        index = call.position
        func = self.eval(call.func, site.scope)
        if isinstance(func, Outside) and func.qualified in kinds.SYNC_CALLBACK_APIS:
            position, keyword = kinds.SYNC_CALLBACK_APIS[func.qualified]
            return func.qualified if index == position or index == keyword else None
        if isinstance(func, Builtin) and func.name in kinds.SYNC_CALLBACK_BUILTINS:
            # ``sorted(items, key=score)``, ``filter(keep, items)``.
            return func.name if index == kinds.SYNC_CALLBACK_BUILTINS[func.name] else None
        if not isinstance(call.func, AttrExpr):
            return None
        wanted = kinds.SYNC_CALLBACK_METHODS.get(call.func.attr)
        if wanted is None or index != wanted:
            return None
        receiver = self.eval(call.func.base, site.scope)
        if isinstance(receiver, StdlibCall) and receiver.kind == "awaitable":
            library = "asyncio"  # ``asyncio.gather(...)``: a future
        elif isinstance(receiver, Outside):
            library = receiver.qualified.split(".", 1)[0]
        else:
            return None
        if library not in kinds.SYNC_CALLBACK_LIBRARIES:
            return None
        return messages.method_api(call.func.attr)

    def called_kind(self, expr: Expr, scope: int) -> Optional[str]:
        """What calling the function ``expr`` names gives, when every function it may be
        (a method and each override of it) agrees: ``coro``, ``agen``; None otherwise."""
        result = self.async_call_result(expr, scope)
        return result.kind if result is not None else None

    def async_call_result(self, expr: Expr, scope: int) -> Optional[CallResult]:
        """The coroutine or async generator calling the function ``expr`` names gives, when
        ``expr`` is a plain function for every object it may be and every function it may be
        (a method and each override of it) agrees; None otherwise."""
        if not self.surely_function(expr, scope):
            return None
        value = self.eval(CallExpr(expr), scope)
        if isinstance(value, CallResult) and value.kind in ("coro", "agen"):
            return value
        return None

    def _library_method(self, site: Site, methods: FrozenSet[str]) -> Optional[str]:
        """``loop.run_until_complete(x)``, ``tg.start_soon(f)``: a method named in
        ``methods``, given ``x`` first, on a receiver known to come from asyncio, anyio or
        trio (any other receiver may be anything)."""
        call = site.call
        assert call is not None
        index = call.position
        first = index == 0 or (isinstance(index, str) and index in kinds.COROUTINE_API_KEYWORDS)
        if not isinstance(call.func, AttrExpr) or not first or call.func.attr not in methods:
            return None
        receiver = self.eval(call.func.base, site.scope)
        if not isinstance(receiver, Outside):
            return None
        if receiver.qualified.split(".", 1)[0] not in kinds.ASYNC_LIBRARIES:
            return None
        return messages.method_api(call.func.attr)

    @staticmethod
    def _builtin_missing_protocol(
        value: BuiltinInstance, site: Site
    ) -> Optional[Dict[str, str]]:
        """``async for item in items`` with ``items = [...]``, ``await total`` with ``total =
        0``: an object of a builtin type (:data:`kinds.BUILTIN_VALUE_TYPES`), which supports
        no async statement."""
        defines = kinds.BUILTIN_VALUE_TYPES.get(value.type_name)
        if defines is None or site.context not in _ASYNC_STATEMENTS:
            return None
        advice = messages.protocol_advice(site.context, lambda method: method in defines)
        return _statement_fields(site, value.type_name, messages.BUILTIN_TYPE, advice)

    @staticmethod
    def _stdlib_missing_protocol(value: Outside, site: Site) -> Optional[Dict[str, str]]:
        """``with asyncio.Lock():``: a standard-library object that is an async context
        manager only (known by name, :data:`kinds.STDLIB_ASYNC_ONLY_MANAGERS`); ``await
        time.sleep(1)``, ``async with open(path)``: what a plain standard-library function
        gives, which supports no async statement (:data:`kinds.STDLIB_SYNC_RESULTS`)."""
        known = kinds.STDLIB_SYNC_RESULTS.get(value.qualified)
        if known is not None:
            if site.context not in _ASYNC_STATEMENTS:
                return None
            type_name, defines = known
            advice = messages.stdlib_sync_advice(
                site.context, value.qualified, kinds.STDLIB_ASYNC_TWINS.get(value.qualified),
                type_name, lambda method: method in defines,
            )
            return _statement_fields(
                site, type_name, messages.stdlib_result(value.qualified), advice
            )
        if site.context != "with" or value.qualified not in kinds.STDLIB_ASYNC_ONLY_MANAGERS:
            return None
        advice = messages.protocol_advice(
            site.context, lambda method: method in ("__aenter__", "__aexit__")
        )
        return _statement_fields(
            site, kinds.STDLIB_ASYNC_ONLY_MANAGERS[value.qualified],
            messages.STANDARD_LIBRARY_CLASS, advice,
        )

    def unawaited_instance(self, value: Value, attr: str) -> Optional[Dict[str, str]]:
        """Message fields when ``value`` is an instance of a fully known class that is
        awaitable or an async context manager and has no attribute ``attr``: aiohttp's
        ``session.get(url).json()``, where awaiting or entering the request gives the
        response. None otherwise, or when that cannot be known."""
        if not isinstance(value, Instance) or (not value.exact and not value.declared):
            return None
        info = self.evaluator.module(value.module)
        if info is None:
            return None
        classes = self.evaluator.classes
        awaitable = classes.defines(info, value.scope, "__await__") is True
        entered = classes.defines(info, value.scope, "__aenter__") is True
        if not (awaitable or entered):
            return None

        if attr == kinds.SEND_CALL:
            return None  # the class's own ``send`` (or its lack) is judged as ``.send``

        def lacks(owner: ModuleInfo, sid: int) -> bool:
            if attr == kinds.ITEM_ACCESS:  # an item read needs ``__getitem__`` on the class
                return classes.defines(owner, sid, "__getitem__") is False
            return classes.has_attribute(owner, sid, attr) is False

        if not lacks(info, value.scope):
            return None
        # A name some project module writes on a class from outside its body may have been
        # patched onto this one (``pyrogram.methods.Decorators.admins_only = ...``).
        patched = self.evaluator.class_attributes_written() if self.evaluator.strict else (
            frozenset()
        )
        if patched is None or attr in patched:
            return None
        # Known from an annotation: a subclass may have the attribute.
        if value.declared and not classes.every_subclass(value.module, value.scope, lacks):
            return None
        kind = "awaitable acm" if awaitable and entered else "awaitable" if awaitable else "acm"
        scope = info.scopes[value.scope]
        return {
            **messages.access_fields(attr, kind),
            "object": messages.unawaited_instance(kind, scope.qualname),
            "where": messages.where_defined(f"{info.display}:{scope.line}"),
        }

    def class_rules_out(self, landing: Landing, kind: str, site: Site) -> bool:
        """Whether the class a parameter's annotation names (``response: httpx.Response``)
        is known to be neither awaitable (for a coroutine, ``kind`` ``coro``) nor
        async-iterable (for an async generator): whole method order known, no subclass (in
        the project or the class's package) adding it; not a ``Protocol``."""
        function = landing.function
        info = self.evaluator.module(function.module) if function is not None else None
        if function is None or info is None:
            return False
        binding = info.scopes[function.scope].bindings.get(landing.param.name)
        if not isinstance(binding, ParamBinding) or binding.declared is None:
            return False  # type-tested in the body (``isinstance``): not only the annotation
        declared = self.evaluator.annotated_instance(
            info, binding.declared, info.scopes[function.scope].parent
        )
        if not isinstance(declared, Instance):
            return False
        use = site._replace(context="await" if kind == "coro" else "aiter", how="")
        return self.missing_protocol(declared, use) is not None

    def plain_fields(self, value: PlainResult, site: Site) -> Dict[str, str]:
        """AGN208's fields for what a plain ``def`` returns (``None``, a ``list``)."""
        where, name = self.plain_origin(value)
        advice = messages.PLAIN_ADVICE[site.context].format(func=name)
        return _statement_fields(site, value.type_name, where, advice)

    def plain_origin(self, value: PlainResult) -> Tuple[str, str]:
        """How a message says which plain ``def`` gave ``value`` (``what the plain `def
        notify()`, defined at app.py:3, returns``), and that function's qualified name."""
        info = self.evaluator.module(value.module)
        scope = info.scopes[value.scope] if info is not None else None
        location = f"{info.display}:{scope.line}" if info is not None and scope else "?"
        name = scope.qualname if scope is not None else messages.UNKNOWN_CALLEE
        return messages.plain_result(name, location, value.some_path), name

    def returns_a_result(self, scope: int) -> bool:
        """Some ``return`` of function ``scope`` gives a plain result: an awaited value
        (``return await self.find()``) or a builtin object (``return []``, ``return
        list(nodes)``); not ``return None``, which a function handing out coroutines may also
        give for "nothing to run"."""
        facts = self.info.scopes[scope].function
        if facts is None:
            return False
        for expr in facts.returns:
            if isinstance(expr, AwaitExpr):
                return True
            value = self.eval(expr, scope)
            if isinstance(value, BuiltinInstance) and value != NONE:
                return True
        return False

    def declared_not_awaitable(self, scope: int, site: Site) -> Optional[str]:
        """How the return annotation of function ``scope`` is written, when it names a type
        whose objects are not awaitable: a builtin type (``-> str``, ``-> List[Dict]``) or a
        class whose whole method order is known and lacks ``__await__``; None otherwise
        (``Any``, ``Awaitable``, a union, a Protocol, a class that cannot be read)."""
        facts = self.info.scopes[scope].function
        if facts is None or facts.annotation is None:
            return None
        builtin = self.evaluator.annotated_builtin(self.info, scope)
        if builtin is not None and builtin != "NoneType":
            return dotted(strip_subscript(facts.annotation)) or builtin
        parent = self.info.scopes[scope].parent
        declared = self.evaluator.annotated_instance(self.info, facts.annotation, parent)
        if not isinstance(declared, Instance):
            return None
        if self.missing_protocol(declared, site._replace(context="await", how="")) is None:
            return None
        return dotted(strip_subscript(facts.annotation))

    def unawaited_alternative(self, scope: int, expr: Expr) -> Value:
        """``response = acompletion(...)`` on one branch and ``response = await
        acompletion(...)`` on another, then ``return response``: the coroutine the un-awaited
        branch binds (None unless ``expr`` is such a name of function ``scope``)."""
        if not isinstance(expr, NameExpr):
            return None
        binding = self.info.scopes[scope].bindings.get(expr.id)
        if not isinstance(binding, AlternativesBinding):
            return None
        coroutine: Value = None
        awaited = False
        for option in binding.options:
            if not isinstance(option, ValueBinding):
                continue
            if isinstance(option.expr, AwaitExpr):
                awaited = True
            elif isinstance(option.expr, CallExpr):
                where = scope if option.scope is None else option.scope
                value = self.eval(option.expr, where)
                if isinstance(value, CALL_RESULTS) and value.kind == "coro":
                    coroutine = value
        return coroutine if awaited else None

    def may_return_none(self, value: Value) -> bool:
        """A plain ``def`` wrapper (the callee of ``value``) some path of which returns
        nothing: ``if wait: return _deliver(q, msg)`` then falls off its end."""
        if not isinstance(value, CallResult):
            return False
        info = self.evaluator.module(value.module)
        facts = info.scopes[value.scope].function if info is not None else None
        return facts is not None and facts.falls_through

    def surely_function(self, expr: Expr, scope: int) -> bool:
        """Whether ``obj.name`` is a plain function for every object it may be: ``obj`` a
        module, an exact class or instance, or ``self`` / an annotated instance whose every
        subclass (in the project and the class's own package, any module) finds a method (not
        a getter) there too."""
        if not isinstance(expr, AttrExpr):
            return True
        return self._surely_function(expr, scope) is True

    def _surely_function(self, expr: AttrExpr, scope: int) -> Optional[bool]:
        base = self.eval(expr.base, scope)
        if isinstance(base, ModuleRef) or (
            isinstance(base, (ClassRef, Instance)) and base.exact
        ):
            return True
        if not isinstance(base, Instance):
            return None
        # ``self`` or an annotated instance: every subclass must find a method there too.
        classes = self.evaluator.classes

        def finds_method(info: ModuleInfo, sid: int) -> bool:
            found = classes.lookup(info, sid, expr.attr, True)
            return isinstance(found, FunctionRef) and not self.evaluator.functions.is_property(
                found
            )

        return True if classes.every_subclass(base.module, base.scope, finds_method) else None

    def in_protocol(self, scope: int) -> bool:
        """Whether function ``scope`` is a member of a ``typing.Protocol`` class."""
        parent = self.info.scopes[scope].parent
        if parent < 0 or self.info.scopes[parent].klass is None:
            return False
        return self.evaluator.classes.is_protocol(self.info, parent)


def _async_generator_method(value: Value) -> Optional[StdlibCall]:
    """``value`` when it is what an async generator object's ``asend`` / ``athrow`` /
    ``aclose`` gives; None otherwise."""
    if isinstance(value, StdlibCall) and value.qualified in kinds.ASYNC_GENERATOR_METHODS:
        return value
    return None


# The statements that need an async protocol: what no builtin value (nor what a plain
# standard-library function gives) supports.
_ASYNC_STATEMENTS = ("await", "aiter", "awith")


def _statement_fields(site: Site, callee: str, where: str, advice: str) -> Dict[str, str]:
    """AGN208's fields for the site's statement on an object of type ``callee`` (said of
    ``where``) that lacks the special method the statement needs."""
    return {
        "how": messages.protocol_use(site.context, site.how),
        "dunder": messages.PROTOCOL_NEEDS[site.context][1],
        "callee": callee,
        "where": where,
        "advice": advice,
    }


def sync_iteration_api(site: Site, queries: "Queries") -> Optional[str]:
    """How a message names what iterates the site's value synchronously (``a `for` loop``,
    ```list()```), or None when it does not iterate it: ``for``, comprehensions, ``yield from``,
    ``*`` unpacking, and the arguments the builtins, builtin containers' methods, the standard
    library functions of :data:`kinds.SYNC_ITERATING_FUNCTIONS` and project subclasses of the
    builtin containers iterate."""
    if site.call is None:
        return messages.ITERATION_WORDING.get(site.how, site.how)
    if isinstance(site.call.position, str):
        return None  # keyword arguments (``key=``, ``default=``) are not iterated
    func = queries.eval(site.call.func, site.scope)
    if isinstance(func, Builtin) and func.name in kinds.SYNC_ITERATING_BUILTINS:
        name = func.name
    elif isinstance(func, Outside) and func.qualified in kinds.SYNC_ITERATING_FUNCTIONS:
        name = func.qualified
    else:
        container = queries.container_class(func)
        if container is None:
            return None
        name = container  # a project subclass of ``list`` builds itself like ``list``
    if not kinds.iterates_argument(name, site.call.position, site.call.positional):
        return None
    return messages.builtin_api(name)


class StubVerdict(NamedTuple):
    """How a stub annotated as an async iterator compares with what implements it."""

    consistent: bool  # every implementation is a coroutine (or cannot be judged): no report
    detail: str = ""  # the implementation that disagrees, for the message


class RuleContext(Protocol):
    """What the checker offers a rule."""

    queries: Queries

    def report(
        self, code: str, at: Span, fields: Dict[str, str], fixer: Optional[Fixer] = None
    ) -> None: ...


class Rule:
    """One AGN code (or a family sharing a check): the site contexts it judges, the value
    tags it fires on, and its check."""

    code: ClassVar[str]
    codes: ClassVar[Tuple[str, ...]] = ()
    contexts: ClassVar[Tuple[Context, ...]]
    triggers: ClassVar[FrozenSet[Tag]]
    # Last names of the APIs whose arguments an ``arg`` rule judges (``create_task``,
    # ``list``): the facts walk lists those arguments as sites.
    call_names: ClassVar[FrozenSet[str]] = frozenset()
    # Fixit-style examples; tests run them through the plugin.
    VALID: ClassVar[List[str]] = []
    INVALID: ClassVar[List[str]] = []
    # Files the examples need beside them (``example.py``), such as a ``pyproject.toml``.
    EXAMPLE_FILES: ClassVar[Dict[str, str]] = {}

    @classmethod
    def all_codes(cls) -> Tuple[str, ...]:
        return cls.codes or (cls.code,)

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        raise NotImplementedError
