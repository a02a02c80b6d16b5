"""What the analysis knows about code outside the project, by qualified name.

Everything not listed here that comes from outside the project is unknown,
and unknown means silence.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Optional, Tuple, Union

# Installed packages whose APIs the rules know by qualified name below: they stay "outside"
# (never read from site-packages), so that this knowledge decides what they do.  Every other
# qualified name below is from the standard library (a test checks both).
KNOWN_BY_NAME = frozenset({"typing_extensions", "contextlib2", "anyio", "trio"})

# Decorators that return the function they decorate, or a wrapper of the same kind.
TRANSPARENT_DECORATORS = frozenset(
    {
        "staticmethod",
        "classmethod",
        "abc.abstractmethod",
        "typing.override",
        "typing_extensions.override",
        "typing.final",
        "typing_extensions.final",
        "typing.no_type_check",
        "typing_extensions.deprecated",
        "warnings.deprecated",
        # Memoising wrappers: a call gives what the function gives (the same object again for
        # the same arguments), so its kind and result are the function's.
        "functools.lru_cache",
        "functools.cache",
    }
)
# Decorators that turn a method into a getter called on attribute access (``obj.name``).
PROPERTY_DECORATORS = frozenset({"functools.cached_property"})
PROPERTY_BUILTINS = frozenset({"property"})
# Decorator factories whose result is transparent: ``@functools.wraps(fn)``.
TRANSPARENT_DECORATOR_FACTORIES = frozenset({"functools.wraps", "functools.lru_cache"})

ASYNC_CONTEXT_MANAGER_DECORATORS = frozenset(
    {"contextlib.asynccontextmanager", "contextlib2.asynccontextmanager"}
)
CONTEXT_MANAGER_DECORATORS = frozenset({"contextlib.contextmanager"})
OVERLOAD_DECORATORS = frozenset({"typing.overload", "typing_extensions.overload"})
# ``cast(T, value)`` gives ``value`` itself.
CAST_FUNCTIONS = frozenset({"typing.cast", "typing_extensions.cast"})
# ``partial(func, ...)``: a callable calling ``func``.
PARTIAL_FUNCTIONS = frozenset({"functools.partial"})
ABSTRACT_DECORATORS = frozenset({"abc.abstractmethod"})

# Bases that define none of the methods a project class could call on itself.
NEUTRAL_BASES = frozenset(
    {
        "object",
        "abc.ABC",
        "typing.Generic",
        "typing.Protocol",
        "typing_extensions.Protocol",
        "typing_extensions.Generic",
    }
)
# Standard-library bases and their members (special methods and public methods, inherited
# ones included; read from the classes themselves): a class whose unknown bases are all
# among these has exactly what its own order defines plus these.
_SEQUENCE = ("__contains__", "__getitem__", "__iter__", "__len__", "__reversed__", "count", "index")
_MAPPING = ("__contains__", "__getitem__", "__iter__", "__len__", "get", "items", "keys", "values")
_SET = ("__contains__", "__iter__", "__len__", "isdisjoint")
_ABC_MEMBERS = {
    "Awaitable": ("__await__",),
    "Coroutine": ("__await__", "close", "send", "throw"),
    "AsyncIterable": ("__aiter__",),
    "AsyncIterator": ("__aiter__", "__anext__"),
    "AsyncGenerator": ("__aiter__", "__anext__", "aclose", "asend", "athrow"),
    "Iterable": ("__iter__",),
    "Iterator": ("__iter__", "__next__"),
    "Generator": ("__iter__", "__next__", "close", "send", "throw"),
    "Reversible": ("__iter__", "__reversed__"),
    "Collection": ("__contains__", "__iter__", "__len__"),
    "Sequence": _SEQUENCE,
    "MutableSequence": _SEQUENCE + (
        "__delitem__", "__setitem__", "append", "clear", "extend", "insert", "pop", "remove",
        "reverse",
    ),
    "Mapping": _MAPPING,
    "MutableMapping": _MAPPING + (
        "__delitem__", "__setitem__", "clear", "pop", "popitem", "setdefault", "update",
    ),
    "Set": _SET,
    "MutableSet": _SET + ("add", "clear", "discard", "pop", "remove"),
    "Sized": ("__len__",),
    "Container": ("__contains__",),
    "Hashable": (),
    "Callable": ("__call__",),
}
_CONTEXT_MANAGER_MEMBERS = {
    "AsyncContextManager": ("__aenter__", "__aexit__"),
    "ContextManager": ("__enter__", "__exit__"),
}
_BASE_PROTOCOL_MEMBERS = frozenset(
    {"__slots__", "connection_made", "connection_lost", "pause_writing", "resume_writing"}
)
_PROTOCOL_CLASS_MEMBERS = {
    "BaseProtocol": (),
    "Protocol": ("data_received", "eof_received"),
    "BufferedProtocol": ("get_buffer", "buffer_updated", "eof_received"),
    "DatagramProtocol": ("datagram_received", "error_received"),
    "SubprocessProtocol": ("pipe_data_received", "pipe_connection_lost", "process_exited"),
}
STDLIB_BASE_MEMBERS = {
    **{f"{module}.{name}": frozenset(members)
       for module in ("collections.abc", "typing", "typing_extensions")
       for name, members in _ABC_MEMBERS.items()},
    **{f"contextlib.Abstract{name}": frozenset(members)
       for name, members in _CONTEXT_MANAGER_MEMBERS.items()},
    **{f"{module}.{name}": frozenset(members)
       for module in ("typing", "typing_extensions")
       for name, members in _CONTEXT_MANAGER_MEMBERS.items()},
    # asyncio's protocol classes (websockets' ``Connection(asyncio.Protocol)``): callbacks the
    # transport calls, no special method.  Each with what it inherits from ``BaseProtocol``.
    **{f"asyncio.{name}": frozenset(members) | _BASE_PROTOCOL_MEMBERS
       for name, members in _PROTOCOL_CLASS_MEMBERS.items()},
}
PROTOCOL_BASES = frozenset({"typing.Protocol", "typing_extensions.Protocol"})
NEUTRAL_METACLASSES = frozenset({"abc.ABCMeta", "type"})
NEUTRAL_CLASS_DECORATORS = frozenset(
    {
        "dataclasses.dataclass",
        "typing.final",
        "typing_extensions.final",
        "typing.runtime_checkable",
        "typing_extensions.runtime_checkable",
        "functools.total_ordering",
        # attrs: builds the class's ``__init__`` and dunders from its annotated fields and
        # keeps its methods (``slots=True`` copies them onto a new class).
        *(f"{module}.{name}" for module in ("attrs", "attr")
          for name in ("define", "frozen", "mutable")),
        "attr.s", "attr.attrs", "attr.attributes", "attr.dataclass",
    }
)
# The same decorators where the installed package is read: the functions behind them, by
# module and name (``attrs.frozen`` is ``partial(define, ...)``).
NEUTRAL_CLASS_DECORATOR_FUNCTIONS = frozenset({"attr._next_gen.define", "attr._make.attrs"})

ASYNC_ITERATOR_NAMES = frozenset({"AsyncGenerator", "AsyncIterator", "AsyncIterable"})
ASYNC_ITERATOR_ANNOTATIONS = frozenset(
    f"{mod}.{name}"
    for mod in ("typing", "typing_extensions", "collections.abc")
    for name in ASYNC_ITERATOR_NAMES
)

# ``AsyncIterator[T]`` / ``AsyncGenerator[...]``: what a plain ``def`` so annotated returns is
# iterated with ``async for`` only.  (Not ``AsyncIterable``: openai's paginators are async
# iterable and awaitable both, and a wrapper may fairly declare them ``AsyncIterable``.)
DECLARED_STREAM_ANNOTATIONS = frozenset(
    f"{mod}.{name}"
    for mod in ("typing", "typing_extensions", "collections.abc")
    for name in ("AsyncGenerator", "AsyncIterator")
)
CALLABLE_ANNOTATIONS = frozenset(
    f"{mod}.Callable" for mod in ("typing", "typing_extensions", "collections.abc")
)
# ``Coroutine[Any, Any, T]``: what a plain ``def`` so annotated returns is a coroutine object.
COROUTINE_ANNOTATIONS = frozenset(
    f"{mod}.Coroutine" for mod in ("typing", "typing_extensions", "collections.abc")
)
AWAITABLE_ANNOTATIONS = frozenset(
    f"{mod}.Awaitable" for mod in ("typing", "typing_extensions", "collections.abc")
)

# APIs that need a coroutine (or awaitable) and reject an async generator: the index of the
# positional arguments to check (None: all of them).
COROUTINE_APIS: dict[str, int | None] = {
    "asyncio.run": 0,
    "asyncio.create_task": 0,
    "asyncio.ensure_future": 0,
    "asyncio.gather": None,
    "asyncio.wait_for": 0,
    "asyncio.shield": 0,
    "asyncio.run_coroutine_threadsafe": 0,
}
# Keyword names under which those APIs take the coroutine.
COROUTINE_API_KEYWORDS = frozenset({"main", "coro", "aw", "fut", "coro_or_future", "arg"})
# Libraries whose event loops, task groups and nurseries have those methods.
ASYNC_LIBRARIES = frozenset({"asyncio", "anyio", "trio"})
# Methods with these names on objects from those libraries (event loops, TaskGroups) need a
# coroutine as their first argument.
COROUTINE_METHODS = frozenset({"run_until_complete", "create_task"})

# APIs that take an async *function* and call it themselves: index of the function argument.
ASYNC_FUNCTION_APIS: dict[str, int] = {
    "anyio.run": 0,
    "trio.run": 0,
    "anyio.from_thread.run": 0,
    "trio.from_thread.run": 0,
}
ASYNC_FUNCTION_METHODS = frozenset({"start_soon"})

# APIs that call a function they are given from plain code (a signal handler, an exit hook, a
# thread, an executor) and drop what it returns, or hand it back as the result: an async
# function given to one makes a coroutine nobody awaits.  Qualified name -> the function's
# position and keyword (None: positional only).
SYNC_CALLBACK_APIS: dict[str, Tuple[int, Optional[str]]] = {
    "signal.signal": (1, "handler"),
    "atexit.register": (0, None),
    "threading.Thread": (1, "target"),
    "threading.Timer": (1, "function"),
    "asyncio.to_thread": (0, None),
    "anyio.to_thread.run_sync": (0, None),
    "anyio.from_thread.run_sync": (0, None),
    "trio.to_thread.run_sync": (0, None),
}
# Methods with these names on asyncio's event loops and futures (and on concurrent.futures'
# executors) call the function given at this position and drop what it returns (an
# executor's future holds it as the result).
SYNC_CALLBACK_METHODS: dict[str, int] = {
    "call_soon": 0, "call_soon_threadsafe": 0, "call_later": 1, "call_at": 1,
    "add_signal_handler": 1, "add_reader": 1, "add_writer": 1, "run_in_executor": 1,
    "add_done_callback": 0, "submit": 0,
    # ``stack.callback(f)`` on contextlib's exit stacks (``AsyncExitStack`` too): run at exit
    # as a plain function (``push_async_callback`` is the async one).
    "callback": 0,
}
# Builtins calling the function given (at this position or keyword) for each item and using
# what it returns as a plain value: a sort key compared with ``<``, a test taken for truth.
SYNC_CALLBACK_BUILTINS: dict[str, Union[int, str]] = {
    "sorted": "key", "min": "key", "max": "key", "list.sort": "key", "filter": 0,
}
# Where those methods' receivers come from: asyncio's loops and futures, executors, exit stacks.
SYNC_CALLBACK_LIBRARIES = frozenset({"asyncio", "concurrent", "contextlib"})

# ``asyncio.wait(fs)`` takes tasks and futures only: from Python 3.11 a coroutine among them
# raises ``TypeError: Passing coroutines is forbidden, use tasks explicitly.`` (deprecated since
# 3.8).  The position an ``arg`` site of one element of ``fs`` (a display's item, a
# comprehension's element) is given.
WAIT_APIS = frozenset({"asyncio.wait"})
WAIT_ELEMENT = "fs[]"
# The position of an ``arg`` site of one element of what a call uses element by element as
# values (``"".join(...)``, ``sum(...)``, ``sorted(...)``, ``json.dumps(...)``; see AGN215).
CONSUMED_ELEMENT = "[]"
# The ``how`` of an ``operand`` site formatted with a spec (``f"{price():.2f}"``).
FORMAT_SPEC = "format spec"
# The ``how`` of an ``operand`` site unpacked as a mapping (``f(**x)``, ``{**x}``).
MAPPING_UNPACK = "**"

# Builtins that iterate positional arguments synchronously: name -> which positions, as
# (first index, last index or None for "to the end", only when this many positional args).
# ``next(it, default)`` iterates only ``it``; ``min(a, b)`` compares, ``min(it)`` iterates;
# ``iter(callable, sentinel)`` calls.
SYNC_ITERATING_BUILTINS: dict[str, tuple[int, int | None, int | None]] = {
    "list": (0, 0, None),
    "tuple": (0, 0, None),
    "set": (0, 0, None),
    "frozenset": (0, 0, None),
    "dict": (0, 0, None),
    "sorted": (0, 0, None),
    "sum": (0, 0, None),
    "enumerate": (0, 0, None),
    "reversed": (0, 0, None),
    "any": (0, 0, None),
    "all": (0, 0, None),
    "next": (0, 0, None),
    "iter": (0, 0, 1),
    "min": (0, 0, 1),
    "max": (0, 0, 1),
    "zip": (0, None, None),
    "map": (1, None, None),
    "filter": (1, 1, None),
    # Methods of builtin types, on a receiver known to be one (a display or a constant).
    "str.join": (0, 0, None),
    "bytes.join": (0, 0, None),
    "list.extend": (0, 0, None),
    "set.update": (0, None, None),
    "set.union": (0, None, None),
    "set.intersection": (0, None, None),
    "set.difference": (0, None, None),
    "dict.update": (0, 0, None),
    "dict.fromkeys": (0, 0, None),
}
# Functions from the standard library that iterate positional arguments the same way.
SYNC_ITERATING_FUNCTIONS: dict[str, tuple[int, int | None, int | None]] = {
    "collections.deque": (0, 0, None),
    "collections.Counter": (0, 0, None),
    "collections.OrderedDict": (0, 0, None),
    "itertools.chain": (0, None, None),
    "itertools.islice": (0, 0, None),
    "itertools.cycle": (0, 0, None),
    "itertools.groupby": (0, 0, None),
    "itertools.accumulate": (0, 0, None),
    "functools.reduce": (1, 1, None),
    "math.fsum": (0, 0, None),
    "math.prod": (0, 0, None),
    "statistics.mean": (0, 0, None),
    "statistics.median": (0, 0, None),
    # Methods of the standard library's containers, on a receiver known to be one
    # (``buf = deque(maxlen=10)``; ``buf.extend(...)``).
    "collections.deque().extend": (0, 0, None),
    "collections.deque().extendleft": (0, 0, None),
    "collections.Counter().update": (0, 0, None),
    "collections.Counter().subtract": (0, 0, None),
    "collections.OrderedDict().update": (0, 0, None),
}


# The last names of every API above that iterates an argument (the pre-scan lists calls of
# these names as sites; AGN203 and AGN213 judge them).
SYNC_ITERATING_CALL_NAMES = frozenset(
    name.rsplit(".", 1)[-1] for name in (*SYNC_ITERATING_BUILTINS, *SYNC_ITERATING_FUNCTIONS)
)


def iterates_argument(api: str, index: int, positional: int) -> bool:
    """Whether ``api(...)`` (a builtin, a builtin type's method or a function of
    :data:`SYNC_ITERATING_FUNCTIONS`) iterates its positional argument ``index`` of
    ``positional``."""
    first, last, only_with = SYNC_ITERATING_BUILTINS.get(api) or SYNC_ITERATING_FUNCTIONS[api]
    if only_with is not None and positional != only_with:
        return False
    return index >= first and (last is None or index <= last)


# Names of APIs whose arguments are worth looking at; lets the cheap pre-scan skip all others.
INTERESTING_CALL_NAMES = frozenset(
    {name.rsplit(".", 1)[-1] for name in COROUTINE_APIS}
    | COROUTINE_METHODS
    | {name.rsplit(".", 1)[-1] for name in ASYNC_FUNCTION_APIS}
    | ASYNC_FUNCTION_METHODS
    | set(SYNC_ITERATING_BUILTINS)
    | {name.rsplit(".", 1)[-1] for name in SYNC_CALLBACK_APIS}
    | set(SYNC_CALLBACK_METHODS)
    | {name.rsplit(".", 1)[-1] for name in SYNC_CALLBACK_BUILTINS}
)

# What ``TypeVar(...)`` evaluates to: a type variable, whose annotation uses mean its bound.
TYPE_VARIABLE_CALLS = frozenset({"typing.TypeVar()", "typing_extensions.TypeVar()"})

# The ``how`` of an ``attr`` site that reads an item (``response["data"]``), not an attribute:
# none of a coroutine, an async generator or an async context manager object is subscriptable.
ITEM_ACCESS = "[]"
# The ``how`` of an ``attr`` site that calls the object (``proxy(model)``).
CALL_ACCESS = "()"
# The ``how`` of an ``attr`` site that calls ``.send(...)`` with something a coroutine's
# ``send`` rejects: keywords, no value or several, or a value other than ``None`` (a coroutine
# not yet started takes only ``None``): ``channel.send("hi")`` on an un-awaited
# ``fetch_channel(i)``.
SEND_CALL = ".send()"
# The prefix of an ``attr`` site's ``how`` that sets the attribute (``user.name = new``).
SET_ATTRIBUTE = "="

# Coroutine functions of the standard library, which is not read: what calling them gives is
# known by name, as ``Outside.qualified`` spells the callee (``asyncio.Event().wait``: the
# ``wait`` method of an ``asyncio.Event()``).  Each is ``async def`` in every supported
# Python (3.9-3.13).
_QUEUES = ("Queue", "PriorityQueue", "LifoQueue")
STDLIB_COROUTINES = frozenset({
    "asyncio.sleep", "asyncio.wait", "asyncio.wait_for", "asyncio.to_thread",
    "asyncio.open_connection", "asyncio.open_unix_connection", "asyncio.start_server",
    "asyncio.start_unix_server", "asyncio.create_subprocess_exec",
    "asyncio.create_subprocess_shell",
    "asyncio.Event().wait", "asyncio.Lock().acquire", "asyncio.Semaphore().acquire",
    "asyncio.BoundedSemaphore().acquire",
    "asyncio.Condition().wait", "asyncio.Condition().wait_for",
    # The streams a server callback is handed (``async def handle(reader: StreamReader,
    # writer: StreamWriter)``): ``writer.drain()`` without ``await`` never flushes.
    "asyncio.StreamWriter().drain", "asyncio.StreamWriter().wait_closed",
    "asyncio.StreamReader().read", "asyncio.StreamReader().readline",
    "asyncio.StreamReader().readexactly", "asyncio.StreamReader().readuntil",
    # What ``await asyncio.create_subprocess_exec(...)`` gives (``subprocess.Popen`` has plain
    # methods of the same names: ``proc.wait()`` without ``await`` never waits).
    "asyncio.subprocess.Process().wait", "asyncio.subprocess.Process().communicate",
    # ``stack.enter_async_context(cm)`` without ``await`` never enters ``cm``.
    "contextlib.AsyncExitStack().enter_async_context", "contextlib.AsyncExitStack().aclose",
} | {f"asyncio.{queue}().{method}" for queue in _QUEUES for method in ("get", "put", "join")})
# An async generator object's methods whose call gives an awaitable to await (``await
# stream.aclose()``; without ``await`` the generator is never closed), as ``Outside.qualified``
# spells them: judged as the standard library's coroutine functions are.
ASYNC_GENERATOR = "async_generator"
ASYNC_GENERATOR_METHODS = frozenset(
    f"{ASYNC_GENERATOR}.{name}" for name in ("asend", "athrow", "aclose")
)
# What the standard library's plain functions and methods give, spelled as ``Outside.qualified``
# spells a call's result: the class a message names, and which of the statements' special
# methods that class has (the same in Python 3.9-3.13, checked by running each).  None of them is
# awaitable, async-iterable or an async context manager, so ``await time.sleep(1)``, ``await
# writer.write(data)``, ``await event.set()``, ``async with open(path)`` and ``async with
# threading.Lock()`` raise TypeError (the first three at the ``None`` they return).
_CONTEXT = frozenset({"__enter__", "__exit__"})
_NONE: Tuple[str, FrozenSet[str]] = ("NoneType", frozenset())  # what returns None gives
_BOOL: Tuple[str, FrozenSet[str]] = ("bool", frozenset())
STDLIB_SYNC_RESULTS: Dict[str, Tuple[str, FrozenSet[str]]] = {
    "time.sleep()": _NONE,
    "open()": ("io.IOBase", _CONTEXT | {"__iter__"}),
    "io.open()": ("io.IOBase", _CONTEXT | {"__iter__"}),
    **{f"threading.{name}()": (f"threading.{name}", _CONTEXT)
       for name in ("Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition")},
    "threading.Event()": ("threading.Event", frozenset()),
    "threading.Event().wait()": _BOOL,
    "threading.Lock().acquire()": _BOOL,
    "subprocess.run()": ("subprocess.CompletedProcess", frozenset()),
    "subprocess.call()": ("int", frozenset()),
    "subprocess.check_call()": ("int", frozenset()),
    "subprocess.check_output()": ("bytes", frozenset({"__iter__"})),
    "subprocess.Popen()": ("subprocess.Popen", _CONTEXT),
    "subprocess.Popen().wait()": ("int", frozenset()),
    "subprocess.Popen().communicate()": ("tuple", frozenset({"__iter__"})),
    "os.system()": ("int", frozenset()),
    "tempfile.TemporaryDirectory()": ("tempfile.TemporaryDirectory", _CONTEXT),
    "tempfile.NamedTemporaryFile()": ("tempfile.NamedTemporaryFile", _CONTEXT | {"__iter__"}),
    "sqlite3.connect()": ("sqlite3.Connection", _CONTEXT),
    "socket.socket()": ("socket.socket", _CONTEXT),
    "concurrent.futures.ThreadPoolExecutor()": ("concurrent.futures.ThreadPoolExecutor", _CONTEXT),
    "concurrent.futures.ProcessPoolExecutor()": (
        "concurrent.futures.ProcessPoolExecutor", _CONTEXT
    ),
    "contextlib.suppress()": ("contextlib.suppress", _CONTEXT),
    "contextlib.ExitStack()": ("contextlib.ExitStack", _CONTEXT),
    "contextlib.redirect_stdout()": ("contextlib.redirect_stdout", _CONTEXT),
    "contextlib.redirect_stderr()": ("contextlib.redirect_stderr", _CONTEXT),
    "asyncio.get_running_loop()": ("asyncio.AbstractEventLoop", frozenset()),
    "asyncio.get_event_loop()": ("asyncio.AbstractEventLoop", frozenset()),
    "asyncio.new_event_loop()": ("asyncio.AbstractEventLoop", frozenset()),
    # asyncio's own plain objects: ``async for item in queue`` and ``await event`` (for
    # ``await event.wait()``) raise TypeError too.
    **{f"asyncio.{queue}()": (f"asyncio.{queue}", frozenset()) for queue in _QUEUES},
    "asyncio.Event()": ("asyncio.Event", frozenset()),
    "asyncio.Event().set()": _NONE, "asyncio.Event().clear()": _NONE,
    "asyncio.Event().is_set()": _BOOL,
    **{f"asyncio.{lock}().{method}()": result
       for lock in ("Lock", "Semaphore", "BoundedSemaphore", "Condition")
       for method, result in (("release", _NONE), ("locked", _BOOL))
       if (lock, method) != ("Condition", "locked")},
    "asyncio.Condition().notify()": _NONE, "asyncio.Condition().notify_all()": _NONE,
    **{f"asyncio.{queue}().{method}()": result
       for queue in _QUEUES
       for method, result in (
           ("put_nowait", _NONE), ("task_done", _NONE), ("qsize", ("int", frozenset())),
           ("empty", _BOOL), ("full", _BOOL),
       )},
    "asyncio.StreamWriter().write()": _NONE, "asyncio.StreamWriter().writelines()": _NONE,
    "asyncio.StreamWriter().write_eof()": _NONE, "asyncio.StreamWriter().close()": _NONE,
    "asyncio.StreamWriter().is_closing()": _BOOL, "asyncio.StreamWriter().can_write_eof()": _BOOL,
    "asyncio.StreamReader().at_eof()": _BOOL,
}
# What awaiting a standard-library coroutine's call gives, spelled as ``Outside.qualified``
# spells an object a call made.
STDLIB_AWAITED: Dict[str, str] = {
    "asyncio.create_subprocess_exec": "asyncio.subprocess.Process()",
    "asyncio.create_subprocess_shell": "asyncio.subprocess.Process()",
}
# Attributes of standard-library objects that hold objects known by name (a process's pipes,
# when made with ``PIPE``; ``None`` otherwise, which supports no protocol either).
STDLIB_ATTRIBUTES: Dict[str, str] = {
    "asyncio.subprocess.Process().stdout": "asyncio.StreamReader()",
    "asyncio.subprocess.Process().stderr": "asyncio.StreamReader()",
    "asyncio.subprocess.Process().stdin": "asyncio.StreamWriter()",
}
# Standard-library coroutines whose result is unpacked into a fixed number of objects known by
# name: ``reader, writer = await asyncio.open_connection(...)``.
STDLIB_UNPACKED: Dict[str, Tuple[str, ...]] = {
    "asyncio.open_connection": ("asyncio.StreamReader()", "asyncio.StreamWriter()"),
    "asyncio.open_unix_connection": ("asyncio.StreamReader()", "asyncio.StreamWriter()"),
}
# Standard-library functions that call a method of a file-like argument and use what it
# returns at once (``json.load`` parses what ``fp.read()`` gives; ``json.dump`` hands each chunk
# to ``fp.write`` and drops what it returns): qualified name -> (position, parameter, method,
# the parameter's annotation in typeshed).  An object whose method is a coroutine function
# (aiofiles' handles) fails there, or (``dump``) writes nothing.
STDLIB_FILE_PARAMETERS: Dict[str, Tuple[int, str, str, str]] = {
    "json.load": (0, "fp", "read", "SupportsRead[str | bytes]"),
    "json.dump": (1, "fp", "write", "SupportsWrite[str]"),
    "pickle.load": (0, "file", "read", "_ReadableFileobj"),
    "pickle.dump": (1, "file", "write", "SupportsWrite[bytes]"),
}
FILE_PARAMETER_CALL_NAMES = frozenset(name.rsplit(".", 1)[1] for name in STDLIB_FILE_PARAMETERS)
# contextlib's exit stacks, as ``Outside.qualified`` spells one made (or entered: a suffix).
EXIT_STACKS = ("contextlib.AsyncExitStack()", "contextlib.ExitStack()")
# Builtin types a display, a constant or a builtin's call makes, and which of the statements'
# special methods each has: none is awaitable, async-iterable or an async context manager
# (``async for item in items`` with ``items = [...]``).  ``None`` and ``bool`` are left out: a
# name bound to them is a placeholder more often than a value used.
_ITERABLE = frozenset({"__iter__"})
BUILTIN_VALUE_TYPES: Dict[str, FrozenSet[str]] = {
    **{name: _ITERABLE for name in (
        "list", "tuple", "set", "frozenset", "dict", "str", "bytes", "bytearray", "range",
    )},
    **{name: frozenset() for name in ("int", "float", "complex")},
}
# What to use instead, where the standard library has an async twin.
STDLIB_ASYNC_TWINS: Dict[str, str] = {
    "time.sleep()": "asyncio.sleep", "threading.Lock()": "asyncio.Lock",
    "threading.Semaphore()": "asyncio.Semaphore", "threading.Event()": "asyncio.Event",
    "threading.Condition()": "asyncio.Condition", "subprocess.run()":
    "asyncio.create_subprocess_exec", "subprocess.Popen()": "asyncio.create_subprocess_exec",
}
# Standard-library functions returning a future to await (``results = asyncio.gather(...)``
# without ``await``: ``results[0]`` raises TypeError).  Judged as an awaitable: only what no
# future supports (a truth test, an operator, ``[...]``).
STDLIB_FUTURES = frozenset({"asyncio.gather"})
# The classes whose methods those are: a parameter or field annotated with one holds an
# instance of it (``queue: asyncio.Queue[int]`` then ``queue.get()``).
# (asyncio's only: ``threading.Lock`` is a factory function in some versions, and a module
# generated for both worlds may declare either, see pymongo's ``asynchronous/``.)
STDLIB_ANNOTATED_CLASSES = frozenset(
    name.split("()", 1)[0] for name in (*STDLIB_COROUTINES, *STDLIB_SYNC_RESULTS)
    if "()." in name and name.startswith("asyncio.")
) | {
    # Event loops and futures: their callback-taking methods are known by name (AGN217).
    "asyncio.AbstractEventLoop", "asyncio.BaseEventLoop", "asyncio.Future", "asyncio.Task",
    # contextlib's async exit stack (a class in every supported version).
    "contextlib.AsyncExitStack",
    # Executors: ``submit`` calls its function as a plain one in a worker (AGN217).
    "concurrent.futures.Executor", "concurrent.futures.ThreadPoolExecutor",
    "concurrent.futures.ProcessPoolExecutor",
}
# Objects of the standard library that are async context managers only (no ``__enter__`` in
# Python 3.9-3.13; ``asyncio.timeout`` and ``TaskGroup`` from 3.11): ``with`` on one raises
# TypeError.  Spelled as ``Outside.qualified`` spells the object a call made.
# The value is the class of such an object (``asyncio.timeout(...)`` makes a ``Timeout``).
STDLIB_ASYNC_ONLY_MANAGERS: dict[str, str] = {
    "asyncio.Lock()": "asyncio.Lock", "asyncio.Semaphore()": "asyncio.Semaphore",
    "asyncio.BoundedSemaphore()": "asyncio.BoundedSemaphore",
    "asyncio.Condition()": "asyncio.Condition", "asyncio.timeout()": "asyncio.Timeout",
    "asyncio.timeout_at()": "asyncio.Timeout", "asyncio.TaskGroup()": "asyncio.TaskGroup",
}


# Annotations of containers whose elements an annotation's type arguments declare: the
# builtin type the container is ("" when it may be any class implementing the protocol), and
# whether its type arguments are the elements' (``list[Repo]``) or a key's and a value's
# (``dict[str, Repo]``).  ``tuple[...]`` is left out: ``tuple[A, B]`` is a pair, not a
# sequence of one class.
_SEQUENCE_ABCS = ("Sequence", "MutableSequence", "Iterable", "Iterator", "Collection",
                  "Set", "MutableSet", "Reversible")
_MAPPING_ABCS = ("Mapping", "MutableMapping")
CONTAINER_ANNOTATIONS: Dict[str, Tuple[str, bool]] = {
    "list": ("list", False), "set": ("set", False), "frozenset": ("frozenset", False),
    "dict": ("dict", True),
    "typing.List": ("list", False), "typing.Set": ("set", False),
    "typing.FrozenSet": ("frozenset", False), "typing.Dict": ("dict", True),
    "typing.AbstractSet": ("", False), "typing.Deque": ("", False),
    "typing.DefaultDict": ("", True), "typing.OrderedDict": ("", True),
    "collections.deque": ("", False), "collections.defaultdict": ("", True),
    "collections.OrderedDict": ("", True),
    **{f"{module}.{name}": ("", False)
       for module in ("typing", "collections.abc") for name in _SEQUENCE_ABCS},
    **{f"{module}.{name}": ("", True)
       for module in ("typing", "collections.abc") for name in _MAPPING_ABCS},
}
# Methods of a container that give one of its elements (a mapping's values), or ``None``.
ELEMENT_METHODS = frozenset({"get", "pop", "setdefault", "popleft"})


# Special methods the interpreter (or a builtin) calls as plain methods, and the kinds of
# function that make what it gets from the call wrong, whoever uses the class: ``async for``
# needs an async iterator from ``__aiter__`` (a coroutine has no ``__anext__``), and awaits what
# ``__anext__``, ``__aenter__`` and ``__aexit__`` return (an async generator or a context
# manager is not awaitable); ``await``, ``for`` and the builtins need a plain value; ``with``
# and ``__del__`` drop the coroutine.  ``__call__``, ``__getitem__`` and ``__getattr__`` are
# left out: ``await obj(...)``, ``await obj[key]`` are designs that work; ``__new__`` too
# (``await Model(...)`` through an ``async def __new__`` is a known idiom).
_ANY_ASYNC_KIND = frozenset({"coro", "agen", "acm", "cm"})
SPECIAL_METHOD_WRONG_KINDS: Dict[str, FrozenSet[str]] = {
    "__aiter__": frozenset({"coro", "acm", "cm"}),
    "__anext__": frozenset({"agen", "acm", "cm"}),
    "__aenter__": frozenset({"agen", "acm", "cm"}),
    "__aexit__": frozenset({"agen", "acm", "cm"}),
    "__enter__": frozenset({"coro", "agen", "acm"}),
    "__exit__": frozenset({"coro", "agen", "acm"}),
    "__del__": frozenset({"coro", "agen"}),
    **dict.fromkeys((
        "__await__", "__iter__", "__next__", "__init__", "__len__", "__bool__", "__str__",
        "__repr__", "__hash__", "__index__", "__int__", "__float__", "__contains__",
    ), _ANY_ASYNC_KIND),
}
DEFINED_SPECIAL_METHODS = frozenset(SPECIAL_METHOD_WRONG_KINDS)
