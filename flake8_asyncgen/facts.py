"""One walk over a module's ``ast`` tree: its summary (:mod:`model`) and its sites.

The summary records, per scope (module, class, function; numbered in source
pre-order), what each name is bound to, and per function what kind resolution
needs.  The sites (:mod:`sitetypes`) are every place a rule may judge; they are
listed for every module walked, and used for the ones being linted.

Statements are handled one method per statement type (:data:`_Collector.HANDLERS`).
"""

from __future__ import annotations

import ast
from collections import Counter
from typing import (
    Any, Callable, Dict, FrozenSet, List, Mapping, Optional, Sequence, Set, Tuple, Union,
)

from .exits import ends_in_exit
from .kindpreserving import preserves_kind
from .bodyreads import body_reads
from .kinds import (
    ASYNC_ITERATOR_NAMES, CALL_ACCESS, CONSUMED_ELEMENT, DEFINED_SPECIAL_METHODS, FORMAT_SPEC,
    ITEM_ACCESS, MAPPING_UNPACK,
    SEND_CALL, SET_ATTRIBUTE, WAIT_ELEMENT,
)
from .model import (
    UnionExpr,
    dotted,
    def_binding,
    name_expr,
    COMPUTED_ATTRIBUTE,
    DECLARED,
    NONE_LITERAL,
    FALSE_LITERAL,
    AsyncGenExpr,
    ElementExpr,
    ItemExpr,
    MAX_UNPACKED,
    DeclaredBinding,
    ParamBinding,
    LiteralExpr,
    UnknownExpr,
    AlternativesBinding,
    UnknownBinding,
    PARAM,
    SimpleBinding,
    UNKNOWN,
    UNKNOWN_BINDING,
    AttrExpr,
    AwaitExpr,
    Binding,
    CallExpr,
    ClassBinding,
    DefBinding,
    ClassFacts,
    EnteredExpr,
    Expr,
    FromImportBinding,
    FunctionFacts,
    IfExpr,
    ImportBinding,
    ModuleSummary,
    NameExpr,
    Scope,
    SubscriptExpr,
    ValueBinding,
    WrapExpr,
    last_name,
    root_names,
    chain_root,
    substitute_roots,
    strip_subscript,
)
from .paramtypes import bool_literals, demands
from .passedargs import (
    HelperCall, HelperSignature, is_private, record_passed_arguments, visible_binding,
)
from .sitetypes import CallArg, Context, Guard, Site, Span

SCHEMA_VERSION = 36


_new = tuple.__new__  # builds the NamedTuples below without their Python-level ``__new__``


def _bool_keywords(keywords: List[ast.keyword]) -> Tuple[Tuple[str, bool], ...]:
    """``stream=True``: the keyword arguments given as ``True`` / ``False`` (none when a
    ``**kwargs`` may give others)."""
    found = []
    for keyword in keywords:
        if keyword.arg is None:
            return ()
        value = keyword.value
        if type(value) is ast.Constant and type(value.value) is bool:
            found.append((keyword.arg, value.value))
    return tuple(found) if found else ()


# Tests of what a value is: a conditional expression on one picks the arm that suits it.
_KIND_TESTS = frozenset({
    "isinstance", "issubclass", "hasattr", "callable", "iscoroutinefunction",
    "isasyncgenfunction", "isgeneratorfunction", "iscoroutine", "isasyncgen", "isawaitable",
    "isgenerator", "isfunction", "ismethod",
})


def _tests_kind(test: ast.expr) -> bool:
    """Whether a condition calls one of :data:`_KIND_TESTS` (also under ``not``, ``and``,
    ``or``)."""
    for node in ast.walk(test):
        if type(node) is ast.Call:
            func = node.func
            name = func.id if type(func) is ast.Name else getattr(func, "attr", None)
            if name in _KIND_TESTS:
                return True
    return False


def _named_keywords(keywords: List[ast.keyword]) -> Tuple[str, ...]:
    """The names of the keyword arguments given other than as ``True`` / ``False``
    (``"**"`` for a ``**kwargs``, which may give any)."""
    return tuple(
        "**" if keyword.arg is None else keyword.arg for keyword in keywords
        if not (type(keyword.value) is ast.Constant and type(keyword.value.value) is bool)
    )


# Builtins whose result holds its first argument's elements (``enumerate``: paired).
_ELEMENT_KEEPING_CALLS = frozenset({"enumerate", "sorted", "reversed", "iter"})
# ``asyncio.run(coro)`` / ``loop.run_until_complete(coro)``: what awaiting ``coro`` gives.
_RUNNING_CALLS = frozenset({"run", "run_until_complete"})
_WRAPPING_CALLS = frozenset({"cast", "partial", "getattr"}) | _ELEMENT_KEEPING_CALLS | (
    _RUNNING_CALLS
)


def _wrap(node: Any) -> Optional[Expr]:
    """The :class:`WrapExpr` of a call that gives back (or calls) one of its arguments, as
    written: ``cast(T, value)`` gives ``value``, ``partial(value, ...)`` calls it, and
    ``getattr(obj, "name")`` reads ``obj.name`` (``getattr(obj, "name", default)``: that or
    ``default``).  What ``cast`` / ``partial`` / ``getattr`` is, is decided when evaluating;
    None for any other call."""
    func, args = node.func, node.args
    name = func.id if type(func) is ast.Name else (
        func.attr if type(func) is ast.Attribute else None
    )
    if name not in _WRAPPING_CALLS or any(type(arg) is ast.Starred for arg in args):
        return None
    value: Expr
    if name == "cast" and len(args) == 2 and not node.keywords:
        value = describe(args[1])
    elif name in _ELEMENT_KEEPING_CALLS and type(func) is ast.Name and args and (
        len(args) <= (2 if name == "enumerate" else 1)
    ):
        value = describe(args[0])  # ``enumerate(repos)``, ``sorted(repos, key=...)``
    elif name == "partial" and args:
        value = describe(args[0])
    elif name in _RUNNING_CALLS and type(func) is ast.Attribute and len(args) == 1:
        value = AwaitExpr(describe(args[0]))  # ``asyncio.run(main())``
    elif name == "getattr" and type(func) is ast.Name and not node.keywords and (
        2 <= len(args) <= 3
    ) and type(args[1]) is ast.Constant and isinstance(args[1].value, str):
        value = AttrExpr(describe(args[0]), args[1].value)
        if len(args) == 3:
            value = IfExpr(value, describe(args[2]))
    else:
        return None
    return WrapExpr(describe(func), value)


def describe(node: ast.AST) -> Expr:
    """The descriptor of an expression, dropping everything the analysis ignores (a hot
    path: the records are built directly, fields in declaration order)."""
    kind = type(node)
    if kind is ast.Name:
        return name_expr(node.id)  # type: ignore[attr-defined]
    if kind is ast.Attribute:
        value, attr = node.value, node.attr  # type: ignore[attr-defined]
        return _new(AttrExpr, (describe(value), attr, "attr"))
    if kind is ast.Call:
        keywords = node.keywords  # type: ignore[attr-defined]
        func = node.func  # type: ignore[attr-defined]
        if type(func) is ast.Name and func.id == "super" and (
            node.args or keywords  # type: ignore[attr-defined]
        ):
            return UNKNOWN  # ``super(Other, self)``: only the zero-argument form is followed
        wrapped = _wrap(node)
        if wrapped is not None:
            return wrapped
        literals = _bool_keywords(keywords) if keywords and not any(
            type(arg) is ast.Starred for arg in node.args  # type: ignore[attr-defined]
        ) else ()
        named = _named_keywords(keywords) if keywords else ()
        func_expr = describe(node.func)  # type: ignore[attr-defined]
        return _new(CallExpr, (func_expr, literals, named, "call"))
    if kind is ast.Await:
        return AwaitExpr(describe(node.value))  # type: ignore[attr-defined]
    if kind is ast.Subscript:
        if type(node.slice) is ast.Slice:  # type: ignore[attr-defined]
            return UNKNOWN  # ``items[1:]``: a new sequence, not an element
        value = node.value  # type: ignore[attr-defined]
        if (type(value) is ast.Name and value.id == "Union") or (
            type(value) is ast.Attribute and value.attr == "Union"
        ):
            # ``Channel = Union[TextChannel, DMChannel]``: an alias annotations may name.
            return describe_type(node) or UNKNOWN
        return SubscriptExpr(describe(node.value))  # type: ignore[attr-defined]
    if kind is ast.IfExp:
        if _tests_kind(node.test):  # type: ignore[attr-defined]
            # ``f(e) if inspect.isasyncgenfunction(f) else await f(e)``: each arm is taken
            # only for what it handles, so neither is a fallback the other may meet.
            return UNKNOWN
        return IfExpr(describe(node.body), describe(node.orelse))  # type: ignore[attr-defined]
    if kind is ast.BoolOp and type(node.op) is ast.Or:  # type: ignore[attr-defined]
        # ``session or ClientSession()``: one of the operands (the last one, or a true one).
        operands = [describe(value) for value in node.values]  # type: ignore[attr-defined]
        joined = operands[-1]
        for operand in reversed(operands[:-1]):
            joined = IfExpr(operand, joined, True)
        return joined
    if kind is ast.GeneratorExp:
        genexp: Any = node
        return AsyncGenExpr(genexp.lineno) if is_async_genexp(genexp) else UNKNOWN
    literal = _LITERALS.get(kind)
    if literal is not None:
        if kind in _DISPLAYS:
            shown = _display_items(node)
            if shown:
                return LiteralExpr(literal.type_name, shown)  # type: ignore[union-attr]
        return literal
    if kind is ast.Constant:
        value = node.value  # type: ignore[attr-defined]
        if isinstance(value, (str, bytes)):
            return LiteralExpr(type(value).__name__)
        if value is None:
            return NONE_LITERAL
        if value is False or value is True:
            # ``return True``: a bool. (``_IS_SYNC = False`` marks never-true constants by the
            # module's ``false_constants``, which a later binding of the name forgets.)
            return FALSE_LITERAL
        if type(value) in _NUMBERS:
            # ``return 0``: a number (not ``True``, kept apart from ``False``'s literal, which
            # marks constants that are never true).
            return _NUMBERS[type(value)]
    return UNKNOWN


_NUMBERS: Dict[type, Expr] = {
    int: LiteralExpr("int"), float: LiteralExpr("float"), complex: LiteralExpr("complex"),
}


_LITERALS: Dict[type, Expr] = {
    ast.List: LiteralExpr("list"),
    ast.ListComp: LiteralExpr("list"),
    ast.Set: LiteralExpr("set"),
    ast.SetComp: LiteralExpr("set"),
    ast.Dict: LiteralExpr("dict"),
    ast.DictComp: LiteralExpr("dict"),
    ast.Tuple: LiteralExpr("tuple"),
    ast.JoinedStr: LiteralExpr("str"),
}


_DISPLAYS = frozenset({ast.List, ast.Tuple, ast.Set, ast.Dict})
_MAX_DISPLAY_ITEMS = 8
# What a display's items must be to be kept: objects a project class may have built.
_OBJECT_NODES = (ast.Call, ast.Name, ast.Attribute)
_ITEM_NODES = (ast.Call, ast.Name, ast.Attribute, ast.Constant)


def _display_items(node: Any) -> Tuple[Expr, ...]:
    """The elements of a short list, tuple or set display (a dict display's values) when
    each is a call, name, attribute or constant and one is not a constant (``[Primary(),
    Replica()]``, ``(engine, 3)``); () otherwise."""
    if type(node) is ast.Dict:
        if None in node.keys:
            return ()  # ``{**base, ...}``
        elements = node.values
    else:
        elements = node.elts
    # A constant may stand beside objects (``return Client(), 3`` unpacked by the caller);
    # a display of constants alone holds no object.
    if not 0 < len(elements) <= _MAX_DISPLAY_ITEMS or not all(
        isinstance(element, _ITEM_NODES) for element in elements
    ) or not any(isinstance(element, _OBJECT_NODES) for element in elements):
        return ()
    return tuple(describe(element) for element in elements)


# Context managers that assert their block raises (pytest, unittest).
_EXPECTS_EXCEPTION = frozenset({
    "raises", "RaisesGroup", "RaisesExc", "assertRaises", "assertRaisesRegex",
})


def _expects_exception(node: ast.expr) -> bool:
    """``pytest.raises(TypeError)``, ``self.assertRaises(TypeError)``, ``pytest.RaisesGroup``."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return name in _EXPECTS_EXCEPTION


def is_async_genexp(node: ast.GeneratorExp) -> bool:
    """Whether Python makes this generator expression an async generator: an ``async for``
    in it, or an ``await`` anywhere but its first iterable (evaluated outside it)."""
    generators = node.generators
    if any(generator.is_async for generator in generators):
        return True
    parts: List[ast.AST] = [node.elt]
    for index, generator in enumerate(generators):
        if index:
            parts.append(generator.iter)
        parts.extend(generator.ifs)
    stack = parts
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Await):
            return True
        if isinstance(current, ast.comprehension) and current.is_async:
            return True
        if isinstance(current, ast.Lambda):
            continue  # its body runs when the lambda is called
        if isinstance(current, ast.GeneratorExp):
            # A nested generator expression is only created here, not run: only its first
            # iterable is evaluated in this one.
            stack.append(current.generators[0].iter)
            continue
        stack.extend(ast.iter_child_nodes(current))
    return False


def _type_variable_bound(node: ast.expr) -> Optional[Expr]:
    """The class ``TypeVar(name, bound=C)`` names as its bound; None for anything else (no
    bound, constraints, a union bound)."""
    if not isinstance(node, ast.Call) or last_name(describe(node.func)) != "TypeVar":
        return None
    for keyword in node.keywords:
        if keyword.arg == "bound":
            return describe_type(keyword.value)
    return None


def describe_type(node: Optional[ast.AST], depth: int = 0) -> Optional[Expr]:
    """The class an annotation names, unwrapping ``Optional[X]``, ``Annotated[X, ...]``,
    ``Union[X, None]``, ``X | None`` and string annotations; a :class:`UnionExpr` for a union
    of several (``Union[A, B]``, ``A | B | None``), each member one of these; None when it
    names no class this way."""
    node = _annotation_node(node)
    for _ in range(10):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            members = [m for m in _union_members(node) if not _is_none(m)]
            if len(members) != 1:
                return _union(members, depth)
            node = members[0]
        elif isinstance(node, ast.Subscript):
            outer = last_name(describe(node.value))
            args = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
            if outer in ("Optional", "Annotated") and args:
                node = args[0]
            elif outer == "Union":
                members = [m for m in args if not _is_none(m)]
                if len(members) != 1:
                    return _union(members, depth)
                node = members[0]
            else:
                return describe_generic(node)  # a generic class: ``Repo[int]``
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            node = _annotation_node(node)
        else:
            break
    if isinstance(node, (ast.Name, ast.Attribute)):
        return describe(node)
    return None


def _union_members(node: ast.expr) -> List[ast.expr]:
    """``A | B | C``: the operands of a chain of ``|``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union_members(node.left) + _union_members(node.right)
    return [node]


def _union(members: List[ast.expr], depth: int) -> Optional[Expr]:
    """The union of ``members`` when each names a class (or a union: flattened); None when
    one names nothing known this way, or the union nests too deep."""
    if len(members) < 2 or depth > 4:
        return None
    described: List[Expr] = []
    for member in members:
        found = describe_type(member, depth + 1)
        if found is None:
            return None
        described.extend(found.members if isinstance(found, UnionExpr) else (found,))
    return UnionExpr(tuple(described))


_TYPE_WRAPPERS = frozenset({"Optional", "Annotated", "Union"})


def _wraps_one_type(node: ast.expr) -> bool:
    """``Optional[X]``, ``Annotated[X, ...]``, ``Union[X, None]``, ``X | None``: forms that,
    as annotations, declare one class (:func:`describe_type` unwraps them)."""
    if isinstance(node, ast.BinOp):
        return isinstance(node.op, ast.BitOr) and (_is_none(node.left) or _is_none(node.right))
    return isinstance(node, ast.Subscript) and last_name(describe(node.value)) in _TYPE_WRAPPERS


