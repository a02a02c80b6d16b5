"""Sites and their tags, shared by the ``ast`` pre-scan and the libcst pass.

The pre-scan fires the libcst pass only when some site carries a tag that a
rule listening to that site's context fires on; both passes compute tags here,
so the pre-scan can never miss what a rule would report.
"""

from __future__ import annotations

from typing import Optional, Sequence, Tuple

from .facts import Desc, Site as AstSite
from .project import ModuleInfo
from .resolve import Evaluator, Value
from .rules import triggers_by_context
from .rules.base import value_tag

_TRIGGERS = triggers_by_context()


def site_value(
    evaluator: Evaluator, info: ModuleInfo, context: str, sid: int, desc: Desc
) -> Tuple[Value, Optional[str]]:
    """The value at a site and its tag (``None``: no rule can fire there)."""
    scope = info.scopes[sid]
    if context in ("def", "return"):
        # Definition rules judge coroutines whose decorators are all known.
        if scope["k"] != "f" or evaluator.func_kind(info.name, sid) != "coro":
            return None, None
        if context == "def":
            found = evaluator.is_async_iterator_annotation(info.name, sid)
            return None, ("asynciter" if found else None)
        if desc[0] == "w":
            return None, None  # ``return await f()`` passes on f's result: judged at f
        name = str(scope["n"])
        if name.startswith("__") and name.endswith("__"):
            return None, None  # ``__aenter__`` and friends are awaited by the interpreter
    if context == "discard" and desc[0] == "w":
        return None, None  # ``await f()`` as a statement: the coroutine did run
    value = evaluator.eval(desc, info.name, sid)
    return value, value_tag(evaluator, value)


def needs_cst_pass(evaluator: Evaluator, info: ModuleInfo, sites: Sequence[AstSite]) -> bool:
    for context, sid, desc, _ in sites:
        triggers = _TRIGGERS[context]
        if triggers and site_value(evaluator, info, context, sid, desc)[1] in triggers:
            return True
    return False
