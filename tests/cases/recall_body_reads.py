"""A coroutine (or async generator) passed to a function whose body reads an attribute or item
of that parameter before anything can stop it: the read fails inside the callee (AGN210,
reported at the argument, naming the callee, the parameter and the read).

Real case: line-bot-sdk's async client passed its response wrapper's ``json`` property, which
returned ``self.response.json()`` un-awaited, to ``Profile.new_from_json_dict(data)``, whose
first statement iterates ``data.items()``: "'coroutine' object has no attribute 'items'".

Only what runs on every path is a read: the top-level statements up to the first return,
branch, loop, ``with`` or ``try`` (their headers included), the first operand of ``and`` /
``or``, the test of a conditional expression, the first iterable of a comprehension.  Not
judged: a parameter the body tests (``isinstance``, ``hasattr``, ``inspect.isawaitable``...)
or rebinds first, attributes coroutine objects have (``close``), private names, a decorated
callee, a generator function, ``*args``, and a parameter whose annotation rules a coroutine
out (AGN212 reports that one; ``Any`` rules out nothing, the read still fails).
"""
import asyncio
import inspect
import functools
from typing import Any, Dict, Iterator, List


class Response:
    def __init__(self, raw: Dict[str, Any]) -> None:
        self.raw = raw

    async def json(self) -> Dict[str, Any]:
        await asyncio.sleep(0)
        return self.raw

    async def rows(self) -> Any:
        for key in self.raw:
            yield key


class Model:
    def __init__(self, **fields: Any) -> None:
        self.fields = fields

    @classmethod
    def from_json(cls, data):  # type: ignore[no-untyped-def]
        """Build one from a decoded body."""
        new_data = {key.lower(): value for key, value in data.items()}
        return cls(**new_data)

    def update(self, *, patch):  # type: ignore[no-untyped-def]
        kind = patch["kind"]
        self.fields[kind] = patch
        return self


def count_rows(rows, limit=10):  # type: ignore[no-untyped-def]
    total = 0
    for row in rows.values():
        total += 1
    return min(total, limit)


async def store(payload):  # type: ignore[no-untyped-def]
    await asyncio.sleep(0)
    return payload.get("id")


def first_keys(stream):  # type: ignore[no-untyped-def]
    return list(stream.keys())[:3]


def annotated(data: Any) -> Any:
    return data["x"]


def declared(data: Dict[str, Any]) -> Any:
    return data["x"]


async def uses(resp: Response, model: Model) -> List[Any]:
    found = [
        Model.from_json(resp.json()),  # error: AGN210
        model.update(patch=resp.json()),  # error: AGN210
        count_rows(resp.json()),  # error: AGN210
        await store(resp.json()),  # error: AGN210
        first_keys(resp.rows()),  # error: AGN210
        annotated(resp.json()),  # error: AGN210
        declared(resp.json()),  # error: AGN212
    ]
    return found


async def uses_correctly(resp: Response, model: Model) -> List[Any]:
    body = await resp.json()
    return [
        Model.from_json(body), model.update(patch=body), count_rows(body), await store(body),
        [key async for key in resp.rows()],
    ]


# --------------------------------------------------------------------------
# Traps: the callee may not read it, or asks what it is first
# --------------------------------------------------------------------------


def tested(data):  # type: ignore[no-untyped-def]
    if inspect.isawaitable(data):
        return None
    return data.items()


def tested_later(data):  # type: ignore[no-untyped-def]
    ready = isinstance(data, dict)
    return data.get("x") if ready else None


async def awaited_first(data):  # type: ignore[no-untyped-def]
    data = await data
    return data["x"]


def guarded_by_truth(data):  # type: ignore[no-untyped-def]
    if not data:
        return None
    return data["x"]


def in_try(data):  # type: ignore[no-untyped-def]
    try:
        return data["x"]
    except TypeError:
        return None


def short_circuit(data, strict=False):  # type: ignore[no-untyped-def]
    return strict and data["x"]


def lazily(data):  # type: ignore[no-untyped-def]
    return lambda: data["x"]


def closes(data):  # type: ignore[no-untyped-def]
    data.close()
    return data._private


def gen_reads(data) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    yield data["x"]


def star(*args):  # type: ignore[no-untyped-def]
    return args[0]["x"]


@functools.lru_cache(maxsize=None)
def cached(data):  # type: ignore[no-untyped-def]
    return data["x"]


async def not_judged(resp: Response) -> List[Any]:
    pending = [resp.json() for _ in range(8)]
    found = [
        tested(pending[0]), tested_later(pending[1]), await awaited_first(pending[2]),
        guarded_by_truth(pending[3]), in_try(pending[4]), short_circuit(pending[5]),
        lazily(pending[6]), closes(pending[7]), list(gen_reads(resp.json())),
        star(resp.json()), cached(resp.json()),
    ]
    return found