def _names_a_union(node: ast.expr) -> bool:
    """``Clients = AsyncOpenAI | AsyncAzureOpenAI``: a chain of ``|`` whose operands are all
    names, attributes, subscripts or string annotations, which as an annotation declares an
    instance of one of them (an alias of a union, Python 3.10's spelling)."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr)):
        return False
    return all(
        isinstance(member, (ast.Name, ast.Attribute, ast.Subscript)) or (
            isinstance(member, ast.Constant)
            and (member.value is None or isinstance(member.value, str))
        )
        for member in _union_members(node)
    )


def describe_generic(node: ast.AST) -> Expr:
    """:func:`describe`, keeping the type arguments of a subscript (``Base[Response]``):
    for annotations, class bases and aliases, where they name types."""
    if not isinstance(node, ast.Subscript):
        return describe(node)
    args = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
    return SubscriptExpr(
        describe(node.value), tuple(describe_type(arg) or UNKNOWN for arg in args)
    )


def _is_none(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _tested_against_constant(node: ast.Compare) -> Optional[Tuple[ast.expr, str]]:
    """``x is None`` / ``x is not None`` (``how`` "none"), or ``x == True``, ``x != 0``,
    ``"ok" == x``, ``x is True`` (``how`` "constant"): the operand compared, which a coroutine
    object never is and never equals (its ``==`` is identity).  Only one comparison: in a
    chain the operands are compared with each other too."""
    if len(node.ops) != 1:
        return None
    op, left, right = type(node.ops[0]), node.left, node.comparators[0]
    if op in _IDENTITY:
        if _is_none(right):
            return left, "none"
        if type(right) is ast.Constant and type(right.value) is bool:
            return left, "constant"  # ``if store.exists(p) is True:``
        return None
    if op is not ast.Eq and op is not ast.NotEq:
        return None
    if _is_plain_constant(right) and not _is_plain_constant(left):
        return left, "none" if _is_none(right) else "constant"
    if _is_plain_constant(left) and not _is_plain_constant(right):
        return right, "none" if _is_none(left) else "constant"
    return None


def _has_format_spec(node: ast.FormattedValue) -> bool:
    """``f"{x:.2f}"``, ``f"{x:>{width}}"``: a format spec with some text of its own, which
    ``object.__format__`` rejects (``f"{x:{spec}}"`` may give an empty one: not this)."""
    spec = node.format_spec
    return type(spec) is ast.JoinedStr and any(
        type(part) is ast.Constant and part.value for part in spec.values
    )


def _is_plain_constant(node: ast.AST) -> bool:
    """``None``, ``True``, ``0``, ``"ok"``, ``b""``: a constant no object of another type
    equals by default (not ``...``)."""
    return type(node) is ast.Constant and node.value is not Ellipsis


def span_of(node: ast.AST) -> Span:
    """Where an expression or statement is (``ast`` gives every such node its extent)."""
    where: Any = node  # every expression and statement node has these four fields
    return _new(
        Span, (where.lineno, where.col_offset, where.end_lineno, where.end_col_offset)
    )


def _is_stub_body(body: List[ast.stmt]) -> bool:
    """A body that only documents a signature: docstring, ``...``, ``pass``, a raise."""
    for index, stmt in enumerate(body):
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            if stmt.value.value is Ellipsis or (index == 0 and isinstance(stmt.value.value, str)):
                continue
            return False
        if isinstance(stmt, ast.Raise) and stmt.exc is not None:
            exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
            if isinstance(exc, ast.Name) and exc.id in ("NotImplementedError", "NotImplemented"):
                continue
        return False
    return True


def _only_warns(node: Union[ast.FunctionDef, ast.AsyncFunctionDef]) -> bool:
    """A body of ``warnings.warn(...)`` calls, ``super().<name>(...)`` calls, ``pass`` and
    private data set on the class from values that do not read it (``cls._registry = {}``)
    (after a docstring): it changes none of the members it is given."""
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    positional = node.args.posonlyargs + node.args.args
    owner = positional[0].arg if positional else None
    for stmt in body:
        if isinstance(stmt, ast.Pass) or _sets_private_datum(stmt, owner):
            continue
        if not isinstance(stmt, ast.Expr) or not isinstance(stmt.value, ast.Call):
            return False
        func = stmt.value.func
        warns = dotted(describe(func)) in ("warnings.warn", "warn")
        delegates = isinstance(func, ast.Attribute) and func.attr == node.name and (
            isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name)
            and func.value.func.id == "super"
        )
        if not (warns or delegates):
            return False
    return bool(body)


def _sets_private_datum(stmt: ast.stmt, owner: Optional[str]) -> bool:
    """``cls._registry = {}``: a private attribute of ``owner`` set from a value that does not
    read ``owner`` (no method is replaced, nothing is handed the class)."""
    if owner is None:
        return False
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target, value = stmt.targets[0], stmt.value
    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        target, value = stmt.target, stmt.value
    else:
        return False
    return (
        isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
        and target.value.id == owner and target.attr.startswith("_")
        and not target.attr.startswith("__")
        and not any(isinstance(n, ast.Name) and n.id == owner for n in ast.walk(value))
    )


def _always_raises(body: List[ast.stmt]) -> bool:
    """A body that is one ``raise TypeError(...)`` (after a docstring): how a class refuses a
    protocol (aiohttp's ``ClientSession.__enter__``: "Use async with instead"). Another
    exception (``RuntimeError`` from an ``__enter__`` that always fails) is a failure of the
    method, not a missing one."""
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    if len(body) != 1 or not isinstance(body[0], ast.Raise):
        return False
    raised = body[0].exc
    if isinstance(raised, ast.Call):
        raised = raised.func
    return isinstance(raised, ast.Name) and raised.id == "TypeError"


def _literal_params(args: ast.arguments) -> Tuple[Tuple[str, bool, bool], ...]:
    """Parameters that take only one of ``True`` / ``False`` (``stream: Literal[True]``,
    ``stream: Optional[Literal[False]] | NotGiven``), with whether a call that does not pass
    it by keyword leaves it at its default (keyword-only, with a default: a positional one
    may be filled by a positional argument)."""
    positional = args.posonlyargs + args.args
    pairs = [(arg, False) for arg in positional]
    pairs += [(arg, default is not None) for arg, default in zip(args.kwonlyargs, args.kw_defaults)]
    found = []
    for arg, defaulted in pairs:
        if arg.annotation is None:
            continue
        values = bool_literals(_annotation_node(arg.annotation))
        if values is not None and len(values) == 1:
            found.append((arg.arg, next(iter(values)), defaulted))
    return tuple(found)


def _looks_like_overload(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    if isinstance(target, ast.Name):
        return target.id == "overload"
    return isinstance(target, ast.Attribute) and target.attr == "overload"


def _annotation_node(node: Optional[ast.AST]) -> Optional[ast.AST]:
    """The expression a string annotation holds (parsed once per text: the nodes are only
    read), else the annotation itself."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
        if text in _PARSED_ANNOTATIONS:
            return _PARSED_ANNOTATIONS[text]
        parsed: Optional[ast.AST]
        try:
            parsed = ast.parse(text.strip(), mode="eval").body
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            parsed = None
        if len(_PARSED_ANNOTATIONS) < 10_000 and len(text) < 200:
            _PARSED_ANNOTATIONS[text] = parsed
        return parsed
    return node


_PARSED_ANNOTATIONS: Dict[str, Optional[ast.AST]] = {}


_YIELDING = frozenset({
    "AsyncIterator", "AsyncGenerator", "AsyncIterable", "Iterator", "Generator", "Iterable",
})


def _yield_type(node: Optional[ast.AST]) -> Optional[Expr]:
    """``Conn`` in ``AsyncIterator[Conn]`` / ``AsyncGenerator[Conn, None]`` (and the sync
    ones): the class a generator annotated so yields."""
    node = _annotation_node(node)
    if not isinstance(node, ast.Subscript) or last_name(describe(node.value)) not in _YIELDING:
        return None
    first = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) and node.slice.elts else (
        node.slice
    )
    return describe_type(first)


def _names_stream(node: Optional[ast.AST]) -> bool:
    """An annotation naming ``AsyncIterator`` & co (by its last name)."""
    node = _annotation_node(node)
    if isinstance(node, ast.Subscript):
        node = node.value
    return last_name(describe(node)) in ASYNC_ITERATOR_NAMES if node is not None else False


def _declares_awaited_stream(node: Optional[ast.AST]) -> bool:
    """``Awaitable[AsyncIterator[T]]``, ``Coroutine[A, B, AsyncIterator[T]]``, or a union
    (``Union[...]`` / ``|``) of an async iterator type and something else."""
    node = _annotation_node(node)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        members: List[ast.AST] = []
        stack: List[ast.AST] = [node]
        while stack:
            current = stack.pop()
            if isinstance(current, ast.BinOp) and isinstance(current.op, ast.BitOr):
                stack.extend((current.left, current.right))
            else:
                members.append(current)
        return _mixed_union(members)
    if not isinstance(node, ast.Subscript):
        return False
    outer = last_name(describe(node.value))
    inner = node.slice
    args = list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]
    if outer in ("Awaitable", "Coroutine"):
        return bool(args) and _names_stream(args[-1])
    if outer == "Union":
        return _mixed_union(args)
    return False


def _mixed_union(members: Sequence[ast.AST]) -> bool:
    streams = [m for m in members if _names_stream(m)]
    others = [
        m for m in members
        if not _names_stream(m) and not (isinstance(m, ast.Constant) and m.value is None)
    ]
    return bool(streams) and bool(others)


# A call whose arguments become ``arg`` sites if its callee may be a known API, decided when
# the walk is over (so an alias bound later in the file counts): (callee's last name, the
# call, its scope, the names shadowed there).
_Shadow = Mapping[str, Optional[Expr]]
_PendingCall = Tuple[
    str, ast.Call, int, Tuple[_Shadow, ...], Dict[str, Guard], Mapping[str, Expr]
]


class _FunctionState:
    """Per-function data gathered while walking its body."""

    __slots__ = ("facts", "returns")

    def __init__(self, facts: FunctionFacts) -> None:
        self.facts = facts
        self.returns: List[Tuple[Expr, Span, Optional[Mapping[str, Expr]]]] = []


class _HeldCalls:
    """One function's ``name = call()`` statements, and how its body reads those names.

    A call bound to a local name that the function never reads, or only tests for truth
    (``allow = self.check(url)`` then ``if allow:``), hands its object to nothing: were it a
    coroutine, it would never be awaited, whatever else the name is bound to.  Which it is,
    the checker decides; the walk decides that the name is read no other way."""

    __slots__ = ("candidates", "loads", "tested", "first_test")

    def __init__(self) -> None:
        self.candidates: List[Tuple[str, Site]] = []
        # Every read of a name in the function, nested functions' reads included.
        self.loads: Counter[str] = Counter()
        # The reads (by node id) that are truth tests: a condition, ``not``, ``bool()``.
        self.tested: Dict[str, Set[int]] = {}
        self.first_test: Dict[str, ast.AST] = {}

    def test(self, node: ast.Name) -> None:
        seen = self.tested.setdefault(node.id, set())
        if not seen:
            self.first_test[node.id] = node
        seen.add(id(node))

    def settle(self) -> List[Tuple[Site, Site]]:
        """(candidate, site to judge) for the names never read (a ``discard`` site) or only
        tested (a ``truth`` site whose ``outer`` is the first test)."""
        loads = self.loads
        if any(loads[name] for name in _FRAME_READERS):
            return []  # ``locals()``, ``eval(...)``: the names may be read another way
        settled = []
        for name, site in self.candidates:
            read = loads[name]
            if not read:
                settled.append((site, site._replace(context="discard", how=f"unused:{name}")))
            elif read == len(self.tested.get(name, ())):
                settled.append((site, site._replace(
                    context="truth", how=f"held:{name}",
                    outer=span_of(self.first_test[name]),
                )))
        return settled


def _type_variable(node: Optional[ast.AST]) -> Optional[str]:
    """The name an annotation is when it is a bare name (``F``, ``"F"``)."""
    node = _annotation_node(node)
    return node.id if isinstance(node, ast.Name) else None


def _keeps_signature(
    args: ast.arguments, returns: Optional[ast.AST], type_variables: FrozenSet[str]
) -> Optional[str]:
    """``"decorator"`` for ``def d(fn: F) -> F``, ``"factory"`` for a function returning
    ``Callable[[F], F]``, ``F`` a type variable: annotations saying the decorated function
    comes back as it was (``Any -> Any`` says nothing)."""
    if returns is None:
        return None
    positional = args.posonlyargs + args.args
    if positional and positional[0].arg in ("self", "cls"):
        positional = positional[1:]
    returned = _type_variable(returns)
    if returned is not None and returned not in type_variables:
        return None
    if returned is not None:
        if positional and _type_variable(positional[0].annotation) == returned:
            return "decorator"
        return None
    if isinstance(returns, ast.Subscript) and last_name(describe(returns.value)) == "Callable":
        parts = returns.slice
        if isinstance(parts, ast.Tuple) and len(parts.elts) == 2:
            params, result = parts.elts
            if isinstance(params, ast.List) and len(params.elts) == 1:
                name = _type_variable(params.elts[0])
                if name in type_variables and name == _type_variable(result):
                    return "factory"
    return None


# Attribute reads through which a decorator could still change the object it gives back.
_MUTATING_ATTRIBUTES = frozenset({"__setattr__", "__delattr__", "__class__", "__code__"})


# Container methods that store an argument without changing it (a registry's ``append``).
_STORING_METHODS = frozenset({"append", "add", "appendleft", "insert", "setdefault"})


def _stored_in_container(node: ast.AST, name: str) -> Optional[ast.Name]:
    """The load of ``name`` that ``node`` stores in a container as it is: ``REGISTRY[key] =
    cls``, ``handlers.append(fn)``.  A registry keeps the object; what it later does to the
    registered classes is a write that names their attributes, seen where it is written."""
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) and (
        node.value.id == name and all(isinstance(t, ast.Subscript) for t in node.targets)
    ):
        return node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
        node.func.attr in _STORING_METHODS and not node.keywords
    ):
        for arg in node.args:
            if isinstance(arg, ast.Name) and arg.id == name:
                return arg
    return None


def _gives_back_argument(
    node: Union[ast.FunctionDef, ast.AsyncFunctionDef], in_class: bool
) -> Optional[str]:
    """Whether a plain ``def`` used as a decorator gives back the very object it decorates:
    every ``return`` returns its first parameter (after ``self`` / ``cls`` in a class body),
    which it never rebinds.  ``"argument"`` when it otherwise only reads the object's
    attributes and writes private ones (discord's ``flatten_handlers``: the class comes back
    with its methods); ``"argument-shared"`` when it also hands the object on
    (``REGISTRY.append(fn); return fn``: a registered function still runs as written, but a
    class handed on may be changed).  None for anything else."""
    if isinstance(node, ast.AsyncFunctionDef) or any(
        last_name(describe(d)) == "staticmethod" for d in node.decorator_list
    ):
        return None
    positional = node.args.posonlyargs + node.args.args
    if in_class:
        positional = positional[1:]
    if not positional or node.args.vararg is not None:
        return None
    name = positional[0].arg
    returned = 0
    allowed: Set[int] = set()
    loads: List[ast.Name] = []
    stack: List[ast.AST] = list(node.body)
    while stack:
        child = stack.pop()
        if isinstance(child, (ast.Yield, ast.YieldFrom, ast.Global, ast.Nonlocal)):
            return None
        if isinstance(child, ast.Return):
            if not (isinstance(child.value, ast.Name) and child.value.id == name):
                return None
            returned += 1
            allowed.add(id(child.value))
        elif isinstance(child, ast.Attribute) and isinstance(child.value, ast.Name) and (
            child.value.id == name
        ):
            attr = child.attr
            if isinstance(child.ctx, ast.Load):
                if attr in _MUTATING_ATTRIBUTES:
                    return None
            elif not attr.startswith("_") or attr.startswith("__"):
                return None  # may replace a method (or the code) of what it gives back
            allowed.add(id(child.value))  # a read, or ``cls._HANDLERS = ...``: a private datum
        elif isinstance(child, ast.Name) and child.id == name:
            if not isinstance(child.ctx, ast.Load):
                return None  # rebound (or deleted)
            loads.append(child)
        elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and (
            name in {a.arg for a in ast.walk(child.args) if isinstance(a, ast.arg)}
        ):
            continue  # a parameter of a nested function shadows it
        else:
            stored = _stored_in_container(child, name)
            if stored is not None:
                allowed.add(id(stored))
        stack.extend(ast.iter_child_nodes(child))
    if not returned or not ends_in_exit(node.body):
        return None
    return "argument" if all(id(load) in allowed for load in loads) else "argument-shared"


_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})
_ENVIRONMENT_NAMES = frozenset({
    "version_info", "platform", "hexversion", "implementation", "PY2", "PY3", "PY37", "PY38",
    "PY39", "PY310", "PY311", "PY312", "PY313", "IS_WINDOWS", "WINDOWS", "system", "name",
})


def _catches_import_error(node: Optional[ast.AST]) -> bool:
    if isinstance(node, ast.Tuple):
        return any(_catches_import_error(element) for element in node.elts)
    return node is not None and last_name(describe(node)) in _IMPORT_ERRORS


def _tests_environment(test: ast.AST) -> bool:
    """A test on the interpreter or the platform (``sys.version_info >= (3, 11)``,
    ``sys.platform == "win32"``, ``os.name == "nt"``, ``platform.system()``)."""
    stack = [test]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Attribute):
            if node.attr in _ENVIRONMENT_NAMES:
                base = last_name(describe(node.value))
                if base in ("sys", "os", "platform") or node.attr == "version_info":
                    return True
            stack.append(node.value)
        elif isinstance(node, ast.Name):
            if node.id in _ENVIRONMENT_NAMES and node.id not in ("name", "system"):
                return True
        elif isinstance(node, (ast.Compare, ast.BoolOp, ast.UnaryOp, ast.Call, ast.Subscript)):
            stack.extend(ast.iter_child_nodes(node))
    return False


# The Python versions a project may run on, for tests on ``sys.version_info``.
_SUPPORTED_VERSIONS = [(3, minor) for minor in range(8, 16)]
_COMPARE: Dict[type, Callable[[Any, Any], bool]] = {
    ast.GtE: lambda a, b: a >= b, ast.Gt: lambda a, b: a > b,
    ast.Lt: lambda a, b: a < b, ast.LtE: lambda a, b: a <= b,
}


_EQUALITY: Dict[type, Callable[[Any, Any], bool]] = {
    ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b,
}
_FLIPPED = {ast.GtE: ast.LtE, ast.Gt: ast.Lt, ast.Lt: ast.Gt, ast.LtE: ast.GtE}


