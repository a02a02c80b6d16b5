"""AGN215: a coroutine or async generator object used as a number, string or sized value."""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from .api import (
    AsyncGenExpression, Builtin, CALL_RESULTS, JudgedSite, Outside, Rule, RuleContext, Site,
    Queries, kinds, messages,
)

# Builtins and standard library functions that raise TypeError for an argument that is not a
# number, a string, bytes or a sized object, and the positional arguments they convert
# (``None``: all of them).
VALUE_CONSUMERS: Dict[str, Optional[Tuple[int, ...]]] = {
    "len": (0,), "int": (0,), "float": (0,), "complex": (0, 1), "abs": (0,),
    "round": (0,), "divmod": None, "pow": None, "bytes": (0,), "bytearray": (0,),
    "ord": (0,), "chr": (0,), "hex": (0,), "oct": (0,), "bin": (0,),
    "json.loads": (0,), "math.floor": (0,), "math.ceil": (0,), "math.isclose": (0, 1),
}

# What uses each element of the display or comprehension given to it as such a value (or,
# for ``json.dumps``, as a serialisable one): ``"".join(client.get(k) for k in keys)``.
ELEMENT_CONSUMERS = frozenset({
    "str.join", "bytes.join", "sum", "sorted", "min", "max", "math.fsum", "json.dumps",
})


class CoroutineUsedAsValue(Rule):
    """``total += counter.incr()``, ``len(response.aread())``, ``int(cache.get(key))``,
    ``client.count() > 0``: what the call gives is a coroutine (or an async generator),
    which supports none of these, so the expression raises TypeError and the coroutine never
    runs.  A name bound to the call is judged too (``body = resp.aread(); body + b"!"``): no
    coroutine is ever added to something on purpose.

    So is each element of a display or sync comprehension given to something that uses its
    elements so (``"".join(client.get(k) for k in keys)``, ``sum(...)``, ``sorted(...)``,
    ``min`` / ``max``, ``json.dumps(...)``, also a dict's values there), unless a keyword
    gives it another way to use them (``key=``, ``default=``, ``cls=``).

    A format spec applied to it (``f"{price():.2f}"``) raises too: ``object.__format__``
    accepts only an empty one.

    Not judged: ``%`` with the object on the right (``"%s" % fetch()`` formats anything),
    ``==`` / ``!=`` (no error), ``str()`` / ``repr()`` / f-strings (no error), and calls
    of anything but the builtins and functions listed above."""

    code = "AGN215"
    contexts = ("operand", "arg")
    triggers = frozenset({"coro", "agen", "acm", "awaitable"})
    INVALID = [
        "async def count():\n    return 1\nasync def main():\n    return count() + 1\n",
        "async def body():\n    return b''\nasync def main():\n    return len(body())\n",
        "async def count():\n    return 1\nasync def main():\n    n = count()\n"
        "    if n > 0:\n        return n\n",
        "async def name(k):\n    return k\nasync def main(keys):\n"
        "    return ', '.join(name(k) for k in keys)\n",
    ]
    VALID = [
        "async def count():\n    return 1\nasync def main():\n    return await count() + 1\n",
        "async def body():\n    return b''\nasync def main():\n"
        "    return len(await body())\n",
        "async def name():\n    return 'x'\nasync def main():\n"
        "    return 'pending: %s' % (await name())\n",
        "import asyncio\nasync def name(k):\n    return k\nasync def main(keys):\n"
        "    return ', '.join(await asyncio.gather(*(name(k) for k in keys)))\n",
        "async def name(k):\n    return k\nasync def main(keys):\n"
        "    return sorted((name(k) for k in keys), key=id)\n",
    ]

    def check(self, judged: JudgedSite, ctx: RuleContext) -> None:
        value = judged.value
        site = judged.site
        if not isinstance(value, CALL_RESULTS + (AsyncGenExpression,)):
            return
        kind = value.kind
        if kind not in messages.VALUE_ADVICE:
            return
        if site.context == "operand":
            use, lacks = messages.operator_use(site.how), messages.OPERAND_LACKS
            if site.how == kinds.FORMAT_SPEC:
                lacks = messages.FORMAT_LACKS
            elif site.how == kinds.MAPPING_UNPACK:
                lacks = messages.MAPPING_LACKS
        else:
            api = _consumer(site, ctx.queries)
            if api is None:
                return
            use, lacks = messages.conversion_use(api), messages.CONVERSION_LACKS
            if site.call is not None and site.call.position == kinds.CONSUMED_ELEMENT:
                use = messages.element_use(api)
        fields = ctx.queries.callee_fields(value)
        if isinstance(value, AsyncGenExpression):
            obj = messages.ASYNC_GENEXP_WORDING
        else:
            obj = messages.unawaited_call(kind, fields["callee"])
        ctx.report(self.code, site.span, {
            "use": use,
            "object": obj,
            "where": fields["where"],
            "what": messages.ARGUMENT_WHAT.get(kind, messages.OBJECT_WORDING[kind]),
            "lacks": lacks,
            "advice": messages.VALUE_ADVICE[kind],
        })


def _consumer(site: Site, queries: Queries) -> Optional[str]:
    """The builtin or function of :data:`VALUE_CONSUMERS` the ``arg`` site's argument is
    converted by, or None."""
    call = site.call
    if call is None or call.after_star:
        return None
    elements = call.position == kinds.CONSUMED_ELEMENT
    if isinstance(call.position, str) and not elements:
        return None
    func = queries.eval(call.func, site.scope)
    if isinstance(func, Builtin):
        name = func.name
    elif isinstance(func, Outside):
        name = func.qualified
    else:
        return None
    if elements:
        return name if name in ELEMENT_CONSUMERS else None
    if name not in VALUE_CONSUMERS:
        return None
    positions = VALUE_CONSUMERS[name]
    if positions is not None and call.position not in positions:
        return None
    return name
