"""What a *site* is: a place where a value is used in a way a rule may judge.

This is the one definition of sites.  The ``ast`` walk in :mod:`facts` lists
them; the rules judge them from the site and the project's facts alone; the
libcst pass only finds the node a site names (to report and to fix it).  So the
result for a site never depends on what else the file contains.

Contexts: ``await`` (``await x``), ``iter`` (``for``, sync comprehensions,
``yield from``, ``*`` unpacking), ``aiter`` (``async for``, async
comprehensions), ``awith`` (``async with``), ``discard`` (an expression
statement), ``return`` (a coroutine's ``return``), ``arg`` (an argument of a
call), ``def`` (a coroutine's return annotation), ``truth`` (a condition) and
``operand`` (an operand of an arithmetic, bitwise or ordering operator; ``how`` is the
operator), ``callback`` (the call a lambda given as an argument returns: ``loop.call_soon(lambda:
flush())``; ``call`` is the lambda's place among the arguments) and ``special`` (a special method
Python calls itself, defined in a class body: ``async def __aiter__``).
"""

from __future__ import annotations

from typing import Literal, NamedTuple, Optional, Tuple, Union

from .model import Expr

# ``entry``: a module-level function the project declares as a command (a console script);
# made by the checker from the project's configuration, not by the ``ast`` walk.
Context = Literal[
    "await", "iter", "aiter", "awith", "with", "discard", "attr", "return", "arg", "def", "truth",
    "operand", "entry", "callback", "special",
]
CONTEXTS: Tuple[Context, ...] = (
    "await", "iter", "aiter", "awith", "with", "discard", "attr", "return", "arg", "def", "truth",
    "operand", "entry", "callback", "special",
)
# What a value is, as far as the rules care.
# ``astream``: what awaiting an overload declared to give an async iterator gives.
# ``awaitable``: what calling a callable declared to return ``Awaitable[...]`` gives (a
# coroutine, a task or a future: only what none of them supports is judged).
Tag = Literal[
    "coro", "agen", "acm", "cm", "agen_fn", "function", "asynciter", "instance", "plain", "astream",
    "awaitable",
]


class Span(NamedTuple):
    """Where an expression is, as ``ast`` gives it: 1-based lines, UTF-8 byte columns."""

    line: int
    col: int
    end_line: int
    end_col: int


class CallArg(NamedTuple):
    """For ``arg`` sites: the call the argument is passed to."""

    func: Expr
    position: Union[int, str]  # index among the positional arguments, or the keyword
    positional: int  # how many positional arguments the call has (``*args`` excluded)
    after_star: bool = False  # a ``*args`` comes before it: where it lands is not known


class Guard(NamedTuple):
    """``if inspect.isasyncgenfunction(handler):``: inside the branch (or after a negated
    guard that returns), ``handler`` is known to be what the guard tests."""

    name: str
    kind: str  # "agen" / "coro": of the function's calls (``*function``) or of the object
    test: Expr  # the guard function, checked to be ``inspect.…`` / ``asyncio.…`` when judged
    function: bool  # ``isasyncgenfunction(f)`` tests a function; ``isasyncgen(x)`` an object
    line: int
    scope: int  # the function whose name it tests (a nested ``def`` may rebind the name)


class Site(NamedTuple):
    context: Context
    scope: int  # the scope the expression is evaluated in
    expr: Expr
    span: Span  # the expression used (``def``: the return annotation)
    outer: Optional[Span] = None  # ``await``: the whole ``await`` expression
    # ``iter`` / ``aiter``: what iterates (a key of messages.ITERATION_WORDING); ``attr``: the
    # attribute read; ``discard``: ``"call"`` when the statement is a call.
    how: str = ""
    call: Optional[CallArg] = None
    guard: Optional[Guard] = None
    # Inside an ``if`` on the environment (``sys.platform``, the version, a flag set beside an
    # ``except ImportError``): module-level alternatives are not judged one by one there.
    in_environment_branch: bool = False
    # An attribute read (``account.balance >= amount``, ``self.account.info["k"]``) that is a
    # site only where a property getter answers it: reading it calls the getter, and an
    # ``async def`` getter gives a coroutine.  Any other attribute is not judged there.
    getter: bool = False