def _version_part(node: ast.AST) -> Optional[Tuple[int, Optional[int]]]:
    """How a test reads ``sys.version_info``: (start, stop) of the slice compared, ``stop``
    None for one item (``version_info[0]``, ``.major``)."""
    if last_name(describe(node)) == "version_info" and not isinstance(node, ast.Subscript):
        return (0, 99)
    if isinstance(node, ast.Attribute) and node.attr in ("major", "minor"):
        if last_name(describe(node.value)) == "version_info":
            return (0 if node.attr == "major" else 1, None)
    if isinstance(node, ast.Subscript) and last_name(describe(node.value)) == "version_info":
        index = node.slice
        if isinstance(index, ast.Constant) and isinstance(index.value, int):
            return (index.value, None)
        if isinstance(index, ast.Slice) and index.lower is None and index.step is None and (
            isinstance(index.upper, ast.Constant) and isinstance(index.upper.value, int)
        ):
            return (0, index.upper.value)
    return None


def _version_test(test: ast.AST, decided: Optional[Dict[str, bool]] = None) -> Optional[bool]:
    """``sys.version_info >= (3, 99)``: False on every Python 3.8 to 3.15 (``(2, 7)``: True),
    so one branch never runs; None when it depends on the version, or is no such test. Also
    ``version_info[0] == 2``, ``.major``, ``[:2]``, reversed comparisons, ``not`` / ``and`` /
    ``or`` of decided tests, and names assigned a decided test (``PY2 = ...``)."""
    if isinstance(test, ast.Name) and decided is not None:
        return decided.get(test.id)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _version_test(test.operand, decided)
        return None if inner is None else not inner
    if isinstance(test, ast.BoolOp):
        values = [_version_test(v, decided) for v in test.values]
        if isinstance(test.op, ast.And):
            return False if False in values else (True if all(values) else None)
        return True if True in values else (False if all(v is False for v in values) else None)
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    left, op, right = test.left, type(test.ops[0]), test.comparators[0]
    if last_name(describe(left)) == "hexversion" and isinstance(right, ast.Constant) and (
        isinstance(right.value, int) and op in _COMPARE
    ):
        hexed = {_COMPARE[op]((3 << 24) | (minor << 16), right.value)
                 for _, minor in _SUPPORTED_VERSIONS}
        return hexed.pop() if len(hexed) == 1 else None
    part = _version_part(left)
    if part is None:
        part, left, right = _version_part(right), right, left
        if part is None or op not in _FLIPPED:
            return None
        op = _FLIPPED[op]
    bound: Any
    if isinstance(right, ast.Tuple) and all(
        isinstance(e, ast.Constant) and isinstance(e.value, int) for e in right.elts
    ):
        bound = tuple(e.value for e in right.elts)  # type: ignore[attr-defined]
    elif isinstance(right, ast.Constant) and isinstance(right.value, int) and part[1] is None:
        bound = right.value
    else:
        return None
    compare = _COMPARE.get(op) or _EQUALITY.get(op)
    if compare is None:
        return None
    results = set()
    for version in _SUPPORTED_VERSIONS:
        start, stop = part
        value: Any = version[start] if stop is None else version[start:stop]
        if isinstance(bound, tuple):
            value = value[: len(bound)]
        results.add(compare(value, bound))
    return results.pop() if len(results) == 1 else None


def _binds_none(binding: Binding) -> bool:
    """``name = None`` (also among alternatives)."""
    if isinstance(binding, AlternativesBinding):
        return any(_binds_none(option) for option in binding.options)
    return isinstance(binding, ValueBinding) and binding.expr == NONE_LITERAL


def _excluding(first: Tuple[Tuple[int, int], ...], second: Tuple[Tuple[int, int], ...]) -> bool:
    """Whether two branch paths run through different arms of one ``if`` or ``try``."""
    for (node_a, arm_a), (node_b, arm_b) in zip(first, second):
        if node_a != node_b:
            return False
        if arm_a != arm_b:
            return True
    return False


