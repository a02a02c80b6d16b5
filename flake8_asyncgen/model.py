"""The facts a module summary holds, as small typed records.

Expressions are kept as *descriptors*: only the shape the analysis follows
(names, attributes, calls, ``await``, subscripts, conditional expressions),
everything else is :data:`UNKNOWN`.  A binding says what a name is bound to in
one scope.  A :class:`Scope` is a module, class or function body; a function
scope carries :class:`FunctionFacts`, a class scope :class:`ClassFacts`.

Records are NamedTuples (cheap to build on the hot path of the ``ast`` walk,
hashable, comparable).  Each ends with a ``shape`` field that names the record,
so two different shapes with the same fields never compare equal (``f()`` is
not ``await f``).  The JSON form lives only in :mod:`codec`.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, List, Literal, Mapping, NamedTuple, Optional, Tuple, Union

# -- expression descriptors ------------------------------------------------------------------


class NameExpr(NamedTuple):
    id: str
    shape: Literal["name"] = "name"


# One ``NameExpr`` per identifier, and one ``DefBinding`` per scope number, for the life of the
# process. Records are immutable, so sharing them is safe; and a summary is mostly names (the
# benchmark corpus's summaries held 44,614 name records of 3,380 identifiers, and 8,200 def
# bindings of 287 scope numbers): shared, a run keeps about 50,000 fewer objects.
_NAME_EXPRS: Dict[str, "NameExpr"] = {}
_DEF_BINDINGS: Dict[int, "DefBinding"] = {}


def name_expr(name: str) -> "NameExpr":
    """The shared ``NameExpr(name)``."""
    found = _NAME_EXPRS.get(name)
    if found is None:
        found = _NAME_EXPRS[name] = NameExpr(name)
    return found


def def_binding(scope: int) -> "DefBinding":
    """The shared ``DefBinding(scope)``."""
    found = _DEF_BINDINGS.get(scope)
    if found is None:
        found = _DEF_BINDINGS[scope] = DefBinding(scope)
    return found


class AttrExpr(NamedTuple):
    base: "Expr"
    attr: str
    shape: Literal["attr"] = "attr"


class CallExpr(NamedTuple):
    """A call; arguments are dropped (what a call gives depends only on the callee here),
    except keyword arguments given as ``True`` / ``False``: ``stream=True`` chooses between
    ``@overload`` signatures (LLM SDKs' ``create(..., stream=True)``); and the names of the
    other keyword arguments (``"**"`` for a ``**kwargs``): ``sessionmaker(engine,
    class_=AsyncSession)`` chooses the class its sessions are."""

    func: "Expr"
    literals: Tuple[Tuple[str, bool], ...] = ()
    named: Tuple[str, ...] = ()
    shape: Literal["call"] = "call"


class AwaitExpr(NamedTuple):
    value: "Expr"
    shape: Literal["await"] = "await"


class SubscriptExpr(NamedTuple):
    """``Repo[int]``: for calls, the generic class itself.

    ``args``: the type arguments, kept only where a subscript names a type (annotations,
    class bases, module-level aliases such as ``Manager = Base[Response]``); empty elsewhere.
    """

    value: "Expr"
    args: Tuple["Expr", ...] = ()
    shape: Literal["subscript"] = "subscript"


class IfExpr(NamedTuple):
    """One of two values (``a if c else b``, ``getattr(x, "a", b)``); ``or_``: ``a or b``,
    which gives ``a`` whenever ``a`` is true."""

    body: "Expr"
    orelse: "Expr"
    or_: bool = False
    shape: Literal["if"] = "if"


class EnteredExpr(NamedTuple):
    """What ``async with <manager> as name`` binds: the value ``__aenter__`` gives (``with``:
    ``__enter__``)."""

    manager: "Expr"
    is_async: bool = True
    shape: Literal["entered"] = "entered"


class AsyncGenExpr(NamedTuple):
    """A generator expression with ``async for`` or ``await`` in it (outside its first
    iterable): it evaluates to an async generator object."""

    line: int
    shape: Literal["async genexp"] = "async genexp"


class LiteralExpr(NamedTuple):
    """A display or constant of a builtin type: ``"..."``, ``[...]``, ``{...}``, ``(...)``.

    ``items``: a short list, tuple or set display's elements, a dict display's values, when
    each may be an object of a project class (``(Client(), Client())``); empty otherwise."""

    type_name: str
    items: Tuple["Expr", ...] = ()
    shape: Literal["literal"] = "literal"


class ElementExpr(NamedTuple):
    """What a ``for`` loop's target takes from the iterable ``container``: each element
    (``for repo in repos``), or with ``second`` the second item of each pair (``for name,
    repo in repos.items()``, ``for i, repo in enumerate(repos)``)."""

    container: "Expr"
    second: bool = False
    shape: Literal["element"] = "element"


MAX_UNPACKED = 8  # the most names an unpacking target may have to be followed


class ItemExpr(NamedTuple):
    """What target ``position`` of ``size`` names takes from unpacking ``value`` (``reader,
    writer = await asyncio.open_connection(...)``, ``a, b = pair()`` with ``-> tuple[A,
    B]``)."""

    value: "Expr"
    position: int
    size: int
    shape: Literal["item"] = "item"


class WrapExpr(NamedTuple):
    """``cast(T, value)``, which gives ``value`` itself (typed decorators end with ``return
    cast(Callable[P, T], wrapper)``), ``partial(value, ...)``, a callable that calls
    ``value``, or ``getattr(obj, "name"[, default])``, whose ``value`` is ``obj.name`` (or
    that and ``default``): when ``func`` resolves to ``typing.cast`` / ``functools.partial``
    / the builtin ``getattr``; otherwise an ordinary call of ``func``."""

    func: "Expr"
    value: "Expr"
    shape: Literal["wrap"] = "wrap"


class UnionExpr(NamedTuple):
    """``Union[A, B]`` / ``A | B`` as an annotation, or a module-level alias of one
    (``Channel = Union[TextChannel, DMChannel]``): an object of one of the classes."""

    members: Tuple["Expr", ...]
    shape: Literal["union"] = "union"


class UnknownExpr(NamedTuple):
    shape: Literal["unknown"] = "unknown"


Expr = Union[
    NameExpr, AttrExpr, CallExpr, AwaitExpr, SubscriptExpr, IfExpr, EnteredExpr, AsyncGenExpr,
    LiteralExpr, ElementExpr, ItemExpr, WrapExpr, UnionExpr, UnknownExpr,
]
UNKNOWN: Expr = UnknownExpr()
NONE_LITERAL = LiteralExpr("NoneType")
FALSE_LITERAL = LiteralExpr("bool")
# In ``ModuleSummary.patched``: some ``setattr(obj, name, ...)`` writes a computed name.
COMPUTED_ATTRIBUTE = "<computed>"
LITERAL_TYPES = frozenset(
    {"str", "bytes", "list", "set", "dict", "tuple", "NoneType", "bool", "int", "float", "complex"}
)


def last_name(expr: Expr) -> Optional[str]:
    """The name an expression ends in: ``Name`` for ``Name`` and ``a.b.Name``, else None."""
    if isinstance(expr, NameExpr):
        return expr.id
    if isinstance(expr, AttrExpr):
        return expr.attr
    return None


def strip_subscript(expr: Expr) -> Expr:
    while isinstance(expr, SubscriptExpr):
        expr = expr.value
    return expr


def dotted(expr: Expr) -> Optional[str]:
    """``a.b.c`` for a chain of names and attributes, else None."""
    if isinstance(expr, NameExpr):
        return expr.id
    if isinstance(expr, AttrExpr):
        base = dotted(expr.base)
        return f"{base}.{expr.attr}" if base else None
    return None


def substitute_roots(expr: Expr, values: Mapping[str, Expr]) -> Expr:
    """``expr`` with the names :func:`root_names` finds replaced as ``values`` says."""
    if isinstance(expr, NameExpr):
        return values.get(expr.id, expr)
    if isinstance(expr, AttrExpr):
        return expr._replace(base=substitute_roots(expr.base, values))
    if isinstance(expr, CallExpr):
        return expr._replace(func=substitute_roots(expr.func, values))
    if isinstance(expr, (AwaitExpr, SubscriptExpr)):
        return expr._replace(value=substitute_roots(expr.value, values))
    if isinstance(expr, EnteredExpr):
        return expr._replace(manager=substitute_roots(expr.manager, values))
    if isinstance(expr, ElementExpr):
        return expr._replace(container=substitute_roots(expr.container, values))
    if isinstance(expr, ItemExpr):
        return expr._replace(value=substitute_roots(expr.value, values))
    if isinstance(expr, IfExpr):
        return expr._replace(
            body=substitute_roots(expr.body, values), orelse=substitute_roots(expr.orelse, values)
        )
    return expr


def chain_root(expr: Expr) -> Expr:
    """What an attribute, call and subscript chain starts from (``(a or b).x()`` ->
    ``a or b``)."""
    while isinstance(expr, (AttrExpr, CallExpr, SubscriptExpr)):
        expr = expr.base if isinstance(expr, AttrExpr) else (
            expr.func if isinstance(expr, CallExpr) else expr.value
        )
    return expr


def root_names(expr: Expr) -> List[str]:
    """The names an expression's value depends on."""
    while isinstance(
        expr, (AttrExpr, CallExpr, AwaitExpr, SubscriptExpr, EnteredExpr, ElementExpr, ItemExpr)
    ):
        expr = expr.base if isinstance(expr, AttrExpr) else (
            expr.func if isinstance(expr, CallExpr) else (
                expr.manager if isinstance(expr, EnteredExpr) else (
                    expr.container if isinstance(expr, ElementExpr) else expr.value
                )
            )
        )
    if isinstance(expr, NameExpr):
        return [expr.id]
    if isinstance(expr, IfExpr):
        return root_names(expr.body) + root_names(expr.orelse)
    return []


# -- bindings --------------------------------------------------------------------------------


class DefBinding(NamedTuple):
    """``def name``: the function of scope ``scope``."""

    scope: int
    shape: Literal["def"] = "def"


class ClassBinding(NamedTuple):
    scope: int
    shape: Literal["class"] = "class"


class ImportBinding(NamedTuple):
    """``import a.b`` binds ``a`` (module ``a``); ``import a.b as m`` binds module ``a.b``."""

    module: str
    shape: Literal["import"] = "import"


class FromImportBinding(NamedTuple):
    """``from module import name`` (module made absolute)."""

    module: str
    name: str
    shape: Literal["from"] = "from"


class ValueBinding(NamedTuple):
    """``name = expr``, evaluated in scope ``scope`` (None: the scope holding the binding);
    ``declared`` is the class an annotation names (``name: Repo = expr``), which gives the
    type when the value says nothing."""

    expr: Expr
    scope: Optional[int] = None
    declared: Optional[Expr] = None
    shape: Literal["value"] = "value"


class ParamBinding(NamedTuple):
    """A parameter; ``declared`` is the class its annotation names (``repo: Repo``,
    ``Optional[Repo]``, ``"Repo"``): the argument is an instance of it or of a subclass.
    ``passed``: for a private helper's unannotated parameter, what each of its module's
    calls passes, with the scope it is evaluated in (see :mod:`passedargs`).  ``fallback``:
    what the body binds it to when the argument is missing (see :class:`ParamBinding`'s
    field)."""

    declared: Optional[Expr] = None
    passed: Tuple[Tuple[Expr, int], ...] = ()
    # ``if client is None: client = Default()`` (or ``client = client or Default()``) with
    # ``client: Optional[Client]``: the one value the body gives it instead of the argument.
    fallback: Optional[Expr] = None
    shape: Literal["param"] = "param"


class DeclaredBinding(NamedTuple):
    """``name: T`` with no value (or a class-body field ``name: T = default``): makes the
    name local and binds nothing; ``declared`` is the class ``T`` names, which is what an
    instance's attribute holds when nothing else says (dataclass and pydantic fields)."""

    declared: Optional[Expr] = None
    shape: Literal["declared"] = "declared"


class UnknownBinding(NamedTuple):
    shape: Literal["unknown"] = "unknown"


SimpleBinding = Union[
    DefBinding, ClassBinding, ImportBinding, FromImportBinding, ValueBinding, ParamBinding,
    DeclaredBinding, UnknownBinding,
]


class AlternativesBinding(NamedTuple):
    """A name bound differently in branches that exclude each other (the two arms of an
    ``if``, a ``try`` body and its ``except ImportError``): one of ``options`` holds."""

    options: Tuple[SimpleBinding, ...]
    # Chosen by the environment the program runs in (``try``/``except ImportError``, ``if``
    # on ``sys.version_info`` / ``sys.platform``): one holds for a whole run.
    by_environment: bool = False
    shape: Literal["alternatives"] = "alternatives"


Binding = Union[SimpleBinding, AlternativesBinding]
UNKNOWN_BINDING = UnknownBinding()
PARAM = ParamBinding()
DECLARED = DeclaredBinding()

# -- scopes ----------------------------------------------------------------------------------

ScopeKind = Literal["module", "class", "function"]
SCOPE_KINDS: Tuple[ScopeKind, ...] = ("module", "class", "function")


class ParamDemand(NamedTuple):
    """A parameter whose annotation rules out a coroutine or an async generator object
    (see :mod:`paramtypes`), or whose attribute the body reads at once (:mod:`bodyreads`)."""

    name: str
    position: int  # among the positional parameters; -1 for a keyword-only one
    accepts: FrozenSet[str]  # "await", "aiter", "call", "iter", "value", "none", "class"
    declared: str  # the annotation as written (shortened), for messages
    positional_only: bool = False  # before a ``/``: not passed by keyword
    # Not from an annotation: the attribute (``"[]"``: an item) the body reads of it before
    # anything can stop it, and the line (see :mod:`bodyreads`).
    read: str = ""
    line: int = 0


class FunctionFacts:
    """What deciding a function's kind and judging its returns needs."""

    __slots__ = (
        "is_async", "has_yield", "decorators", "returns", "annotation", "is_stub", "first_param",
        "declares_awaited_stream", "yields", "result_type", "keeps_signature",
        "always_raises", "yield_type", "falls_through", "params", "overloads", "literal_params",
        "only_warns", "required_keywords",
    )

    def __init__(
        self,
        is_async: bool,
        has_yield: bool,
        decorators: Tuple[Expr, ...],
        returns: List[Expr],
        annotation: Optional[Expr],
        is_stub: bool,
        first_param: Optional[str],
        declares_awaited_stream: bool = False,
        yields: Optional[List[Expr]] = None,
        result_type: Optional[Expr] = None,
        keeps_signature: Optional[str] = None,
        always_raises: bool = False,
        yield_type: Optional[Expr] = None,
        falls_through: bool = False,
        params: Tuple[ParamDemand, ...] = (),
        overloads: Tuple[int, ...] = (),
        literal_params: Tuple[Tuple[str, bool, bool], ...] = (),
        only_warns: bool = False,
        required_keywords: Tuple[str, ...] = (),
    ) -> None:
        self.is_async = is_async
        self.has_yield = has_yield  # ``yield`` in its own body (not in nested functions)
        self.decorators = decorators
        self.returns = returns  # every ``return``'s value (UNKNOWN for a bare ``return``)
        self.annotation = annotation
        # Only a docstring, ``...``, ``pass`` or ``raise NotImplementedError``.
        self.is_stub = is_stub
        self.first_param = first_param  # ``self`` / ``cls`` when it is a method
        # Its own declaration says callers await it to get a stream: a return annotation
        # ``Awaitable[AsyncIterator[T]]`` / ``Coroutine[..., AsyncIterator[T]]`` / a union of an
        # async iterator and something else, or ``@overload`` signatures returning a stream.
        self.declares_awaited_stream = declares_awaited_stream
        # Every ``yield``'s value (UNKNOWN for a bare ``yield``): what an
        # ``@asynccontextmanager`` gives to ``async with ... as``.
        self.yields: List[Expr] = yields if yields is not None else []
        # The class its return annotation names (``-> Repo``, ``Optional[Repo]``, ``"Repo"``,
        # ``Repo | None``, ``Annotated[Repo, ...]``), for callers when its returns say nothing.
        self.result_type = result_type
        # Its annotations say it returns what it is given, so as a decorator it keeps the
        # decorated function's kind: ``"decorator"`` for ``def d(fn: F) -> F``, ``"factory"``
        # for ``def d(...) -> Callable[[F], F]`` (used as ``@d(...)``).  Or its body does:
        # ``"argument"`` / ``"argument-shared"`` for a ``def`` whose every return gives back
        # its argument, untouched / also handed on (``REGISTRY.append(fn); return fn``).
        # ``"kind"`` for a decorator returning a wrapper chosen by
        # ``iscoroutinefunction(func)`` that gives what calling ``func`` gives (kindpreserving).
        self.keeps_signature = keeps_signature
        # Its body (after a docstring) is one ``raise TypeError``: a special method written only to
        # refuse a protocol (aiohttp's ``ClientSession.__enter__`` raises TypeError).
        self.always_raises = always_raises
        # Its body (after a docstring) only calls ``warnings.warn(...)`` or the same method of
        # ``super()``: aiohttp's ``ClientSession.__init_subclass__`` warns and changes nothing.
        self.only_warns = only_warns
        # The class its return annotation says it yields (``AsyncIterator[Conn]``,
        # ``AsyncGenerator[Conn, None]``, ``Iterator[Conn]``): what an
        # ``@asynccontextmanager``'s ``async with ... as`` gives when its yields say nothing.
        self.yield_type = yield_type
        # A plain ``def`` some path of which falls off its end (returning None): a wrapper
        # returning a coroutine only sometimes.
        self.falls_through = falls_through
        # Parameters whose annotations rule out a coroutine or an async generator object
        # (``content: AsyncIterable[str] | Iterable[str]``, ``func: Callable[..., Any]``).
        self.params = params
        # The scopes of the ``@overload`` signatures declared for it (before it, same name).
        self.overloads = overloads
        # For an ``@overload`` signature: its parameters that take only ``True`` or only
        # ``False``, as (name, value, keyword-only with a default).
        self.literal_params = literal_params
        # For an ``@overload`` signature: its keyword-only parameters without a default, which
        # a call must pass for the signature to apply.
        self.required_keywords = required_keywords


class ClassFacts:
    """What deciding a class's members needs."""

    __slots__ = ("bases", "metaclass", "decorators", "has_class_keywords", "instance_attrs")

    def __init__(
        self,
        bases: Tuple[Expr, ...],
        metaclass: Optional[Expr],
        decorators: Tuple[Expr, ...],
        has_class_keywords: bool,
        instance_attrs: Optional[Dict[str, Binding]] = None,
    ) -> None:
        self.bases = bases
        self.metaclass = metaclass
        self.decorators = decorators
        # Other class keywords (``__init_subclass__`` arguments) may change anything; so may a
        # body writing its own namespace (``locals()[name] = ...``, ``exec``): both set this.
        self.has_class_keywords = has_class_keywords
        # ``self.x = ...`` in methods: known only when assigned exactly once, in ``__init__``.
        self.instance_attrs: Dict[str, Binding] = instance_attrs or {}


class Scope:
    """A module, class or function body: its bindings and, for functions and classes, facts.

    Scopes are numbered in source pre-order; ``parent`` is the enclosing scope's number
    (-1 for the module), and always smaller than the scope's own.
    """

    __slots__ = (
        "kind", "name", "qualname", "parent", "line", "bindings", "function", "klass",
        "global_names",
    )

    def __init__(
        self,
        kind: ScopeKind,
        name: str,
        qualname: str,
        parent: int,
        line: int,
        bindings: Optional[Dict[str, Binding]] = None,
        function: Optional[FunctionFacts] = None,
        klass: Optional[ClassFacts] = None,
        global_names: frozenset[str] = frozenset(),
    ) -> None:
        self.kind = kind
        self.name = name
        self.qualname = qualname
        self.parent = parent
        self.line = line
        self.bindings: Dict[str, Binding] = bindings if bindings is not None else {}
        self.function = function
        self.klass = klass
        # Names declared ``global`` here: they resolve in the module scope.
        self.global_names = global_names


class ModuleSummary:
    """Everything other modules and the rules need to know about one module."""

    __slots__ = (
        "scopes", "stars", "exports", "after_star", "aliases", "patched", "patch_sites",
        "source_digest", "awaited_only",
    )

    def __init__(
        self,
        scopes: List[Scope],
        stars: List[Optional[str]],
        exports: Optional[List[str]],
        after_star: frozenset[str],
        aliases: frozenset[str],
        patched: frozenset[str],
        patch_sites: Optional[Dict[str, List[Tuple[Expr, int]]]] = None,
    ) -> None:
        self.scopes = scopes
        # Modules star-imported here (None: could not be made absolute).
        self.stars = stars
        # ``__all__`` when it is a literal list of strings, else None.
        self.exports = exports
        # Module-level names bound after the last star import (a star cannot rebind them).
        self.after_star = after_star
        # Names bound to an API a call-site rule knows under another name (``spawn``).
        self.aliases = aliases
        # Attribute names written on objects other than ``self`` (monkeypatching, setattr).
        self.patched = patched
        # Where each patched name is written: the object written on, and the scope its
        # expression is evaluated in (``response.stream = ...``: ``response``).  A write on an
        # object of an unrelated class does not change a class's members.
        self.patch_sites: Dict[str, List[Tuple[Expr, int]]] = patch_sites or {}
        # sha256 of the source it was made from, when read from a file (not serialised).
        self.source_digest: Optional[str] = None
        # Private names (``_stream``) whose every use in the module is the callee of an
        # awaited call: what the module itself means them to be (AGN100/AGN101 read it for
        # the linted file only; not serialised).
        self.awaited_only: frozenset[str] = frozenset()
