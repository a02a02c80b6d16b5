"""What an expression evaluates to, as far as definitions tell.

``None`` is unknown, and unknown means the rules say nothing.  Like the facts in
:mod:`model`, values are NamedTuples ending with a ``shape`` field, so values of
different shapes never compare equal.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, Optional, Tuple, Union

# What calling a function gives: a coroutine, an async generator, an async context manager
# (``@asynccontextmanager``), or an ordinary result (``sync``).
# ``cm``: a ``@contextmanager`` factory (a plain context manager).
FunctionKind = Literal["coro", "agen", "acm", "cm", "sync"]
ObjectKind = Literal["coro", "agen", "acm", "cm"]


class FunctionRef(NamedTuple):
    """The function defined in scope ``scope`` of module ``module``."""

    module: str
    scope: int
    shape: Literal["function"] = "function"


class ClassRef(NamedTuple):
    """A project class; ``exact=False`` for ``cls`` (the class or any subclass)."""

    module: str
    scope: int
    exact: bool = True
    shape: Literal["class"] = "class"


class Instance(NamedTuple):
    """An instance of a project class; ``exact=False`` for ``self`` (maybe of a subclass).

    ``declared``: known only from an annotation (``repo: Repo``), so it may be an instance
    of a subclass defined in any module of the project.
    """

    module: str
    scope: int
    exact: bool = True
    declared: bool = False
    # The class's type arguments, when an annotation gives them (``Base[Response]``): the
    # classes they name, by position, None where unknown.
    args: Tuple[Optional[ClassRef], ...] = ()
    # Known only as a type variable's bound (``ExtensionTypeVar = TypeVar(..., bound=
    # ExtensionType)``): an instance of any subclass, the bound's own package's too.
    bound: bool = False
    shape: Literal["instance"] = "instance"


class ProtocolInstance(NamedTuple):
    """An object an annotation declares to satisfy a project ``typing.Protocol`` class: its
    implementations need not derive from it, so only what the Protocol itself declares is
    known of it (an ``async def`` method gives a coroutine: any conforming implementation's
    does), and no rule judges the object itself."""

    module: str
    scope: int
    shape: Literal["protocol instance"] = "protocol instance"


class ModuleRef(NamedTuple):
    name: str
    shape: Literal["module"] = "module"


class Outside(NamedTuple):
    """Something from outside the project, by qualified name (``asyncio.create_task``;
    calls append ``()``)."""

    qualified: str
    shape: Literal["outside"] = "outside"


class Builtin(NamedTuple):
    name: str
    shape: Literal["builtin"] = "builtin"


class CallResult(NamedTuple):
    """The object a call of the function in ``scope`` of ``module`` gave.

    ``called``: (module, scope) of the function the caller named, when its decorator replaced
    it by this one (a wrapper defined inside the decorator); messages name both.
    """

    kind: ObjectKind
    module: str
    scope: int
    called: Optional[Tuple[str, int]] = None
    shape: Literal["result"] = "result"


class AsyncGenExpression(NamedTuple):
    """The async generator object a generator expression with ``async for`` or ``await``
    evaluates to, by where it is written."""

    module: str
    line: int
    kind: Literal["agen"] = "agen"
    shape: Literal["async genexp"] = "async genexp"


class AnnotatedStream(NamedTuple):
    """What awaiting a call of the ``@overload`` signature in ``scope`` gives, which it
    declares an async iterator (``async def generate(..., stream: Literal[True]) ->
    AsyncIterator[Chunk]``): iterated only with ``async for``.  ``direct``: what calling the
    plain ``def`` in ``scope`` gives, its return annotation declaring an async iterator
    (``def stream(self) -> AsyncIterator[str]: return self._impl.stream()``)."""

    module: str
    scope: int
    direct: bool = False
    kind: Literal["agen"] = "agen"
    shape: Literal["annotated stream"] = "annotated stream"


class Guarded(NamedTuple):
    """What a name narrowed by an ``inspect`` guard gives: ``handler(...)`` inside
    ``if inspect.isasyncgenfunction(handler):`` is an async generator object."""

    kind: ObjectKind
    name: str
    test: str  # the guard as written: ``inspect.isasyncgenfunction``
    line: int
    shape: Literal["guarded"] = "guarded"


class StdlibCall(NamedTuple):
    """What a call of a standard-library coroutine function gives (``asyncio.sleep(1)``,
    ``asyncio.Event().wait()``), or, with kind ``awaitable``, of one returning a future
    (``asyncio.gather(...)``): the standard library is not read, so these are known by name
    (:data:`kinds.STDLIB_COROUTINES`, :data:`kinds.STDLIB_FUTURES`)."""

    qualified: str  # ``asyncio.sleep``, ``asyncio.Event().wait``
    kind: Literal["coro", "awaitable"] = "coro"
    shape: Literal["stdlib call"] = "stdlib call"


class DeclaredCallable(NamedTuple):
    """A parameter or field an annotation declares a callable returning a coroutine
    (``handler: Callable[..., Coroutine[Any, Any, T]]``, kind ``coro``), an async iterator
    (``Callable[..., AsyncIterator[T]]``, kind ``agen``) or an awaitable (``Callable[...,
    Awaitable[bool]]``, kind ``awaitable``: a coroutine, a task or a future, judged only where
    none of those works): ``name`` of the function or class ``scope``."""

    kind: Literal["coro", "agen", "awaitable"]
    module: str
    scope: int
    name: str
    shape: Literal["declared callable"] = "declared callable"


class DeclaredCall(NamedTuple):
    """What calling :class:`DeclaredCallable` ``source`` gives: a coroutine, an async
    iterator (iterated with ``async for`` only), or an awaitable."""

    source: DeclaredCallable
    shape: Literal["declared call"] = "declared call"

    @property
    def kind(self) -> Literal["coro", "agen", "awaitable"]:
        return self.source.kind

    @property
    def module(self) -> str:
        return self.source.module

    @property
    def scope(self) -> int:
        return self.source.scope

    @property
    def name(self) -> str:
        return self.source.name


class BuiltinInstance(NamedTuple):
    """An instance of a builtin type made by a display or constant (``[]``, ``", "``)."""

    type_name: str
    shape: Literal["builtin instance"] = "builtin instance"


NONE = BuiltinInstance("NoneType")


class PlainResult(NamedTuple):
    """What calling a plain ``def`` gives when every path returns an object of one builtin
    type (``None`` when it has no ``return``): ``await notifier.notify(msg)`` awaits it."""

    module: str
    scope: int
    type_name: str  # ``NoneType``, ``list``, ``str``...
    # Only some path is known to give it (``return None`` beside returns not known):
    # awaiting the call still fails whenever that path is taken.
    some_path: bool = False
    shape: Literal["plain result"] = "plain result"


class Elements(NamedTuple):
    """A container of objects of one project class: declared (``list[Repo]``, ``dict[str,
    Repo]``, ``Sequence[Repo]``) or a display of them (``(Repo(), Repo())``); or of
    classes (``dict[str, type[Toolkit]]``, ``{"bash": BashToolkit}``), whose call builds one.

    ``type_name``: the builtin type when it is known to be one (``list``, ``dict``), whose
    methods (``list.extend``) are then known; "" for an abstract one (``Sequence``).
    ``item``: what iterating it gives (None for a mapping: its keys); ``value``: a mapping's
    values."""

    type_name: str
    item: Optional[Union[Instance, ClassRef, "DeclaredCallable"]]
    value: Optional[Union[Instance, ClassRef, "DeclaredCallable"]] = None
    shape: Literal["elements"] = "elements"

    @property
    def picked(self) -> Optional[Union[Instance, ClassRef, "DeclaredCallable"]]:
        """What ``container[key]`` gives: a mapping's value, a sequence's element."""
        return self.value if self.value is not None else self.item


Known = Union[
    FunctionRef, ClassRef, Instance, ModuleRef, Outside, Builtin, CallResult,
    AsyncGenExpression, BuiltinInstance, Elements, PlainResult, Guarded, AnnotatedStream,
    DeclaredCallable, DeclaredCall, StdlibCall, ProtocolInstance,
]
Value = Optional[Known]