_CONTAINERS = frozenset({"list", "set", "dict", "tuple", "frozenset"})
_END_SHADOW = object()  # marks where a lambda's or comprehension's names go out of scope
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class _Collector:
    def __init__(self, module: str, is_package: bool, call_names: FrozenSet[str]) -> None:
        self.module = module
        self.is_package = is_package
        self.call_names = call_names
        self.scopes: List[Scope] = []
        self.functions: Dict[int, _FunctionState] = {}
        self.sites: List[Site] = []
        self.pending_calls: List[_PendingCall] = []
        # Straight-line values in the function being walked: a name assigned in its body's
        # own sequence of statements (not in a branch or loop), with no binding of it since,
        # holds what that assignment gave (``message = bot.send_message(...)`` after the
        # parameter ``message``).  Replaced, never changed in place: sites keep a reference.
        self.current: Mapping[str, Expr] = _NOTHING
        self.straight = False
        # While walking a statement of the straight line: names of ``current`` read as a
        # whole (not as ``x.attr``, ``x[k]``, ``x()``, whose nodes are in ``based``).
        self.escaped: Set[str] = set()
        # Straight-line values that are one of two (``x or f()``, ``f() if c else x``, ``if
        # not x: x = f()``), by id, with how many ``if`` arms enclosed the binding: a read
        # inside a later ``if`` may be under the condition that chose (``if use_async: await
        # x``), so it does not take the value (see ``_reaching``).
        self.conditional: Dict[int, Tuple[Expr, int]] = {}
        self.if_depth = 0
        # For each enclosing ``if`` arm, the names its test says are true there (``if x:``,
        # ``if x is not None:``): a coroutine is both, so a fallback bound outside still
        # reaches a use inside.
        self.if_truthy: List[FrozenSet[str]] = []
        self.based: Set[int] = set()
        # Sites made where some of their names had straight-line values (by id), and those
        # values; likewise ``return`` values, by function and index in ``facts.returns``:
        # used when the name ends up bound more than once (see ``_use_straight_values``).
        self.reaching_sites: Dict[int, Tuple[Site, Mapping[str, Expr]]] = {}
        self.reaching_returns: List[Tuple[int, FunctionFacts, int, Mapping[str, Expr]]] = []
        self.stars: List[Optional[str]] = []
        self.exports: Optional[List[str]] = None
        self.exports_computed = False
        self.after_star: Set[str] = set()
        self.aliases: Set[str] = set()
        # Names bound to ``AsyncIterator`` & co under another name (``AI = t.AsyncIterator``).
        self.iterator_aliases: Set[str] = set()
        self.annotated_coroutines: List[Tuple[int, Expr, Span]] = []
        # Classes deriving from a builtin container: constructing one iterates the argument.
        self.container_classes: Set[str] = set()
        # (scope, name) of ``@overload`` signatures that return an async iterator.
        self.stream_overloads: Set[Tuple[int, str]] = set()
        # (scope, name) -> the scopes of the ``@overload`` signatures met so far.
        self.overload_scopes: Dict[Tuple[int, str], List[int]] = {}
        # class scope -> attribute -> [(method name, scope of the assignment, binding)]
        self.instance_attrs: Dict[int, Dict[str, List[Tuple[str, int, Binding]]]] = {}
        # Last names of containers the module changes in place (``handlers.append(...)``,
        # ``self.pool[key] = ...``, ``+=``): their displays say nothing of what they hold.
        self.mutated: Set[str] = set()
        self.patched: Set[str] = set()
        self.patch_sites: Dict[str, List[Tuple[Expr, int]]] = {}
        # Classes whose methods write ``self``'s attributes by computed names.
        self.dynamic_classes: Set[int] = set()
        # Names an enclosing ``if inspect.is…(name):`` narrows here.
        self.guards: Dict[str, Guard] = {}
        # ``try``/``except ImportError`` and ``if sys.version_info ...`` statements (by id).
        self.environment_branches: Set[int] = set()
        # How many enclosing ``if`` statements test the environment (see ``Site``).
        self.environment_depth = 0
        # Module-level names bound inside an environment branch (``HAS_FAST = True`` beside an
        # import that may fail).
        self.environment_names: Set[str] = set()
        # Module-level names assigned ``TypeVar(...)`` / ``ParamSpec(...)``.
        self.type_variable_names: Set[str] = set()
        # Module-level ``Name = <annotation-like expression>``: aliases parameter annotations
        # may use (starlette's ``ContentStream = AsyncContentStream | SyncContentStream``).
        self.type_aliases: Dict[str, ast.expr] = {}
        # Module-level names assigned a decided version test (``PY2 = sys.version_info[0] == 2``).
        self.decided_names: Dict[str, bool] = {}
        # Module-level names assigned ``False`` (``_IS_SYNC = False``).
        self.false_constants: Set[str] = set()
        # Names passed to ``isinstance`` / ``issubclass`` / ``type`` in the current function.
        self.type_tested: Set[str] = set()
        # Names a condition passes to a call (``if is_given(x)``): see :meth:`truth`.
        self.predicate_tested: Set[str] = set()
        # Names an enclosing ``if isinstance(name, ...)`` body narrows: see :meth:`_if_arm`.
        self.isinstance_narrowed: List[FrozenSet[str]] = []
        # Names the function body awaits (``await text``) or asks whether they are awaitable
        # (``inspect.isawaitable(text)``): with a type test, it takes awaitables on purpose.
        self.handles_awaitables: Set[str] = set()
        self.globals: Dict[int, List[str]] = {}
        # The branch arms enclosing the statement being walked: ((statement id, arm), ...),
        # and the arms each name of a scope was bound in (for alternatives).
        self.arm: Tuple[Tuple[int, int], ...] = ()
        # The ``if`` statement of the function's own straight line being walked, and, in the
        # body of one testing that a name is missing (``if client is None:``), that arm and
        # the name (see :meth:`_param_fallback`).
        self.top_branch: Optional[int] = None
        self.fallback_arm: Optional[Tuple[Tuple[int, int], str]] = None
        self.arms: Dict[Tuple[int, str], List[Tuple[Tuple[int, int], ...]]] = {}
        self.nonlocals: Dict[int, List[str]] = {}
        # (function scope, name) a nested function rebinds through ``nonlocal``.
        self.written_inside: Set[Tuple[int, str]] = set()
        self.sid = self._new_scope(Scope("module", "<module>", "<module>", -1, 0))
        self.in_lambda = 0
        self.in_comprehension: Set[int] = set()
        # Private names (``_name``, ``obj._name``) read, and how many of those reads are the
        # callee of an awaited call (``await self._stream(...)``).
        self.private_uses: Counter[str] = Counter()
        self.private_awaited_calls: Counter[str] = Counter()
        # ``asyncio.start_server(callback, ...)`` calls: (scope, callback, ``asyncio`` as
        # written), for :func:`_declare_server_callbacks`.
        self.server_callbacks: List[Tuple[int, Expr, Expr]] = []
        # Every function's parameters as written, and the calls of private names that pass
        # no argument (those that do are pending calls): see :mod:`passedargs`.
        self.signatures: Dict[int, HelperSignature] = {}
        self.bare_private_calls: List[HelperCall] = []
        self.tested_calls: Set[int] = set()  # ids of the calls already a ``truth`` site
        self.held = _HeldCalls()  # the current function's (at module level: never settled)
        # Comprehensions handed to ``all`` / ``any`` (by id): their elements are truth tests.
        self.truth_folds: Dict[int, str] = {}
        # Nodes in the arms of a conditional expression that tests what a value is (by id).
        self.kind_guarded: Set[int] = set()
        self.started: Set[str] = set()  # names a ``.send(None)`` started in this function
        # Names shadowed by enclosing lambdas and comprehensions: a site using them is
        # evaluated in a scope the summary does not model, so it is not a site.
        # Names a lambda or comprehension binds, innermost last: what a comprehension's
        # variable takes from its iterable (``ElementExpr``), None when not known.
        self.shadows: List[Mapping[str, Optional[Expr]]] = []

    # -- scopes and bindings ---------------------------------------------------------------
    def _new_scope(self, scope: Scope) -> int:
        self.scopes.append(scope)
        return len(self.scopes) - 1

    def _qualname(self, name: str) -> str:
        return f"{self.scopes[self.sid].qualname}.{name}" if self.sid > 0 else name

    def bind(self, name: str, binding: Binding) -> None:
        if name in self.current:
            self.current = {k: v for k, v in self.current.items() if k != name}
        if self.sid == 0:
            self.after_star.add(name)
            if self.arm and self._decisive(self.arm):
                self.environment_names.add(name)
        table = self.scopes[self.sid].bindings
        old = table.get(name)
        fallback = self._param_fallback(name, old, binding)
        if fallback is not None:
            table[name] = fallback
            return
        if old is None or isinstance(old, DeclaredBinding):
            table[name] = binding
            if self.arm:
                self.arms[(self.sid, name)] = [self.arm]
        elif old != binding and not isinstance(binding, DeclaredBinding):
            table[name] = self._alternatives(name, old, binding)

    def _redefines(self, node: Union[ast.FunctionDef, ast.AsyncFunctionDef]) -> bool:
        """Whether ``node`` replaces an undecorated ``def`` of the same name bound earlier in
        the same class body or module, outside any branch, and is undecorated itself (a
        property's ``@x.setter`` builds on the first)."""
        scope = self.scopes[self.sid]
        if scope.kind == "function" or self.arm or node.decorator_list:
            return False
        old = scope.bindings.get(node.name)
        if not isinstance(old, DefBinding):
            return False
        facts = self.scopes[old.scope].function
        return facts is not None and not facts.decorators

    def _param_fallback(
        self, name: str, old: Optional[Binding], new: Binding
    ) -> Optional[ParamBinding]:
        """``client: Optional[Client] = None`` rebound once as ``client = client or
        Default()`` in the function's straight line, or as ``client = Default()`` directly
        in the body of ``if client is None:`` / ``if not client:``: the parameter holds the
        argument or that value (a :class:`ParamBinding` with a ``fallback``); None for any
        other binding."""
        if not isinstance(old, ParamBinding) or old.declared is None or (
            old.fallback is not None or not isinstance(new, ValueBinding)
        ) or new.declared is not None:
            return None
        expr = new.expr
        if not self.arm:
            if isinstance(expr, IfExpr) and expr.or_ and expr.body == NameExpr(name) and (
                self.straight
            ):
                return old._replace(fallback=expr.orelse)
            return None
        if self.fallback_arm is not None and self.fallback_arm == (self.arm[-1], name):
            return old._replace(fallback=expr)
        return None

    def _alternatives(self, name: str, old: Binding, new: Binding) -> Binding:
        """``old`` and ``new`` as alternatives when every earlier binding of ``name`` lies in
        an arm excluding the current one (``if``/``else``, ``try``/``except``), else unknown."""
        earlier = self.arms.get((self.sid, name))
        simple = (UnknownBinding, AlternativesBinding)
        if (_binds_none(old) or _binds_none(new)) and not isinstance(new, simple) and (
            old != UNKNOWN_BINDING
        ):
            # ``x = None`` beside ``x = Conn()``: whichever holds, a protocol misuse of ``x``
            # fails (``None`` supports none), so the value is the others' if they agree.
            options = old.options if isinstance(old, AlternativesBinding) else (old,)
            return old if new in options else AlternativesBinding(options + (new,))
        if (
            not earlier or isinstance(new, simple) or old == UNKNOWN_BINDING
            or not all(_excluding(arm, self.arm) for arm in earlier)
        ):
            self.arms.pop((self.sid, name), None)
            return UNKNOWN_BINDING
        environment = (
            (not isinstance(old, AlternativesBinding) or old.by_environment)
            and self._decisive(self.arm) and all(self._decisive(arm) for arm in earlier)
        )
        earlier.append(self.arm)
        options = old.options if isinstance(old, AlternativesBinding) else (old,)
        assert not isinstance(new, AlternativesBinding)
        if new in options:
            return old
        return AlternativesBinding(options + (new,), environment)

    def _decisive(self, arm: Tuple[Tuple[int, int], ...]) -> bool:
        """Whether the innermost branch of ``arm`` is chosen by the environment."""
        return bool(arm) and arm[-1][0] in self.environment_branches

    def bind_target(self, target: ast.AST) -> None:
        """Every name bound by an assignment target other than ``name = value``."""
        if isinstance(target, ast.Name):
            self.bind(target.id, UNKNOWN_BINDING)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self.bind_target(elt)
        elif isinstance(target, ast.Starred):
            self.bind_target(target.value)
        elif isinstance(target, ast.Attribute):
            self._instance_attr(target, UNKNOWN_BINDING)
            self.expr(target.value)
        else:
            if isinstance(target, ast.Subscript):
                self._mutates(target.value)
            self.expr(target)

    def _mutates(self, container: ast.AST) -> None:
        name = container.id if isinstance(container, ast.Name) else (
            container.attr if isinstance(container, ast.Attribute) else None
        )
        if name is not None:
            self.mutated.add(name)

    def _instance_attr(self, target: ast.Attribute, binding: Binding) -> None:
        """Record ``self.x = ...``; any other ``obj.x = ...`` marks ``x`` as patched."""
        name = target.value.id if isinstance(target.value, ast.Name) else None
        sid = self.sid
        while name is not None and sid > 0 and self.scopes[sid].kind == "function":
            scope = self.scopes[sid]
            parent = scope.parent
            facts = scope.function
            if (
                facts is not None and facts.first_param == name
                and parent >= 0 and self.scopes[parent].kind == "class"
            ):
                if name in self.scopes[self.sid].bindings and sid != self.sid:
                    break  # a local of the nested function, not the method's ``self``
                # From a function nested in the method: not the method's own assignment.
                method = scope.name if sid == self.sid else "<nested>"
                table = self.instance_attrs.setdefault(parent, {})
                table.setdefault(target.attr, []).append((method, self.sid, binding))
                return
            if name in scope.bindings and sid != self.sid:
                break
            sid = parent
        if name is not None and not target.attr.startswith("_"):
            # ``user = session.get(User, 1)`` then ``user.name = new``: a coroutine takes no
            # attributes either (an ``attr`` site, judged as a read is).
            self._attribute_site(target.value, SET_ATTRIBUTE + target.attr)
        self._patch(target.attr, target.value)

    def _patch(self, attr: str, obj: ast.AST) -> None:
        """``obj.attr = ...`` (or ``setattr(obj, "attr", ...)``) on an object other than
        ``self``."""
        self.patched.add(attr)
        self.patch_sites.setdefault(attr, []).append((describe(obj), self.sid))

    def _type_variables(self, node: ast.AST) -> FrozenSet[str]:
        """Type variables a signature may use: module-level ``F = TypeVar("F", ...)`` (or
        ``ParamSpec``) bound before it, and the function's own ``[F]`` parameters."""
        found = {
            name for name in self.type_variable_names
            if (binding := self.scopes[0].bindings.get(name)) is not None
            and isinstance(binding, ValueBinding) and isinstance(binding.expr, CallExpr)
        }
        for param in getattr(node, "type_params", None) or ():
            name = getattr(param, "name", None)
            if isinstance(name, str):
                found.add(name)
        return frozenset(found)

    def _rebinds_builtin(self, name: str) -> bool:
        """Whether ``name`` is bound in this scope or at module level (so not the builtin)."""
        return name in self.scopes[self.sid].bindings or name in self.scopes[0].bindings

    def _self_attr_called(self, name: str, attr: str) -> bool:
        """``self.client`` in a method, where a method of the class met so far stores what a
        call gave (``self.client = create_client(url)``, un-awaited in ``__init__``)."""
        scope = self.scopes[self.sid]
        facts = scope.function
        if facts is None or facts.first_param != name or scope.parent < 0:
            return False
        table = self.instance_attrs.get(scope.parent)
        if table is None or attr not in table:
            return False
        return any(
            isinstance(binding, ValueBinding) and type(binding.expr) is CallExpr
            for _, _, binding in table[attr]
        )

    def _attribute_site(self, base: Any, how: str) -> None:
        """``f().attr`` and ``x.attr`` with ``x = f(...)`` bound in this scope: an attribute
        ``how`` of what a call gave (a coroutine has no ``json``); ``how=ITEM_ACCESS``:
        ``f()[key]``, an item of it (a coroutine is not subscriptable); ``how=CALL_ACCESS``:
        ``x(...)``, a call of it (a coroutine is not callable)."""
        kind = type(base)
        if kind is ast.Call:
            func = base.func
            if type(func) is ast.Name and func.id in ("super", "type"):
                return
        elif kind is ast.Name:
            if not self._names_call_result(base.id):
                return
        elif kind is ast.Attribute:
            # ``request.json.get(...)``: ``json`` may be a property whose getter is a
            # coroutine function (quart's request), so reading it gives a coroutine.  Judged
            # as any value on a module-level name, imported or global, and on ``self.client``
            # holding an un-awaited call; on other chains (``self`` and locals are everywhere)
            # only where a property answers (a ``getter`` site, screened cheaply).
            root = base.value
            judged = type(root) is ast.Name and not base.attr.startswith("__") and (
                root.id not in self.scopes[self.sid].bindings and isinstance(
                    self.scopes[0].bindings.get(root.id), _IMPORTED
                ) or self._self_attr_called(root.id, base.attr)
            )
            if not judged:
                if _may_be_getter_read(base):
                    self.site("attr", base, how=how, getter=True)
                return
        elif kind is ast.BoolOp:
            if type(base.op) is not ast.Or or type(base.values[-1]) is not ast.Call:
                return  # ``(self.user or self.fetch()).id``: the call's on some path
        elif kind is not ast.Await or type(base.value) is not ast.Call:
            return
        self.site("attr", base, how=how)

    def _wait_elements(self, node: ast.Call) -> None:
        """``asyncio.wait([fetch(u) for u in urls])``: each element of the display (or the
        comprehension's element) given as ``fs`` is an ``arg`` site of its own (position
        :data:`kinds.WAIT_ELEMENT`), judged where the call is."""
        fs: Any = node.args[0] if node.args else next(
            (k.value for k in node.keywords if k.arg == "fs"), None
        )
        self._element_sites(fs, CallArg(describe(node.func), WAIT_ELEMENT, 1))

    def _consumed_elements(self, node: ast.Call, func: ast.expr, name: str) -> None:
        """``"".join(client.get(k) for k in keys)``, ``sum(c.count() for c in carts)``,
        ``sorted([...])``, ``json.dumps({k: store.get(k) for k in keys})``: the consumer uses
        each element as a string, a number, an ordered or a serialisable value, so each element
        of the display or comprehension written as its one argument is an ``arg`` site
        (position :data:`kinds.CONSUMED_ELEMENT`), judged where the call is.  Not when a
        keyword changes what is used (``key=``, ``default=``, ``cls=``) or for ``*args``."""
        if len(node.args) != 1 or type(node.args[0]) is ast.Starred:
            return
        keywords = {k.arg for k in node.keywords}
        if None in keywords or keywords & _ELEMENT_HOOKS:
            return
        if type(func) is ast.Name:
            if name not in _ELEMENT_BUILTINS or self._rebinds_builtin(name):
                return
        elif type(func) is not ast.Attribute or name not in _ELEMENT_METHODS:
            return
        argument = node.args[0]
        if name in _ORDERING_BUILTINS and type(argument) in _SHORT_DISPLAYS and (
            len(argument.elts) < 2  # type: ignore[attr-defined]
        ):
            return  # ``max([fetch()])``: one element is never compared
        self._element_sites(
            argument, CallArg(describe(func), CONSUMED_ELEMENT, 1),
            mapping=name in _SERIALISERS,
        )

    def _element_sites(self, container: Any, call: CallArg, mapping: bool = False) -> None:
        """An ``arg`` site (``call``) for each element of a display, or for the element of a
        sync comprehension (in the scope its variables make), that ``container`` is; with
        ``mapping``, also each value of a dict display or comprehension."""
        kind = type(container)
        pushed = False
        if kind is ast.List or kind is ast.Tuple or kind is ast.Set:
            elements = [e for e in container.elts if type(e) is not ast.Starred]
        elif mapping and kind is ast.Dict:
            elements = [v for k, v in zip(container.keys, container.values) if k is not None]
        elif (kind in _ELEMENT_COMPREHENSIONS or (mapping and kind is ast.DictComp)) and not any(
            g.is_async for g in container.generators
        ):
            elements = [container.value if kind is ast.DictComp else container.elt]
            self.shadows.append(self._comprehension_variables(container.generators))
            pushed = True
        else:
            return
        for element in elements:
            found = self.site("arg", element, call=call)
            if found is not None:
                self.sites.append(found)
        if pushed:
            self.shadows.pop()

    def _send(self, node: ast.Call, func: ast.Attribute) -> None:
        """``channel.send("hi")`` on what a call gave: a site when a coroutine's ``send``
        rejects it, unless the name was started by an earlier ``send(None)`` (or a ``send``
        of a name that may be ``None``): code driving a coroutine by hand."""
        receiver = func.value
        named = receiver.id if type(receiver) is ast.Name else None
        if not _sends_message(node):
            if named is not None:
                self.started.add(named)
        elif named is None or named not in self.started:
            self._attribute_site(func.value, SEND_CALL)

    def _dynamic_attributes(self, target: ast.AST) -> bool:
        """``self.__dict__``, ``vars(self)``, ``setattr(self, name, ...)`` in a method: the
        instance may hold any attribute, whatever ``__init__`` assigns.  Whether ``target``
        was a method's ``self``."""
        if not isinstance(target, ast.Name):
            return False
        sid = self.sid
        while sid > 0 and self.scopes[sid].kind == "function":
            scope = self.scopes[sid]
            facts = scope.function
            if facts is not None and facts.first_param == target.id:
                if self.scopes[scope.parent].kind == "class":
                    self.dynamic_classes.add(scope.parent)
                    return True
                return False
            sid = scope.parent
        return False

    def site(
        self,
        context: Context,
        node: ast.AST,
        outer: Optional[ast.AST] = None,
        how: str = "",
        call: Optional[CallArg] = None,
        listed: bool = True,
        getter: bool = False,
    ) -> Optional[Site]:
        """The site of ``node`` (None when nothing could be judged there), listed unless
        ``call`` (an argument: judged with its call) or ``listed`` is false (kept for later)."""
        if id(node) in self.kind_guarded:
            return None
        described = describe(node)
        if type(described) is UnknownExpr or type(described) is LiteralExpr:
            return None  # nothing is known, or a display of a builtin type: no rule fires
        expr = self._unshadowed(described)
        if expr is None:
            return None
        if self.isinstance_narrowed:
            root = root_names(expr)
            if root and any(root[0] in names for names in self.isinstance_narrowed):
                return None
        guard = None
        if self.guards:
            root = root_names(expr)
            if root:
                guard = self.guards.get(root[0])
        found = Site(
            context, self.sid, expr, span_of(node),
            span_of(outer) if outer is not None else None, how, call, guard,
            self.environment_depth > 0, getter,
        )
        self._remember_reaching(found, self._reaching(expr))
        if call is None and listed:
            self.sites.append(found)
        return found

    def _unshadowed(self, expr: Expr) -> Optional[Expr]:
        """``expr`` as the enclosing scope can evaluate it: a comprehension's variable
        replaced by what it takes from its iterable (``repo.rows()`` in ``... for repo in
        repos`` is ``<element of repos>.rows()``); None when it depends on a name a lambda or
        comprehension binds otherwise."""
        if not self.shadows:
            return expr
        if self.scopes[self.sid].kind == "class":
            return None  # a lambda or comprehension in a class body does not see the class
        found: Dict[str, Expr] = {}
        for name in root_names(expr):
            for shadow in reversed(self.shadows):
                if name in shadow:
                    source = shadow[name]
                    if source is None:
                        return None
                    found[name] = source
                    break
        return substitute_roots(expr, found) if found else expr

    # -- statements ------------------------------------------------------------------------
    def body(self, stmts: List[ast.stmt]) -> None:
        handlers = self.HANDLERS
        guards = self.guards
        for stmt in stmts:
            handler = handlers.get(type(stmt))
            before = self.current
            tracking = self.straight and bool(before)
            if tracking:
                self.escaped.clear()
                self.based.clear()
            if self.straight and type(stmt) in _BRANCHING:
                self._branching(stmt, handler)
            elif handler is not None:
                handler(self, stmt)
            else:
                self.other_statement(stmt)
            escaped = self.escaped
            if tracking and escaped:
                # Handed on (``asyncio.run(message)``, ``await job``, ``tasks.append(job)``):
                # what the name holds may have been consumed; a later read is not judged as
                # the assignment's value (an assignment in the statement itself still is).
                self.current = {
                    k: v for k, v in self.current.items()
                    if k not in escaped or v is not before.get(k)
                }
        self.guards = guards  # a guard set after an early return ends with its block

    def _branching(self, stmt: ast.stmt, handler: Any) -> None:
        """An ``if``, loop, ``try`` or ``match`` in a function's straight line: a name bound
        in it has no straight-line value after it (an arm may not run), nor, in a loop,
        anywhere inside it (the body runs again); ``bind`` drops it where the binding is met,
        so only loops are searched first."""
        if self.current and type(stmt) in _LOOPS:
            bound = _bound_names(stmt)
            if bound & self.current.keys():
                self.current = {k: v for k, v in self.current.items() if k not in bound}
        self.straight = False
        before = self.current
        top, self.top_branch = self.top_branch, id(stmt)
        if handler is not None:
            handler(self, stmt)
        else:
            self.other_statement(stmt)
        self.top_branch = top
        self.straight = True
        if type(stmt) is ast.If and not self.in_lambda:
            self._fallbacks(stmt, before)

    def _fallbacks(self, stmt: ast.If, before: Mapping[str, Expr]) -> None:
        """``if not user: user = get_default_user()`` in a function's straight line: after
        it, ``user`` holds its value before, or on the path through the body, the body's last
        top-level assignment to it (when nothing later in the body, nor the ``else``, binds it
        and the body does not leave).  Not over a value that is already one of two: a second
        ``if`` on the same condition may undo the first (``if is_async: x = await x``)."""
        body = stmt.body
        if not body or isinstance(body[-1], _EXITS) or not any(
            type(node) is ast.Assign and len(node.targets) == 1
            and type(node.targets[0]) is ast.Name for node in body
        ):
            return  # (most ``if`` bodies assign no name at their top level: nothing to walk)
        otherwise: FrozenSet[str] = frozenset().union(*(_bound_names(s) for s in stmt.orelse))
        later: Set[str] = set()
        globals_ = self.scopes[self.sid].global_names
        for index in range(len(body) - 1, -1, -1):
            node = body[index]
            if (
                type(node) is ast.Assign and len(node.targets) == 1
                and type(node.targets[0]) is ast.Name
            ):
                name = node.targets[0].id
                if name in later or name in otherwise or name in globals_:
                    later |= _bound_names(node)
                    continue
                later.add(name)
                value = describe(node.value)
                if type(value) is UnknownExpr or type(value) is LiteralExpr:
                    continue
                previous = before.get(name)
                if previous is not None and self._conditional_depth(previous) is not None:
                    continue
                inside = frozenset().union(*(_bound_names(s) for s in body[:index]))
                outer = {k: v for k, v in before.items() if k not in inside and k != name}
                if outer:
                    value = substitute_roots(value, outer)
                joined = IfExpr(value, previous if previous is not None else NameExpr(name))
                self.current = {**self.current, name: joined}
                self.conditional[id(joined)] = (joined, self.if_depth)
            else:
                later |= _bound_names(node)

    def _conditional_depth(self, value: Expr) -> Optional[int]:
        """For a straight-line value whose root is one of two values (see
        ``conditional``): the ``if`` depth it was bound at; None otherwise."""
        root = chain_root(value)
        found = self.conditional.get(id(root))
        return found[1] if found is not None and found[0] is root else None

    def _straight_value(self, name: str, value: Expr) -> None:
        """``name = node`` in a function's straight line: its value from here on, with the
        names it reads replaced by their own straight-line values (``response =
        response.json()``)."""
        if not self.straight or self.in_lambda or name in self.scopes[self.sid].global_names:
            return
        if type(value) is UnknownExpr or type(value) is LiteralExpr:
            return  # nothing known, or a builtin object no rule judges (bind() dropped the old)
        if self.current:
            value = substitute_roots(value, self.current)
        if type(value) is IfExpr and id(value) not in self.conditional:
            self.conditional[id(value)] = (value, self.if_depth)  # ``x = cached or fetch()``
        self.current = {**self.current, name: value}

    def _remember_reaching(self, site: Site, reaching: Optional[Mapping[str, Expr]]) -> None:
        if reaching is not None:
            self.reaching_sites[id(site)] = (site, reaching)

    def _reaching(self, expr: Expr) -> Optional[Mapping[str, Expr]]:
        """The straight-line values of the names ``expr`` reads, if any."""
        current = self.current
        if not current:
            return None
        found = {name: current[name] for name in root_names(expr) if name in current}
        if not self.conditional:
            return found or None
        for name, value in list(found.items()):
            depth = self._conditional_depth(value)
            if depth is not None and not (
                depth <= self.if_depth
                and all(name in names for names in self.if_truthy[depth:])
            ):
                del found[name]  # under an ``if`` that may be the one that chose
        return found or None

    def other_statement(self, node: ast.stmt) -> None:
        for child in _children(node):
            if isinstance(child, ast.expr):
                self.expr(child)

    def assign(self, node: ast.Assign) -> None:
        value = self._assign(node)
        if len(node.targets) == 1 and type(node.targets[0]) is ast.Name and type(
            node.value
        ) is ast.Call and self.sid in self.functions and not self.in_lambda and (
            node.targets[0].id not in self.globals.get(self.sid, ())
            and node.targets[0].id not in self.nonlocals.get(self.sid, ())
        ):  # (a ``global`` or ``nonlocal`` name is read elsewhere)
            # ``allow = self.check(url)``: judged when the function's reads of ``allow`` are known.
            site = self.site("discard", node.value, listed=False)
            if site is not None:
                self.held.candidates.append((node.targets[0].id, site))
        if self.straight and len(node.targets) == 1 and type(node.targets[0]) is ast.Name:
            self._straight_value(node.targets[0].id, value)

    def _assign(self, node: ast.Assign) -> Expr:
        """Bind the targets; the value as described."""
        self.expr(node.value)
        if any(isinstance(target, (ast.Tuple, ast.List)) for target in node.targets):
            self.site("iter", node.value, how="target_unpacking")  # ``a, b = pair()``
        if self.sid == 0 and isinstance(node.value, (ast.Compare, ast.BoolOp, ast.UnaryOp)):
            decided = _version_test(node.value, self.decided_names)
            if decided is not None:
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.decided_names[target.id] = decided
        if self.sid == 0 and isinstance(node.value, ast.Call) and last_name(
            describe(node.value.func)
        ) in ("TypeVar", "ParamSpec"):
            self.type_variable_names.update(
                t.id for t in node.targets if isinstance(t, ast.Name)
            )
        if self.sid == 0:
            named = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if isinstance(node.value, ast.Constant) and node.value.value is False:
                self.false_constants.update(named)
            else:
                self.false_constants.difference_update(named)  # bound again: not that constant
        if self.sid == 0 and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            self._exports(node.value)
        if self.sid == 0 and isinstance(
            node.value, (ast.Subscript, ast.BinOp, ast.Name, ast.Attribute)
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.type_aliases[target.id] = node.value
        # A module-level alias of a generic class keeps its type arguments
        # (aiohttp's ``_RequestContextManager = _BaseRequestContextManager[ClientResponse]``).
        value = describe_generic(node.value) if self.sid == 0 else describe(node.value)
        if self.sid == 0 and (_wraps_one_type(node.value) or _names_a_union(node.value)):
            # ``RepoDep = Annotated[Repo, Depends(...)]`` (FastAPI's style), ``MaybeRepo =
            # Optional[Repo]``: as an annotation, the alias declares a ``Repo``.
            value = describe_type(node.value) or value
        alias = last_name(value) if isinstance(value, (NameExpr, AttrExpr)) else None
        # ``_AS = TypeVar("_AS", bound="AsyncSession")``: as an annotation, an instance of the
        # bound (or of a subclass), as a type checker reads a type variable it cannot solve.
        bound = _type_variable_bound(node.value) if self.sid == 0 else None
        for target in node.targets:
            if isinstance(target, ast.Name):
                self.bind(target.id, ValueBinding(value, None, bound))
                if alias is not None and alias in self.call_names:
                    self.aliases.add(target.id)  # ``spawn = asyncio.create_task``
                iterator = last_name(strip_subscript(value))
                if iterator in ASYNC_ITERATOR_NAMES:
                    self.iterator_aliases.add(target.id)
            elif isinstance(target, ast.Attribute):
                self._instance_attr(target, ValueBinding(value, self.sid))
                self.expr(target.value)
            elif type(value) is not UnknownExpr and (names := _unpacked_names(target)):
                # ``reader, writer = await asyncio.open_connection(...)``: each name takes its
                # position's item (known from a display, an annotation or by name).
                for index, name in enumerate(names):
                    self.bind(name, ValueBinding(ItemExpr(value, index, len(names))))
            else:
                self.bind_target(target)
        return value

    def ann_assign(self, node: ast.AnnAssign) -> None:
        self.expr(node.annotation)
        if (
            self.sid == 0 and isinstance(node.target, ast.Name)
            and isinstance(node.value, ast.Constant) and node.value.value is False
        ):
            self.false_constants.add(node.target.id)  # ``_IS_SYNC: Final = False``
        target = node.target
        if self.sid == 0 and isinstance(target, ast.Name) and target.id == "__all__" and (
            node.value is not None
        ):
            self._exports(node.value)  # ``__all__: list[str] = [...]`` (motor's stubs)
        declared = describe_type(node.annotation)
        in_class = self.scopes[self.sid].kind == "class"
        if node.value is not None:
            self.expr(node.value)
            value = describe(node.value)
            if self.sid == 0 and last_name(describe(node.annotation)) == "TypeAlias":
                # ``Authorizer: TypeAlias = Callable[..., Awaitable[bool]]``: an alias keeps
                # its type arguments, as with a plain assignment (``assign``).
                value = describe_generic(node.value)
            if isinstance(target, ast.Name) and in_class:
                # A field declaration (dataclass, attrs, pydantic): instances may hold
                # something else than the default, of the declared type.
                self.bind(target.id, DeclaredBinding(declared))
            elif isinstance(target, ast.Name):
                self.bind(target.id, ValueBinding(value, None, declared))
            elif isinstance(target, ast.Attribute):
                self._instance_attr(target, ValueBinding(value, self.sid, declared))
                self.expr(target.value)
            else:
                self.expr(target)
        elif isinstance(target, ast.Name) and self.sid == 0:
            # A module variable declared by its annotation (a stub's ``stdout: TextWrapper``,
            # or a global assigned in a function): of the declared type, as a type checker
            # reads it, until an assignment binds it.
            self.bind(target.id, DeclaredBinding(declared))
        elif isinstance(target, ast.Name) and self.scopes[self.sid].kind != "module":
            self.bind(target.id, DeclaredBinding(declared) if in_class else DECLARED)

    def aug_assign(self, node: ast.AugAssign) -> None:
        self.expr(node.value)
        if type(node.target) is ast.Name:
            self.held.loads[node.target.id] += 1  # ``total += 1`` reads ``total``
        if type(node.op) is not ast.Mod:  # ``text %= fetch()`` formats it
            self._operands(_OPERATORS.get(type(node.op), "") + "=", node.value)
        self._mutates(node.target)
        if isinstance(node.target, ast.Name) and node.target.id == "__all__":
            self.exports_computed = True  # computed: fall back to the module's public names
        self.bind_target(node.target)

    def loop(self, node: Union[ast.For, ast.AsyncFor]) -> None:
        self.expr(node.iter)
        self.site(
            "aiter" if isinstance(node, ast.AsyncFor) else "iter", node.iter, how="for"
        )
        target = node.target
        if isinstance(node, ast.AsyncFor):
            self.bind_target(target)
        elif isinstance(target, ast.Name):
            self.bind(target.id, ValueBinding(ElementExpr(describe(node.iter))))
        elif isinstance(target, (ast.Tuple, ast.List)) and len(target.elts) == 2 and (
            isinstance(target.elts[1], ast.Name) and not isinstance(target.elts[0], ast.Starred)
        ):
            # ``for name, repo in repos.items()``, ``for i, repo in enumerate(repos)``.
            self.bind_target(target.elts[0])
            self.bind(target.elts[1].id, ValueBinding(ElementExpr(describe(node.iter), True)))
        else:
            self.bind_target(target)
        self.body(node.body)
        self.body(node.orelse)

    def with_(self, node: Union[ast.With, ast.AsyncWith]) -> None:
        for item in node.items:
            self.expr(item.context_expr)
            self.site("awith" if isinstance(node, ast.AsyncWith) else "with", item.context_expr)
            if isinstance(item.optional_vars, ast.Name):
                entered = EnteredExpr(
                    describe(item.context_expr), isinstance(node, ast.AsyncWith)
                )
                self.bind(item.optional_vars.id, ValueBinding(entered))
            elif item.optional_vars is not None:
                self.bind_target(item.optional_vars)
        listed, calls = len(self.sites), len(self.pending_calls)
        held = len(self.held.candidates)
        self.body(node.body)
        if any(_expects_exception(item.context_expr) for item in node.items):
            # ``with pytest.raises(TypeError):``: the block is meant to fail (tests of the
            # very error this plugin reports); it is not judged.
            del self.sites[listed:]
            del self.pending_calls[calls:]
            del self.held.candidates[held:]

    def import_(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                self.bind(alias.asname, ImportBinding(alias.name))
            else:
                top = alias.name.split(".", 1)[0]
                self.bind(top, ImportBinding(top))

    def import_from(self, node: ast.ImportFrom) -> None:
        base = self._absolute(node.module, node.level)
        for alias in node.names:
            if alias.name == "*":
                self.stars.append(base)
                self.after_star = set()
                continue
            name = alias.asname or alias.name
            if alias.asname and alias.name in self.call_names:
                self.aliases.add(alias.asname)
            if alias.asname and alias.name in ASYNC_ITERATOR_NAMES:
                self.iterator_aliases.add(alias.asname)
            self.bind(
                name,
                FromImportBinding(base, alias.name) if base is not None else UNKNOWN_BINDING,
            )

    def global_(self, node: ast.Global) -> None:
        self.globals.setdefault(self.sid, []).extend(node.names)

    def nonlocal_(self, node: ast.Nonlocal) -> None:
        self.nonlocals.setdefault(self.sid, []).extend(node.names)

    def delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            self.bind_target(target)

    def expression_statement(self, node: ast.Expr) -> None:
        self.expr(node.value)
        if not isinstance(node.value, ast.Await):  # an awaited coroutine did run
            self.site("discard", node.value, how="call" if isinstance(node.value, ast.Call) else "")

    def return_(self, node: ast.Return) -> None:
        state = self.functions.get(self.sid)
        if state is not None:
            if node.value is None:
                state.facts.returns.append(UNKNOWN)
            else:
                expr = describe(node.value)
                reaching = self._reaching(expr)
                if reaching is not None:
                    self.reaching_returns.append(
                        (self.sid, state.facts, len(state.facts.returns), reaching)
                    )
                state.facts.returns.append(expr)
                if expr != UNKNOWN and not isinstance(expr, AwaitExpr):
                    state.returns.append((expr, span_of(node.value), reaching))
        if node.value is not None:
            self.expr(node.value)

    def _in_arm(self, node: ast.AST, index: int, body: List[ast.stmt]) -> None:
        outer = self.arm
        self.arm = outer + ((id(node), index),)
        self.body(body)
        self.arm = outer

    def try_(self, node: Any) -> None:
        # The body (and ``else:``) or one handler: what ends up bound is one of their bindings.
        if any(_catches_import_error(handler.type) for handler in node.handlers):
            self.environment_branches.add(id(node))
        self._in_arm(node, 0, node.body)
        for index, handler in enumerate(node.handlers, start=1):
            if handler.type is not None:
                self.expr(handler.type)
            outer = self.arm
            self.arm = outer + ((id(node), index),)
            if handler.name:
                self.bind(handler.name, UNKNOWN_BINDING)
            self.body(handler.body)
            self.arm = outer
        self._in_arm(node, 0, node.orelse)
        self.body(node.finalbody)

    def truth(self, test: ast.AST) -> None:
        """The calls a condition tests for truth: ``if self.is_burnt(x)``, ``not
        ctx.confirm(...)``, the operands of ``and`` / ``or``.  (``api.get_room_info(key) is
        None`` is a test wherever it is: :meth:`expr` lists it.)"""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            self.truth(test.operand)
        elif isinstance(test, ast.BoolOp):
            for value in test.values:
                self.truth(value)
        elif isinstance(test, ast.Name):
            self.held.test(test)
        elif type(test) is ast.Attribute and _may_be_getter_read(test):
            self.site("truth", test, how="truth", getter=True)
        elif isinstance(test, ast.Call) and id(test) not in self.tested_calls:
            self.tested_calls.add(id(test))  # a condition's ``and`` operands: walked twice
            self.site("truth", test, how="truth")
            # ``if is_given(betas)``: a predicate of a name (a ``TypeGuard``, a validator) may
            # rule out what its callers or its default pass; those are not its value then.
            self.predicate_tested.update(
                arg.id for arg in test.args if type(arg) is ast.Name
            )

    def if_(self, node: ast.If) -> None:
        self.expr(node.test)
        self.truth(node.test)
        self.if_depth += 1
        truthy = _truthy_names(node.test)
        self.if_truthy.append(truthy)
        try:
            self._if_arms(node)
        finally:
            self.if_depth -= 1
            self.if_truthy.pop()

    def _if_arm(self, node: ast.If, index: int, body: List[ast.stmt]) -> None:
        """One arm of ``if``; the names ``if_truthy`` holds for the test only in the body."""
        truthy = self.if_truthy[-1]
        if index:
            self.if_truthy[-1] = frozenset()
        outer = self.fallback_arm
        missing = _missing_name(node.test) if index == 0 and self.top_branch == id(node) else None
        # ``if client is None: client = Default()`` in the function's own straight line.
        self.fallback_arm = ((id(node), 0), missing) if missing is not None else None
        narrowed = _isinstance_names(node.test) if index == 0 else frozenset()
        if narrowed:
            # ``if isinstance(cached, dict): return Model(**cached)``: in the body the name is
            # what the test found, whatever it was bound to (a coroutine never passes it).
            self.isinstance_narrowed.append(narrowed)
        self._in_arm(node, index, body)
        if narrowed:
            self.isinstance_narrowed.pop()
        self.fallback_arm = outer
        self.if_truthy[-1] = truthy

    def _if_arms(self, node: ast.If) -> None:
        guard, negated = self._guard(node.test)
        if guard is not None:
            outer = self.guards
            narrowed = {**outer, guard.name: guard}
            # ``if is…(f):`` narrows the body, ``if not is…(f):`` the ``else``.
            self.guards = outer if negated else narrowed
            self._if_arm(node, 0, node.body)
            self.guards = narrowed if negated else outer
            self._if_arm(node, 1, node.orelse)
            self.guards = outer
            if negated and node.body and isinstance(node.body[-1], _EXITS):
                # ``if not isasyncgenfunction(f): return ...``: below, ``f`` is one.
                self.guards = narrowed
            return
        decided = _version_test(node.test, self.decided_names)
        never = decided is False or self._never_true(node.test)
        always = decided is True or (
            isinstance(node.test, ast.UnaryOp) and isinstance(node.test.op, ast.Not)
            and self._never_true(node.test.operand)
        )
        on_environment = _tests_environment(node.test)
        environment = on_environment or bool(self.environment_names) and any(
            isinstance(n, ast.Name) and n.id in self.environment_names
            for n in ast.walk(node.test)
        )
        self.environment_depth += environment
        if on_environment and self.scopes[self.sid].kind != "function":
            self.environment_branches.add(id(node))  # module and class level only
        listed, calls = len(self.sites), len(self.pending_calls)
        table = self.scopes[self.sid].bindings
        before = dict(table) if (never or always) and node.orelse else None
        self._if_arm(node, 0, node.body)
        if never:
            # ``if False:`` / ``if TYPE_CHECKING:`` / ``if _IS_SYNC:`` with ``_IS_SYNC = False``
            # / ``if sys.version_info >= (3, 99):``: code that never runs (type-checker
            # declarations, generated variants, future versions) is not judged.
            del self.sites[listed:]
            del self.pending_calls[calls:]
        after_body = dict(table) if before is not None else None
        listed, calls = len(self.sites), len(self.pending_calls)
        self._if_arm(node, 1, node.orelse)
        if always:
            # ``else`` of ``if sys.version_info >= (3, 0):``
            del self.sites[listed:]
            del self.pending_calls[calls:]
        if before is not None and after_body is not None:
            # ``if TYPE_CHECKING: def get(...) -> X: ... else: def get(...): ...``: at run
            # time only the live branch's binding exists.
            for name, binding in list(table.items()):
                declared = after_body.get(name)
                if (
                    isinstance(binding, AlternativesBinding) and len(binding.options) == 2
                    and declared is not None and declared != before.get(name)
                    and binding.options[0] == declared
                ):
                    table[name] = binding.options[1] if never else binding.options[0]
                elif always and declared is not None and binding != declared and (
                    declared != before.get(name)
                ):
                    # ``if not _IS_SYNC: lock: asyncio.Lock`` / ``else: lock: threading.Lock``:
                    # the dead ``else`` replaced the live declaration.
                    table[name] = declared
        self.environment_depth -= environment

    def _guard(self, test: ast.AST) -> Tuple[Optional[Guard], bool]:
        """``inspect.isasyncgenfunction(name)`` (or ``not ...``): the guard, and whether it is
        negated. The name must be a parameter or bound once in this function: a guard on a
        name rebound below would not hold there."""
        negated = False
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            test, negated = test.operand, True
        if not (
            isinstance(test, ast.Call) and len(test.args) == 1 and not test.keywords
            and isinstance(test.args[0], ast.Name)
        ):
            return None, False
        func = describe(test.func)
        tested = _GUARDS.get(last_name(func) or "")
        if tested is None or self.sid == 0:
            return None, False
        name = test.args[0].id
        kind, function = tested
        return Guard(name, kind, func, function, test.lineno, self.sid), negated

    def _never_true(self, test: ast.AST) -> bool:
        if isinstance(test, ast.Constant):
            return not test.value
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
            return any(self._never_true(value) for value in test.values)
        if last_name(describe(test)) == "TYPE_CHECKING":
            return True  # false at run time, by definition
        if not isinstance(test, ast.Name) or test.id not in self.false_constants:
            return False
        binding = self.scopes[0].bindings.get(test.id)
        return isinstance(binding, ValueBinding) and binding.expr == FALSE_LITERAL

    def while_(self, node: ast.While) -> None:
        self.expr(node.test)
        self.truth(node.test)
        self.body(node.body)
        self.body(node.orelse)

    def assert_(self, node: ast.Assert) -> None:
        self.expr(node.test)
        self.truth(node.test)
        if node.msg is not None:
            self.expr(node.msg)

    def match(self, node: ast.stmt) -> None:
        self.expr(node.subject)  # type: ignore[attr-defined]
        for case in node.cases:  # type: ignore[attr-defined]
            self.pattern(case.pattern)
            if case.guard is not None:
                self.expr(case.guard)
            self.body(case.body)

    def type_alias(self, node: ast.stmt) -> None:
        self.bind_target(node.name)  # type: ignore[attr-defined]

    def _exports(self, value: ast.expr) -> None:
        if isinstance(value, (ast.List, ast.Tuple)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts
        ):
            self.exports = [e.value for e in value.elts]  # type: ignore[attr-defined]
            self.exports_computed = False
        else:
            self.exports_computed = True

    def pattern(self, node: ast.AST) -> None:
        for sub in ast.walk(node):
            for field in ("name", "rest"):
                value = getattr(sub, field, None)
                if isinstance(value, str):
                    self.bind(value, UNKNOWN_BINDING)
            if isinstance(sub, ast.expr):
                self.expr(sub)

    def _absolute(self, module: Optional[str], level: int) -> Optional[str]:
        if level == 0:
            return module
        parts = self.module.split(".") if self.module else []
        if not self.is_package:
            parts = parts[:-1]
        drop = level - 1
        if drop > len(parts):
            return None
        parts = parts[: len(parts) - drop]
        if module:
            parts.append(module)
        return ".".join(parts) if parts else None

    def function(self, node: Union[ast.FunctionDef, ast.AsyncFunctionDef]) -> None:
        for decorator in node.decorator_list:
            self.expr(decorator)
        self.arguments(node.args, defaults_only=True)
        if node.returns is not None:
            self.expr(node.returns)
        overload = any(_looks_like_overload(d) for d in node.decorator_list)
        if not overload:
            new = def_binding(len(self.scopes))
            if self._redefines(node):
                # ``async def refresh`` written twice in a class body's (or module's) own
                # sequence of statements: the last one is what the name holds.
                self.current = {k: v for k, v in self.current.items() if k != node.name}
                self.scopes[self.sid].bindings[node.name] = new
            else:
                self.bind(node.name, new)
        outer = self.sid
        positional = node.args.posonlyargs + node.args.args
        is_async = isinstance(node, ast.AsyncFunctionDef)
        # The return annotation, a string one parsed once (None: none, or unparsable).
        returns = _annotation_node(node.returns) if node.returns is not None else None
        facts = FunctionFacts(
            is_async=is_async,
            has_yield=False,
            decorators=tuple(describe(d) for d in node.decorator_list),
            returns=[],
            annotation=_describe_returns(returns) if returns is not None else (
                None if node.returns is None else UNKNOWN
            ),
            is_stub=_is_stub_body(node.body),
            always_raises=len(node.body) <= 2 and _always_raises(node.body),
            only_warns=node.name == "__init_subclass__" and _only_warns(node),
            falls_through=not is_async and not ends_in_exit(node.body),
            yield_type=_yield_type(returns) if isinstance(returns, ast.Subscript) else None,
            first_param=positional[0].arg if positional else None,
            result_type=describe_type(returns) if returns is not None else None,
            keeps_signature=(
                _keeps_signature(node.args, returns, self._type_variables(node))
                if returns is not None and isinstance(returns, (ast.Name, ast.Subscript))
                else None
            ),
            declares_awaited_stream=(
                is_async and returns is not None and _declares_awaited_stream(returns)
                or (self.sid, node.name) in self.stream_overloads
            ),
            params=demands(
                node.args, self.scopes[0].bindings, self.type_aliases, self._enclosing_names()
            ) if any(
                arg.annotation is not None for arg in positional + node.args.kwonlyargs
            ) else (),
            literal_params=_literal_params(node.args) if overload else (),
            required_keywords=tuple(
                arg.arg for arg, default in zip(node.args.kwonlyargs, node.args.kw_defaults)
                if default is None
            ) if overload else (),
        )
        if overload and returns is not None and _names_stream(returns):
            self.stream_overloads.add((self.sid, node.name))
        signatures = self.overload_scopes.pop((self.sid, node.name), [])
        if overload:
            signatures.append(len(self.scopes))
            self.overload_scopes[(self.sid, node.name)] = signatures
        else:
            facts.overloads = tuple(signatures)
        sid = self._new_scope(
            Scope("function", node.name, self._qualname(node.name), outer, node.lineno,
                  function=facts)
        )
        state = self.functions[sid] = _FunctionState(facts)
        signature = self.signatures[sid] = HelperSignature(node.args, bool(node.decorator_list))
        self.sid = sid
        lambdas, self.in_lambda = self.in_lambda, 0
        shadows, self.shadows = self.shadows, []
        self.arguments(node.args, defaults_only=False)
        guards = self.guards
        if guards:
            own = set(_parameter_names(node.args))
            self.guards = {k: v for k, v in guards.items() if k not in own}
        tested, self.type_tested = self.type_tested, set()
        predicates, self.predicate_tested = self.predicate_tested, set()
        handled, self.handles_awaitables = self.handles_awaitables, set()
        current, straight = self.current, self.straight
        escaped, based = self.escaped, self.based
        self.escaped, self.based = set(), set()  # this function's statements' own
        started, self.started = self.started, set()
        depth, self.if_depth = self.if_depth, 0
        conditional, self.conditional = self.conditional, {}
        self.current, self.straight = _NOTHING, True
        held, self.held = self.held, _HeldCalls()
        branch, self.top_branch = self.top_branch, None
        fallback_arm, self.fallback_arm = self.fallback_arm, None
        self.body(node.body)
        self.top_branch, self.fallback_arm = branch, fallback_arm
        for candidate, site in self.held.settle():
            remembered = self.reaching_sites.pop(id(candidate), None)
            if remembered is not None:
                self._remember_reaching(site, remembered[1])
            self.sites.append(site)
        held.loads.update(self.held.loads)  # a nested function's reads are its parent's too
        self.held = held
        self.current, self.straight = current, straight
        self.if_depth, self.conditional = depth, conditional
        self.escaped, self.based = escaped, based
        self.started = started
        signature.tested = frozenset(self.type_tested | self.predicate_tested)
        self.predicate_tested = predicates | self.predicate_tested
        awaitable = self.type_tested & self.handles_awaitables
        if facts.params and awaitable:
            # ``if not isinstance(text, str): text = await text``: a parameter the body tests
            # and awaits takes awaitables whatever its annotation says; it demands nothing.
            # (starlette's ``isinstance(content, AsyncIterable)`` only picks how to iterate.)
            facts.params = tuple(p for p in facts.params if p.name not in awaitable)
        if not facts.has_yield:
            # ``def from_json(data): for k, v in data.items(): ...``: a coroutine passed as
            # ``data`` fails at once (judged at the call, AGN210).  Not a parameter the body
            # tests the type of anywhere, nor one its annotation judges already.
            facts.params += body_reads(
                node, self.scopes[outer].kind == "class",
                frozenset(p.name for p in facts.params) | self.type_tested,
            )
        self.handles_awaitables = handled
        bindings = self.scopes[sid].bindings
        for name in self.type_tested:
            binding = bindings.get(name)
            if isinstance(binding, ParamBinding) and binding.declared is not None:
                bindings[name] = PARAM  # ``isinstance(param, list)``: not only the annotation
        self.type_tested = tested | self.type_tested
        if facts.keeps_signature is None and not is_async and facts.returns and all(
            type(expr) is NameExpr for expr in facts.returns
        ):
            # Only a ``def`` returning names may give back its argument: walk it then.
            facts.keeps_signature = _gives_back_argument(node, self.scopes[outer].kind == "class")
        if facts.keeps_signature is None and not is_async and facts.returns and all(
            type(expr) in (NameExpr, IfExpr, UnknownExpr) for expr in facts.returns
        ) and (
            any(type(binding) is DefBinding for binding in bindings.values())
            or all(type(expr) is NameExpr for expr in facts.returns)
        ) and preserves_kind(node, self.scopes[outer].kind == "class"):
            # A wrapper chosen by ``iscoroutinefunction(func)`` (``return async_wrapper if
            # ... else wrapper`` too, which describes as unknown): the decorated function's
            # kind comes back.  Only a ``def`` defining a function returns a wrapper (one
            # returning names may still return its parameter): read its body only then.
            facts.keeps_signature = "kind"
        self.guards = guards
        self.in_lambda = lambdas
        self.shadows = shadows
        if facts.is_async and not facts.has_yield:
            # Only coroutines can return async generators or carry a lying annotation.
            for expr, span, reaching in state.returns:
                site = Site("return", sid, expr, span)
                self._remember_reaching(site, reaching)
                self.sites.append(site)
            if node.returns is not None and facts.annotation not in (None, UNKNOWN):
                assert facts.annotation is not None
                # A ``def`` site when the walk is over and the annotation may name an async
                # iterator type (through an alias bound anywhere in the module, too).
                self.annotated_coroutines.append(
                    (sid, facts.annotation, span_of(node.returns))
                )
        if not self.environment_depth and (
            (
                node.name in DEFINED_SPECIAL_METHODS
                and (facts.is_async or node.decorator_list)
                and self.scopes[outer].kind == "class"
            )
            or any(_names_a_manager_decorator(d) for d in node.decorator_list)
        ):
            # A special method Python calls itself (``async def __aiter__``), or a function
            # under ``@contextmanager`` / ``@asynccontextmanager``: judged at its ``def``
            # line.  Not under a version test (``async def __aiter__`` was Python 3.5.0's
            # protocol).
            self.sites.append(Site(
                "special", sid, NameExpr(node.name),
                Span(node.lineno, node.col_offset, node.lineno, node.col_offset),
            ))
        self.sid = outer

    def _enclosing_names(self) -> FrozenSet[str]:
        """Names the class bodies and functions around the current point bind so far."""
        names: Set[str] = set()
        sid = self.sid
        while sid > 0:
            names.update(self.scopes[sid].bindings)
            sid = self.scopes[sid].parent
        return frozenset(names)

    def arguments(self, args: ast.arguments, defaults_only: bool) -> None:
        if defaults_only:
            for default in list(args.defaults) + [d for d in args.kw_defaults if d is not None]:
                self.expr(default)
            return
        for arg in args.posonlyargs + args.args + args.kwonlyargs:
            declared = describe_type(arg.annotation) if arg.annotation is not None else None
            self.bind(arg.arg, PARAM if declared is None else ParamBinding(declared))
        for star in (args.vararg, args.kwarg):
            if star is not None:
                self.bind(star.arg, PARAM)  # a tuple or dict of the annotated type

    def klass(self, node: ast.ClassDef) -> None:
        for decorator in node.decorator_list:
            self.expr(decorator)
        for base in node.bases:
            self.expr(base)
        for keyword in node.keywords:
            self.expr(keyword.value)
        self.bind(node.name, ClassBinding(len(self.scopes)))
        if any(last_name(describe(base)) in _CONTAINERS for base in node.bases):
            self.container_classes.add(node.name)  # its calls may iterate their argument
        outer = self.sid
        metaclass = [describe(k.value) for k in node.keywords if k.arg == "metaclass"]
        facts = ClassFacts(
            bases=tuple(describe_generic(b) for b in node.bases),
            metaclass=metaclass[0] if metaclass else None,
            decorators=tuple(describe(d) for d in node.decorator_list),
            has_class_keywords=any(k.arg != "metaclass" for k in node.keywords),
        )
        self.sid = self._new_scope(
            Scope("class", node.name, self._qualname(node.name), outer, node.lineno, klass=facts)
        )
        shadows, self.shadows = self.shadows, []
        current, straight = self.current, self.straight
        self.current, self.straight = _NOTHING, False
        self.body(node.body)
        self.current, self.straight = current, straight
        self.shadows = shadows
        self.sid = outer

    HANDLERS: Dict[type, Callable[["_Collector", ast.stmt], None]] = {}

    # -- expressions -----------------------------------------------------------------------
    def expr(self, start: ast.AST) -> None:
        # A hot path: an explicit stack, and nodes typed ``Any`` to skip per-node checks.
        stack: List[Any] = [start]
        load = ast.Load
        # Straight-line values only shrink during an expression (a ``:=`` drops one).
        tracking = bool(self.current)
        while stack:
            node = stack.pop()
            if node is _END_SHADOW:
                self.shadows.pop()
                continue
            kind = type(node)
            if kind is ast.Name:
                if type(node.ctx) is not load:
                    self.bind(node.id, UNKNOWN_BINDING)
                else:
                    self.held.loads[node.id] += 1
                    if node.id[0] == "_":
                        self.private_uses[node.id] += 1
                    if tracking and node.id in self.current and id(node) not in self.based:
                        self.escaped.add(node.id)  # read as a whole: passed, awaited, stored
                continue
            if kind is ast.Constant:
                continue
            if kind is ast.Attribute:
                if node.attr == "__dict__":
                    self._dynamic_attributes(node.value)  # ``self.__dict__.update(...)``
                elif type(node.ctx) is load and not node.attr.startswith("__"):
                    self._attribute_site(node.value, node.attr)
                    if node.attr[0] == "_":
                        self.private_uses[node.attr] += 1
                if tracking:
                    self.based.add(id(node.value))
                stack.append(node.value)
                continue
            if kind is ast.Subscript and type(node.ctx) is load:
                self._attribute_site(node.value, ITEM_ACCESS)  # ``response["data"]``
                if tracking:
                    self.based.add(id(node.value))
            elif kind is ast.Call:
                self.call(node)
                func = node.func
                if _formats_its_arguments(node):
                    # ``print(fetch())``, ``str(fetch())``, ``"{}".format(fetch())``: the
                    # coroutine's repr is formatted and the coroutine dropped (AGN211).
                    for arg in node.args:
                        if type(arg) is ast.Call:
                            self.site("discard", arg, how="format")
                if type(func) is ast.Name or type(func) is ast.Call:
                    # ``proxy = stack.enter_async_context(cm)`` then ``proxy(model)``.
                    self._attribute_site(func, CALL_ACCESS)
                if type(func) is ast.Attribute and func.attr == "send":
                    self._send(node, func)
                if tracking:
                    self.based.add(id(node.func))
                stack.append(node.func)
                stack.extend(node.args)
                for keyword in node.keywords:
                    if keyword.arg is None:
                        # ``f(**parser.parse(text))``: only a mapping unpacks.
                        self._operands(MAPPING_UNPACK, keyword.value)
                    stack.append(keyword.value)
                continue
            if kind is ast.Await:
                self.site("await", node.value, outer=node)
                if type(node.value) is ast.Name:
                    self.handles_awaitables.add(node.value.id)
                called = node.value.func if type(node.value) is ast.Call else None
                name = getattr(called, "id", None) or getattr(called, "attr", None)
                if name is not None and name[0] == "_":
                    self.private_awaited_calls[name] += 1
            elif kind is ast.Yield or kind is ast.YieldFrom:
                if not self.in_lambda and self.sid in self.functions:
                    facts = self.functions[self.sid].facts
                    facts.has_yield = True
                    value = node.value
                    facts.yields.append(
                        describe(value) if kind is ast.Yield and value is not None else UNKNOWN
                    )
                if kind is ast.YieldFrom:
                    self.site("iter", node.value, how="yield_from")
            elif kind is ast.Starred:
                if type(node.ctx) is load:
                    self.site("iter", node.value, how="unpacking")
            elif kind is ast.Compare:
                left, ordered = node.left, None
                tested = _tested_against_constant(node)
                if tested is not None:
                    operand, how = tested
                    if type(operand) is ast.Name:
                        self.held.test(operand)  # ``pending is None`` reads no more than ``not``
                    elif type(operand) is ast.Call and id(operand) not in self.tested_calls:
                        # ``return redis.get(key) is not None``, ``if auth(u) == True``,
                        # wherever it is: never None, never equal to a constant.
                        self.tested_calls.add(id(operand))
                        self.site("truth", operand, how=how)
                for op, operand in zip(node.ops, node.comparators):
                    if type(op) is ast.In or type(op) is ast.NotIn:
                        self.site("iter", operand, how="membership")  # ``key in rows()``
                    elif type(op) in _ORDERING:
                        # ``0 < store.ttl(k) <= 60``: the middle operand once.
                        first = (left,) if left is not ordered else ()
                        self._operands(_ORDERING[type(op)], *first, operand)
                        ordered = operand
                    left = operand
            elif kind is ast.Dict:
                for key, item in zip(node.keys, node.values):
                    if key is None:
                        self._operands(MAPPING_UNPACK, item)  # ``{**defaults, ...}``
            elif kind is ast.FormattedValue:
                if _has_format_spec(node):
                    # ``f"{price():.2f}"``: only an empty spec formats any object.
                    self._operands(FORMAT_SPEC, node.value)
                elif type(node.value) is ast.Call:
                    # ``f"failed: {response.text()}"``: the coroutine's repr is formatted, the
                    # coroutine itself is dropped (AGN211).
                    self.site("discard", node.value, how="format")
            elif kind is ast.BinOp:
                if type(node.op) is ast.Mod:
                    # ``"%s" % fetch()`` formats whatever it is given: only the left side.
                    self._operands("%", node.left)
                    if _is_str_literal(node.left):
                        formatted = node.right.elts if type(node.right) is ast.Tuple else [
                            node.right
                        ]
                        for operand in formatted:
                            if type(operand) is ast.Call:
                                self.site("discard", operand, how="format")
                else:
                    self._operands(_OPERATORS.get(type(node.op), ""), node.left, node.right)
            elif kind is ast.UnaryOp:
                if type(node.op) is not ast.Not:
                    self._operands(_OPERATORS.get(type(node.op), ""), node.operand)
                elif type(node.operand) is ast.Call:
                    self.truth(node.operand)  # ``ok = not ctx.confirm()``: a truth test
                elif type(node.operand) is ast.Name:
                    self.held.test(node.operand)
            elif kind is ast.BoolOp:
                # ``channel = fetch(i) or fetch_user(i)``: every operand but the last is tested
                # for truth, wherever the expression is (a condition's are tested anyway).
                for operand in node.values[:-1]:
                    if type(operand) is ast.Call:
                        self.truth(operand)
            elif kind is ast.Lambda:
                self.arguments(node.args, defaults_only=True)
                self.in_lambda += 1
                self.shadows.append(dict.fromkeys(_parameter_names(node.args)))
                current, self.current = self.current, _NOTHING  # runs later
                self.expr(node.body)
                self.current = current
                self.shadows.pop()
                self.in_lambda -= 1
                continue
            elif kind in _COMPREHENSIONS:
                self.comprehension(node, stack)
                continue
            elif kind is ast.IfExp:
                self.truth(node.test)
                if _tests_kind(node.test):
                    # ``await out if asyncio.iscoroutine(out) else out``: each arm handles
                    # what the test found, so nothing in them is judged.
                    self.kind_guarded.update(
                        id(sub) for arm in (node.body, node.orelse) for sub in ast.walk(arm)
                    )
            elif kind is ast.NamedExpr:
                if not self.in_lambda:
                    # In a comprehension the value is evaluated once per item: unknown.
                    inside = id(node) in self.in_comprehension
                    value = UNKNOWN if inside else describe(node.value)
                    self.bind(node.target.id, ValueBinding(value))
                stack.append(node.value)
                continue
            stack.extend(_children(node))

    def _server_callback(self, node: ast.Call, func: ast.Attribute) -> None:
        """``asyncio.start_server(self.handle, host, port)``: asyncio calls the callback with
        a ``StreamReader`` and a ``StreamWriter``; kept to declare its parameters so (see
        :func:`_declare_server_callbacks`)."""
        callback = node.args[0] if node.args else next(
            (k.value for k in node.keywords if k.arg == "client_connected_cb"), None
        )
        if isinstance(callback, (ast.Name, ast.Attribute)) and isinstance(func.value, ast.Name):
            # ``asyncio`` (or its alias) is a module-level name: the callback's scope sees it.
            self.server_callbacks.append((self.sid, describe(callback), describe(func.value)))

    def comprehension(self, node: ast.AST, stack: List[Any]) -> None:
        self.in_comprehension.update(
            id(sub) for sub in ast.walk(node) if isinstance(sub, ast.NamedExpr)
        )
        generators: List[ast.comprehension] = node.generators  # type: ignore[attr-defined]
        self.shadows.append(self._comprehension_variables(generators))
        for generator in generators:
            context: Context = "aiter" if generator.is_async else "iter"
            self.site(context, generator.iter, how="comprehension")
            for condition in generator.ifs:
                self.truth(condition)
        fold = self.truth_folds.pop(id(node), None)
        element = getattr(node, "elt", None)
        if fold is not None and type(element) is ast.Call and id(element) not in self.tested_calls:
            self.tested_calls.add(id(element))
            self.site("truth", element, how=fold)
        # The names go out of scope once everything below is walked (a stack: pushed first).
        stack.append(_END_SHADOW)
        for generator in generators:
            stack.append(generator.iter)
            stack.extend(generator.ifs)
        for field in ("elt", "key", "value"):
            child = getattr(node, field, None)
            if child is not None:
                stack.append(child)

    def _comprehension_variables(
        self, generators: List[ast.comprehension]
    ) -> Dict[str, Optional[Expr]]:
        """What each variable of a comprehension takes from its iterable: an element
        (``for repo in repos``), a pair's second item (``for name, repo in
        repos.items()``), each resolved where the comprehension is; None otherwise (``async
        for`` targets, other unpacking, a name bound twice)."""
        variables: Dict[str, Optional[Expr]] = {}
        for generator in generators:
            target = generator.target
            names = [sub.id for sub in ast.walk(target) if isinstance(sub, ast.Name)]
            source: Optional[Expr] = None
            if not generator.is_async and not any(name in variables for name in names):
                # Earlier variables of this comprehension, then the enclosing ones.
                self.shadows.append(variables)
                source = self._unshadowed(describe(generator.iter))
                self.shadows.pop()
                if source is not None and any(root in names for root in root_names(source)):
                    source = None
            for name in names:
                variables[name] = None
            if source is None or type(source) is UnknownExpr:
                continue
            if isinstance(target, ast.Name):
                variables[target.id] = ElementExpr(source)
            elif isinstance(target, ast.Tuple) and len(target.elts) == 2 and (
                isinstance(target.elts[1], ast.Name)
            ) and not isinstance(target.elts[0], ast.Starred) and names.count(
                target.elts[1].id
            ) == 1:
                variables[target.elts[1].id] = ElementExpr(source, True)
        return variables

    def call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name in _STREAM_SERVERS and isinstance(func, ast.Attribute):
            self._server_callback(node, func)
        elif name in _STACK_ENTRIES and isinstance(func, ast.Attribute) and (
            len(node.args) == 1 and not node.keywords
        ):
            # ``await stack.enter_async_context(x)`` enters ``x`` as ``async with x`` does,
            # when ``stack`` is contextlib's (the call is kept to ask, see ``checker.judge``).
            entered = self.site(
                _STACK_ENTRIES[name], node.args[0], how=name,
                call=CallArg(describe(func), 0, 1),
            )
            if entered is not None:
                self.sites.append(entered)
        if name == "wait" and (node.args or node.keywords):
            self._wait_elements(node)
        elif name in _ELEMENT_CONSUMERS:
            self._consumed_elements(node, func, name)
        if (
            name in _TRUTH_FOLDS and type(func) is ast.Name and len(node.args) == 1
            and not node.keywords and type(node.args[0]) in _ELEMENT_COMPREHENSIONS
            and not self._rebinds_builtin(name)
            and not any(g.is_async for g in node.args[0].generators)  # type: ignore[attr-defined]
        ):
            # ``all(notifier.send(m) for m in msgs)``: each element is tested for truth.
            self.truth_folds[id(node.args[0])] = name
        if name in _MUTATING_METHODS and isinstance(func, ast.Attribute):
            self._mutates(func.value)
        if name in ("setattr", "__setattr__") and len(node.args) >= 2:
            attr = node.args[1]
            if isinstance(attr, ast.Constant) and isinstance(attr.value, str):
                self._patch(attr.value, node.args[0])
            elif not self._dynamic_attributes(node.args[0]) and not (
                # ``super().__setattr__(name, value)``: an instance's own attribute.
                isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call)
                and isinstance(func.value.func, ast.Name) and func.value.func.id == "super"
            ):
                # ``setattr(Proxy, name, ...)``: any attribute, special methods included.
                self._patch(COMPUTED_ATTRIBUTE, node.args[0])
        elif name == "vars" and len(node.args) == 1:
            self._dynamic_attributes(node.args[0])
        elif name == "bool" and type(func) is ast.Name and len(node.args) == 1 and not (
            node.keywords
        ):
            self.truth(node.args[0])  # ``bool(allow(user))``: a truth test too
        elif name in ("locals", "vars", "exec") and isinstance(func, ast.Name) and (
            self.scopes[self.sid].kind == "class"
        ):
            # ``locals()[name] = ...`` / ``exec(...)`` in a class body: any member.
            klass = self.scopes[self.sid].klass
            if klass is not None:
                klass.has_class_keywords = True
        elif name in _TYPE_TESTS and node.args and isinstance(
            node.args[0], ast.Name
        ):
            # The code asks what the value is: its annotation is not the whole truth.
            self.type_tested.add(node.args[0].id)
            if name in _AWAITABLE_TESTS:
                self.handles_awaitables.add(node.args[0].id)
        elif name == "__all__" or (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "__all__"
        ):
            self.exports_computed = True  # ``__all__.extend(...)``: computed
        if name is not None and (node.args or node.keywords):
            shadows = tuple(self.shadows) if self.shadows else ()
            self.pending_calls.append(
                (name, node, self.sid, shadows, self.guards, self.current)
            )
        elif name is not None and is_private(name):
            # ``self._connect()``: a helper's call too (it passes the defaults).
            self.bare_private_calls.append(HelperCall(name, node, self.sid, bool(self.shadows)))

    def argument_sites(self, pending: _PendingCall, general: bool = False) -> None:
        """The ``arg`` sites of a call, in the scope and shadows it was met in.

        ``general``: a call of no API a rule knows by name, whose callee's annotations may
        still rule its argument out; only arguments that may be a coroutine or an async
        generator object are sites then (a call, a name bound to one in this scope, an
        async generator expression), and positional ones only up to a ``*args``.
        """
        _, node, sid, shadows, guards, current = pending
        self.sid = sid
        self.current = current
        if general:
            for arg in node.args:
                if self._value_site(arg) is not None:
                    break
            else:
                for keyword in node.keywords:
                    if self._value_site(keyword.value) is not None:
                        break
                else:
                    return
        self.guards = guards
        self.shadows = list(shadows)
        func_expr = describe(node.func)
        positional = sum(1 for arg in node.args if not isinstance(arg, ast.Starred))
        index = 0
        starred = False
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                if general:
                    break  # where the arguments after it land is not known
                starred = True
                if last_name(func_expr) == "gather":
                    # ``gather(*[audit(e) for e in events])``: each element is an argument
                    # (where it lands is not known; every argument of ``gather`` must be
                    # awaitable).
                    self._element_sites(arg.value, CallArg(func_expr, index, positional, True))
                continue
            if not general and type(arg) is ast.Lambda:
                self._lambda_result_site(arg, CallArg(func_expr, index, positional, starred))
                index += 1
                continue
            getter = self._value_site(arg) if general else False
            if getter is not None:
                found = self.site(
                    "arg", arg, call=CallArg(func_expr, index, positional, starred),
                    getter=getter,
                )
                if found is not None:
                    self.sites.append(found)
            index += 1
        for keyword in node.keywords:
            if not general and keyword.arg is not None and type(keyword.value) is ast.Lambda:
                self._lambda_result_site(
                    keyword.value, CallArg(func_expr, keyword.arg, positional)
                )
                continue
            getter = self._value_site(keyword.value) if general else False
            if keyword.arg is None or getter is None:
                continue
            found = self.site(
                "arg", keyword.value, call=CallArg(func_expr, keyword.arg, positional),
                getter=getter,
            )
            if found is not None:
                self.sites.append(found)

    def _lambda_result_site(self, node: ast.Lambda, call: CallArg) -> None:
        """The ``callback`` site of a lambda given as an argument whose body is a call
        (``loop.call_soon(lambda: self.flush())``, ``sorted(rows, key=lambda r: score(r))``):
        an API that calls the lambda as a plain function gets what that call gives.  The call
        runs when the lambda does, so it is read without this scope's straight-line values,
        and not at all when its callee depends on the lambda's parameters."""
        if type(node.body) is not ast.Call:
            return
        current, self.current = self.current, _NOTHING
        self.shadows.append(dict.fromkeys(_parameter_names(node.args)))
        found = self.site("callback", node.body, call=call)
        self.shadows.pop()
        self.current = current
        if found is not None:
            self.sites.append(found)

    def _operands(self, operator: str, *operands: ast.expr) -> None:
        """``operand`` sites: the operands of an arithmetic, bitwise or ordering operator that
        may be what a call gave (a call, a name bound to one here).  No coroutine, async
        generator or async context manager object supports any of them."""
        for operand in operands:
            getter = self._value_site(operand)
            if getter is not None:
                self.site("operand", operand, how=operator, getter=getter)

    def _value_site(self, node: ast.expr) -> Optional[bool]:
        """Whether ``node`` is a site where a value is used: False when it may be what a
        call gave, True when only a property getter may make it one (a ``getter`` site),
        None when it is no site."""
        if self._may_be_call_result(node):
            return False
        return True if _may_be_getter_read(node) else None

    def _names_call_result(self, name: str) -> bool:
        """``name`` holds what a call (or awaiting one) gave: its one binding in this scope,
        or its straight-line value, says so."""
        binding = self.scopes[self.sid].bindings.get(name)
        if type(binding) is ValueBinding and _gives_call_result(binding.expr):
            return True
        if type(binding) is AlternativesBinding and any(
            type(option) is ValueBinding and _gives_call_result(option.expr)
            for option in binding.options
        ):
            # ``reply = fetch(i)`` in ``try``, ``reply = None`` in ``except``: the evaluator
            # joins the alternatives (``None`` aside; an ``or`` among them stays unknown).
            return True
        value = self.current.get(name)
        return value is not None and _gives_call_result(value)

    def _may_be_call_result(self, node: ast.expr) -> bool:
        kind = type(node)
        if kind is ast.Call:
            func = node.func  # type: ignore[attr-defined]
            return not (type(func) is ast.Name and func.id in ("super", "type"))
        if kind is ast.Name:
            return self._names_call_result(node.id)  # type: ignore[attr-defined]
        if kind is ast.Await:
            return type(node.value) is ast.Call  # type: ignore[attr-defined]
        return isinstance(node, ast.GeneratorExp) and is_async_genexp(node)


_NOTHING: Mapping[str, Expr] = {}
_IMPORTED = (ImportBinding, FromImportBinding)
# Statements whose bodies may run more than once, and those whose bodies may not run.
_LOOPS = frozenset({ast.For, ast.AsyncFor, ast.While})
_BRANCHING = _LOOPS | {ast.If, ast.Try} | {
    getattr(ast, name) for name in ("Match", "TryStar") if hasattr(ast, name)  # 3.10, 3.11
}


def _describe_returns(returns: ast.AST) -> Expr:
    """A function's return annotation; a tuple's keeps its type arguments (``-> tuple[Repo,
    Authorizer]``: what unpacking the call gives, position by position)."""
    if isinstance(returns, ast.Subscript) and last_name(describe(returns.value)) in (
        "tuple", "Tuple"
    ):
        return describe_generic(returns)
    return describe(returns)


# ``contextlib`` exit stacks' methods entering their argument: the statement they stand for.
_STACK_ENTRIES: Dict[str, Context] = {"enter_async_context": "awith", "enter_context": "with"}
# asyncio's stream servers: the callback they take is called with a reader and a writer.
_STREAM_SERVERS = frozenset({"start_server", "start_unix_server"})


def _declare_server_callbacks(collector: "_Collector") -> None:
    """A function of this module handed to ``asyncio.start_server`` (by name, or as
    ``self.method`` from a method of its class) is called by asyncio with a
    ``StreamReader`` and a ``StreamWriter``: its first two positional parameters, when not
    annotated, are declared so (tina4's ``handle_client(self, reader, writer)``).  Checked
    where the value is used: ``asyncio`` must be what the call named (``Outside``)."""
    scopes = collector.scopes
    for sid, callback, module in collector.server_callbacks:
        target: Optional[int] = None
        skip = 0
        if isinstance(callback, NameExpr):
            binding = visible_binding(scopes, sid, callback.id)
            target = binding.scope if isinstance(binding, DefBinding) else None
        elif isinstance(callback, AttrExpr) and isinstance(callback.base, NameExpr):
            function = scopes[sid].function
            owner = scopes[sid].parent
            if function is None or function.first_param != callback.base.id or (
                owner < 0 or scopes[owner].kind != "class"
            ):
                continue
            binding = scopes[owner].bindings.get(callback.attr)
            target = binding.scope if isinstance(binding, DefBinding) else None
            skip = 1
        signature = collector.signatures.get(target) if target is not None else None
        if target is None or signature is None or signature.decorated:
            continue
        positional = signature.args.posonlyargs + signature.args.args
        if len(positional) - skip < 2:
            continue
        bindings = scopes[target].bindings
        for param, class_name in zip(positional[skip:], ("StreamReader", "StreamWriter")):
            if param.annotation is None and bindings.get(param.arg) == PARAM:
                bindings[param.arg] = ParamBinding(AttrExpr(module, class_name))


def _unpacked_names(target: ast.AST) -> List[str]:
    """The names of a tuple or list target made of distinct plain names only (``a, b``), or
    an empty list."""
    if not isinstance(target, (ast.Tuple, ast.List)) or not 1 < len(target.elts) <= MAX_UNPACKED:
        return []
    names = [elt.id for elt in target.elts if isinstance(elt, ast.Name)]
    if len(names) != len(target.elts) or len(set(names)) != len(names):
        return []
    return names


def _bound_names(stmt: ast.stmt) -> FrozenSet[str]:
    """Every name a statement may bind, at any depth (more than it binds, inside nested
    functions too, which only makes fewer values straight-line)."""
    found: Set[str] = set()
    load = ast.Load
    stack: List[Any] = [stmt]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is ast.Name:
            if type(node.ctx) is not load:
                found.add(node.id)
            continue
        if kind is ast.Constant:
            continue
        if kind in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
            found.add(node.name)
        elif kind is ast.alias:
            found.add((node.asname or node.name).partition(".")[0])
        elif kind is ast.ExceptHandler and node.name:
            found.add(node.name)
        elif kind in _MATCH_BINDERS:
            bound = getattr(node, _MATCH_BINDERS[kind])
            if bound:
                found.add(bound)
        stack.extend(_children(node))
    return frozenset(found)


# ``match`` patterns (3.10) and the field naming what each binds (``case {**rest}``: rest).
_MATCH_BINDERS: Dict[type, str] = {
    getattr(ast, kind): field
    for kind, field in (("MatchAs", "name"), ("MatchStar", "name"), ("MatchMapping", "rest"))
    if hasattr(ast, kind)
}


def _rebound(
    scopes: List[Scope], sid: int, reaching: Mapping[str, Expr],
    written_inside: Set[Tuple[int, str]],
) -> Dict[str, Expr]:
    """The straight-line values of the names bound more than once in scope ``sid`` (bound
    once, the scope's binding already says what the name holds), but for names a nested
    function rebinds through ``nonlocal`` (a call of it may change them at any point)."""
    bindings = scopes[sid].bindings
    return {
        name: value for name, value in reaching.items()
        if (
            isinstance(bindings.get(name), (UnknownBinding, AlternativesBinding))
            # One of two values (``x = cached or fetch()``): the site judges each.
            or type(chain_root(value)) is IfExpr
        )
        and (sid, name) not in written_inside
    }


def _missing_name(test: ast.expr) -> Optional[str]:
    """The name an ``if`` test says is missing: ``x is None``, ``not x``."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and isinstance(
        test.operand, ast.Name
    ):
        return test.operand.id
    if (
        isinstance(test, ast.Compare) and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Is) and isinstance(test.left, ast.Name)
        and _is_none(test.comparators[0])
    ):
        return test.left.id
    return None


def _parameter_names(args: ast.arguments) -> List[str]:
    """Every name a function or lambda binds as a parameter, ``*args`` and ``**kwargs`` too."""
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    return names + [a.arg for a in (args.vararg, args.kwarg) if a is not None]


def _is_str_literal(node: ast.expr) -> bool:
    return (type(node) is ast.Constant and isinstance(node.value, str)) or (
        type(node) is ast.JoinedStr
    )


def _formats_its_arguments(node: ast.Call) -> bool:
    """``print(...)``, ``str(x)``, ``repr(x)``, and ``"...".format(...)`` on a string literal:
    each formats its arguments' reprs and keeps nothing else of them."""
    func = node.func
    if type(func) is ast.Name:
        return func.id in ("print", "str", "repr") and not node.keywords
    return (
        type(func) is ast.Attribute and func.attr == "format" and _is_str_literal(func.value)
    )


def _names_a_manager_decorator(decorator: ast.expr) -> bool:
    """``@contextmanager`` / ``@contextlib.asynccontextmanager`` (by name: what the name is
    bound to is decided when the site is judged)."""
    name = decorator.attr if isinstance(decorator, ast.Attribute) else getattr(
        decorator, "id", None
    )
    return name in ("contextmanager", "asynccontextmanager")


def _isinstance_names(test: ast.expr) -> FrozenSet[str]:
    """The names ``test`` being true says are instances of what ``isinstance`` asked
    (``isinstance(x, dict)``, also as an operand of an ``and``)."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return frozenset().union(*(_isinstance_names(value) for value in test.values))
    if (
        isinstance(test, ast.Call) and isinstance(test.func, ast.Name)
        and test.func.id == "isinstance" and len(test.args) == 2
        and isinstance(test.args[0], ast.Name)
    ):
        return frozenset((test.args[0].id,))
    return frozenset()


def _truthy_names(test: ast.expr) -> FrozenSet[str]:
    """The names ``test`` being true says are true and not ``None`` (``x``, ``x is not
    None``, either as the first operand of an ``and``)."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return frozenset().union(*(_truthy_names(value) for value in test.values))
    if isinstance(test, ast.Name):
        return frozenset((test.id,))
    if (
        isinstance(test, ast.Compare) and len(test.ops) == 1
        and isinstance(test.ops[0], ast.IsNot) and isinstance(test.left, ast.Name)
        and _is_none(test.comparators[0])
    ):
        return frozenset((test.left.id,))
    return frozenset()


def _use_straight_values(collector: "_Collector", scopes: List[Scope]) -> None:
    """Sites and ``return`` values reading a name bound more than once in a function, where a
    straight-line assignment says what it holds, read that assignment's value instead.  Done
    when the whole module is walked: only then is it known which names are bound more than
    once, and which a nested function rebinds."""
    sites = collector.sites
    for index, site in enumerate(sites):
        entry = collector.reaching_sites.get(id(site))
        if entry is None or entry[0] is not site:
            continue
        values = _rebound(scopes, site.scope, entry[1], collector.written_inside)
        if values:
            sites[index] = site._replace(expr=substitute_roots(site.expr, values))
    for sid, facts, position, reaching in collector.reaching_returns:
        values = _rebound(scopes, sid, reaching, collector.written_inside)
        if values:
            facts.returns[position] = substitute_roots(facts.returns[position], values)


def _sends_message(call: ast.Call) -> bool:
    """``x.send("hi")``, ``x.send(text, embed=e)``: a call a coroutine's ``send`` rejects
    (it takes one value, and only ``None`` before the coroutine has started).  A name or any
    other expression as the one value may be ``None`` (a driver loop's ``coro.send(value)``):
    not this."""
    args = call.args
    if any(type(arg) is ast.Starred for arg in args) or any(
        k.arg is None for k in call.keywords
    ):
        return False  # ``*args`` / ``**kwargs``: how many is not known
    if call.keywords or len(args) != 1:
        return True
    arg = args[0]
    if type(arg) is ast.Constant:
        return arg.value is not None
    return type(arg) in _NEVER_NONE


_ELEMENT_COMPREHENSIONS = frozenset({ast.ListComp, ast.SetComp, ast.GeneratorExp})
# Calls that use each element of their one argument as a value (see
# ``_Collector._consumed_elements``; the rule checks what the callee is): builtins by name,
# methods by attribute (``str.join``, ``json.dumps``), serialisers also a mapping's values.
_ELEMENT_BUILTINS = frozenset({"sum", "sorted", "min", "max"})
_ORDERING_BUILTINS = frozenset({"sorted", "min", "max"})
_SHORT_DISPLAYS = frozenset({ast.List, ast.Tuple, ast.Set})
_SERIALISERS = frozenset({"dumps", "dump"})
_ELEMENT_METHODS = frozenset({"join", "fsum"}) | _SERIALISERS
_ELEMENT_CONSUMERS = _ELEMENT_BUILTINS | _ELEMENT_METHODS
# Keywords that give the consumer another way to use an element.
_ELEMENT_HOOKS = frozenset({"key", "default", "cls"})
# Builtins that test each element of what they are given for truth.
_TRUTH_FOLDS = frozenset({"all", "any"})
_IDENTITY = (ast.Is, ast.IsNot)


def _may_be_getter_read(node: Any) -> bool:
    """``account.balance``, ``self.account.info``: an attribute read that a property getter
    may answer (a public name on a chain of names and attributes)."""
    if type(node) is not ast.Attribute or node.attr[0] == "_":
        return False
    base = node.value
    while type(base) is ast.Attribute:
        base = base.value
    return type(base) is ast.Name


# Builtins that read a function's local names without naming them.
_FRAME_READERS = ("locals", "vars", "eval", "exec")
# Expressions whose value is never ``None``: displays, f-strings, comprehensions.
_NEVER_NONE = frozenset({
    ast.JoinedStr, ast.List, ast.Tuple, ast.Dict, ast.Set, ast.ListComp, ast.DictComp,
    ast.SetComp,
})


def _gives_call_result(expr: Expr) -> bool:
    """``fetch()`` or ``await fetch()``: what a call gives, or what awaiting it gives (a
    coroutine returning an un-awaited coroutine hands that one out)."""
    if type(expr) is CallExpr:
        return True
    if type(expr) is IfExpr:
        # ``fetch(i) or fallback(i)``, ``cached or fetch()``: the call's on some path.
        return _gives_call_result(expr.body) or _gives_call_result(expr.orelse)
    return type(expr) is AwaitExpr and type(expr.value) is CallExpr


# Calls that ask what a value is: its annotation is not the whole truth after them.
_AWAITABLE_TESTS = frozenset({"isawaitable", "iscoroutine", "isasyncgen"})
_TYPE_TESTS = frozenset({"isinstance", "issubclass", "type", "hasattr"}) | _AWAITABLE_TESTS
# The symbol of each operator a coroutine object does not support (``how`` of ``operand``).
_OPERATORS: Dict[type, str] = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.MatMult: "@", ast.Div: "/",
    ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>",
    ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&", ast.USub: "-", ast.UAdd: "+",
    ast.Invert: "~",
}
_ORDERING: Dict[type, str] = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}

_Collector.HANDLERS = {
    ast.FunctionDef: _Collector.function,  # type: ignore[dict-item]
    ast.AsyncFunctionDef: _Collector.function,  # type: ignore[dict-item]
    ast.ClassDef: _Collector.klass,  # type: ignore[dict-item]
    ast.Assign: _Collector.assign,  # type: ignore[dict-item]
    ast.AnnAssign: _Collector.ann_assign,  # type: ignore[dict-item]
    ast.AugAssign: _Collector.aug_assign,  # type: ignore[dict-item]
    ast.For: _Collector.loop,  # type: ignore[dict-item]
    ast.AsyncFor: _Collector.loop,  # type: ignore[dict-item]
    ast.With: _Collector.with_,  # type: ignore[dict-item]
    ast.AsyncWith: _Collector.with_,  # type: ignore[dict-item]
    ast.Import: _Collector.import_,  # type: ignore[dict-item]
    ast.ImportFrom: _Collector.import_from,  # type: ignore[dict-item]
    ast.Global: _Collector.global_,  # type: ignore[dict-item]
    ast.Nonlocal: _Collector.nonlocal_,  # type: ignore[dict-item]
    ast.Delete: _Collector.delete,  # type: ignore[dict-item]
    ast.Expr: _Collector.expression_statement,  # type: ignore[dict-item]
    ast.Return: _Collector.return_,  # type: ignore[dict-item]
    ast.Try: _Collector.try_,
    ast.If: _Collector.if_,  # type: ignore[dict-item]
    ast.Assert: _Collector.assert_,  # type: ignore[dict-item]
    ast.While: _Collector.while_,  # type: ignore[dict-item]
}
for _name, _handler in (("TryStar", _Collector.try_), ("Match", _Collector.match),
                        ("TypeAlias", _Collector.type_alias)):
    if hasattr(ast, _name):
        _Collector.HANDLERS[getattr(ast, _name)] = _handler

_CHILD_FIELDS: Dict[type, Tuple[str, ...]] = {}


def _children(node: ast.AST) -> List[ast.AST]:
    """Like ``ast.iter_child_nodes`` without the ``ctx`` markers, and faster (a hot path)."""
    kind = type(node)
    fields = _CHILD_FIELDS.get(kind)
    if fields is None:
        fields = _CHILD_FIELDS[kind] = tuple(f for f in kind._fields if f != "ctx")
    found: List[ast.AST] = []
    for field in fields:
        value = getattr(node, field, None)
        if isinstance(value, ast.AST):
            found.append(value)
        elif isinstance(value, list):
            found.extend(item for item in value if isinstance(item, ast.AST))
    return found


# Methods that run once when an instance is made (``__post_init__``: a dataclass's ``__init__``
# calls it).
_INITIALISERS = frozenset({"__init__", "__post_init__"})
# Guard functions (by last name; checked to come from ``inspect`` / ``asyncio`` when judged):
# what they say of their argument, and whether it is a function.
_GUARDS: Dict[str, Tuple[str, bool]] = {
    "isasyncgenfunction": ("agen", True),
    "iscoroutinefunction": ("coro", True),
    "isasyncgen": ("agen", False),
    "iscoroutine": ("coro", False),  # ``inspect.iscoroutine`` only (checked when judged)
}
_EXITS = (ast.Return, ast.Raise, ast.Continue, ast.Break)


_MUTATING_METHODS = frozenset({
    "append", "extend", "insert", "add", "update", "setdefault", "appendleft", "extendleft",
    "__setitem__",
})


def _forget_mutated_displays(scopes: List[Scope], mutated: Set[str]) -> None:
    """A display bound to a name the module changes in place (``middlewares = [Log()]``, then
    ``middlewares.append(Auth())``) holds more than its items: a plain container."""
    def forget(binding: Binding) -> Binding:
        if isinstance(binding, AlternativesBinding):
            return binding._replace(options=tuple(
                forget(option) for option in binding.options  # type: ignore[misc]
            ))
        if isinstance(binding, ValueBinding) and isinstance(binding.expr, LiteralExpr) and (
            binding.expr.items
        ):
            return binding._replace(expr=LiteralExpr(binding.expr.type_name))
        return binding

    for scope in scopes:
        for name in mutated & scope.bindings.keys():
            scope.bindings[name] = forget(scope.bindings[name])
        if scope.klass is not None:
            attrs = scope.klass.instance_attrs
            for name in mutated & attrs.keys():
                attrs[name] = forget(attrs[name])


def _instance_attr_binding(assignments: List[Tuple[str, int, Binding]]) -> Binding:
    if len(assignments) == 1 and assignments[0][0] in _INITIALISERS:
        return assignments[0][2]
    options: List[SimpleBinding] = []
    for method, _, binding in assignments:
        # An assignment in a function nested in a method (a callback, a task's body) writes
        # the method's ``self`` all the same: one more value the attribute may hold.
        if not isinstance(binding, ValueBinding):
            return UNKNOWN_BINDING
        if binding not in options:
            options.append(binding)
    if len(options) == 1:
        # Assigned by one method only (``__aenter__``, ``connect()``): before it runs the
        # attribute does not exist, so a use that succeeds sees this value.
        return options[0]
    declared = {option.declared for option in options if isinstance(option, ValueBinding)}
    declared.discard(None)
    if len(declared) == 1:
        # ``self.channel: MessageableChannel = channel`` in ``__init__``, ``self.channel =
        # new_channel`` elsewhere: the annotation declares what every assignment stores, as a
        # type checker reads it (the values are not asked).
        first = next(o for o in options if isinstance(o, ValueBinding) and o.declared)
        assert isinstance(first, ValueBinding)
        return ValueBinding(UNKNOWN, first.scope, first.declared)
    return AlternativesBinding(tuple(options))


def _global_rebinding(old: Optional[Binding], new: Binding, sid: int) -> Binding:
    """A module name rebound through ``global`` in function ``sid``: ``_client = None`` at
    module level and ``_client = Client()`` in ``init()`` is a ``Client`` or ``None``;
    anything else is unknown (which binding holds depends on what ran)."""
    options: List[SimpleBinding] = []
    for binding, scope in ((old, None), (new, sid)):
        parts = binding.options if isinstance(binding, AlternativesBinding) else (binding,)
        for part in parts:
            if not isinstance(part, ValueBinding):
                return UNKNOWN_BINDING
            if scope is not None and part.scope is None:
                part = ValueBinding(part.expr, scope, part.declared)
            if part not in options:
                options.append(part)
    if len(options) < 2 or not any(_binds_none(option) for option in options):
        return UNKNOWN_BINDING
    return AlternativesBinding(tuple(options))


def _finish(collector: _Collector) -> ModuleSummary:
    scopes = collector.scopes
    module_scope = scopes[0]
    # ``global``/``nonlocal`` names are bound elsewhere: the binding moves out and is unknown.
    for sid, names in collector.globals.items():
        scopes[sid].global_names = frozenset(names)
        for name in names:
            moved = scopes[sid].bindings.pop(name, None)
            if moved is not None:
                module_scope.bindings[name] = _global_rebinding(
                    module_scope.bindings.get(name), moved, sid
                )
    for sid, names in collector.nonlocals.items():
        for name in names:
            if scopes[sid].bindings.pop(name, None) is None:
                continue  # only read: the enclosing binding stands
            parent = scopes[sid].parent
            while parent > 0:
                owner = scopes[parent]
                if owner.kind == "function" and name in owner.bindings:
                    owner.bindings[name] = UNKNOWN_BINDING
                    # A call of the nested function may rebind it: no straight line.
                    collector.written_inside.add((parent, name))
                    break
                parent = owner.parent
    # Instance attributes: known when every assignment is in a method of the class (not in a
    # nested function): one value, or several (``None`` in ``close()``) that the evaluator
    # joins (they must agree, ``None`` aside).
    for class_sid in collector.dynamic_classes:
        dynamic = scopes[class_sid].klass
        if dynamic is not None:
            # Written by computed names: any attribute may be the instance's own.
            dynamic.instance_attrs[COMPUTED_ATTRIBUTE] = UNKNOWN_BINDING
    for class_sid, table in collector.instance_attrs.items():
        klass = scopes[class_sid].klass
        assert klass is not None
        for attr, assignments in table.items():
            found = _instance_attr_binding(assignments)
            if class_sid in collector.dynamic_classes:
                # Written by computed names too (``setattr(self, key, value)`` for data
                # fields): only what an annotation declares still holds, as a type checker
                # reads it (``self.channel: MessageableChannel = channel``).
                declared = found.declared if isinstance(found, ValueBinding) else None
                found = UNKNOWN_BINDING if declared is None else ValueBinding(
                    UNKNOWN, found.scope if isinstance(found, ValueBinding) else None, declared
                )
            klass.instance_attrs[attr] = found
    if collector.mutated:
        _forget_mutated_displays(scopes, collector.mutated)
    summary = ModuleSummary(
        scopes=scopes,
        stars=collector.stars,
        exports=None if collector.exports_computed else collector.exports,
        after_star=frozenset(collector.after_star) if collector.stars else frozenset(),
        aliases=frozenset(collector.aliases),
        patched=frozenset(collector.patched),
        patch_sites=collector.patch_sites,
    )
    summary.awaited_only = frozenset(
        name for name, count in collector.private_awaited_calls.items()
        if collector.private_uses[name] == count and not name.startswith("__")
    )
    return summary


def collect(
    tree: ast.Module, module: str, is_package: bool, call_names: FrozenSet[str] = frozenset()
) -> Tuple[ModuleSummary, List[Site]]:
    """Summarise ``tree`` and list its sites.

    ``call_names``: the last names of the APIs whose arguments rules judge (from the rule
    registry); the arguments of a call are ``arg`` sites when its callee's last name is one
    of them or an alias of one bound anywhere in the module.
    """
    collector = _Collector(module, is_package, call_names)
    collector.body(tree.body)
    summary = _finish(collector)
    record_passed_arguments(
        summary.scopes, collector.signatures,
        [HelperCall(name, node, sid, bool(shadows))
         for name, node, sid, shadows, _, _ in collector.pending_calls]
        + collector.bare_private_calls,
        collector.private_uses, describe,
    )
    wanted = call_names | collector.aliases | collector.container_classes
    for pending in collector.pending_calls:
        collector.argument_sites(pending, general=pending[0] not in wanted)
    _use_straight_values(collector, summary.scopes)
    _declare_server_callbacks(collector)
    iterator_names = ASYNC_ITERATOR_NAMES | collector.iterator_aliases
    for function, annotation, span in collector.annotated_coroutines:
        if last_name(strip_subscript(annotation)) in iterator_names:
            collector.sites.append(Site("def", function, annotation, span))
    return summary, collector.sites
