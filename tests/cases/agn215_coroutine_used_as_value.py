"""AGN215 coroutine-used-as-value.

An un-awaited call of a coroutine function, of an async generator function or of an
`@asynccontextmanager` function, or a name bound to such a call in the same function, used as a
value: an operand of an arithmetic or bitwise operator (`store.size() * 2`; for `%` only on the
left), of a unary `-`, `+` or `~`, of an ordering comparison (`self.hits() < self.limit`, also
chained), the value of an augmented assignment (`total += self.counter.incr()`), or the argument
converted by `len`, `int`, `float`, `complex`, `abs`, `round`, `divmod`, `pow`, `bytes`,
`bytearray`, `ord`, `chr`, `hex`, `oct`, `bin`, `json.loads`, `math.floor`, `math.ceil` or
`math.isclose`.  A coroutine object (an async generator, an `@asynccontextmanager` object)
supports none of them: the expression raises TypeError, and the coroutine is never awaited.
Reported at the operand or argument: the call, or the name.  Nothing here runs at import time.

Real cases: hummingbot's `status --live` built its text with `self.strategy_status() +
script_status + ...` after `strategy_status` became a coroutine (hummingbot#2580: "unsupported
operand type(s) for +: 'coroutine' and 'str'"); ypricemagic's "fix: coroutine has no attr len"
(ypricemagic#285).

Every `# error:` line raises TypeError when its function runs; every trap runs cleanly.
"""

import asyncio
import contextlib
import functools
import json
import math
from json import loads as parse_json
from math import ceil
from typing import Any, AsyncIterator, Callable, Dict, Generator, List, Tuple

import pytest

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


class Response:
    def __init__(self, body: bytes) -> None:
        self.body = body

    async def aread(self) -> bytes:
        await asyncio.sleep(0)
        return self.body


class Counter:
    def __init__(self) -> None:
        self.value = 0

    async def incr(self, by: int = 1) -> int:
        await asyncio.sleep(0)
        self.value += by
        return self.value


class Store:
    """A key-value store client whose requests are coroutines."""

    def __init__(self) -> None:
        self.data: Dict[str, str] = {"hits": "41", "ratio": "0.75", "grade": "B"}

    async def get(self, key: str) -> str:
        await asyncio.sleep(0)
        return self.data[key]

    async def size(self) -> int:
        await asyncio.sleep(0)
        return len(self.data)

    async def ttl(self, key: str) -> float:
        await asyncio.sleep(0)
        return 30.0

    async def flags(self) -> int:
        await asyncio.sleep(0)
        return 0b0101

    async def keys(self) -> AsyncIterator[str]:
        for key in self.data:
            await asyncio.sleep(0)
            yield key

    @contextlib.asynccontextmanager
    async def budget(self, amount: int) -> AsyncIterator[int]:
        yield 100 - amount


class Metrics:
    async def ratio(self) -> float:
        await asyncio.sleep(0)
        return 0.75

    async def elapsed(self) -> float:
        await asyncio.sleep(0)
        return 1.5

    async def template(self) -> str:
        await asyncio.sleep(0)
        return "%d requests in %.1fs"

    async def delta(self) -> int:
        await asyncio.sleep(0)
        return -3


class Matrix:
    def __init__(self, rows: List[List[int]]) -> None:
        self.rows = rows

    def __matmul__(self, other: "Matrix") -> "Matrix":
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in zip(*other.rows)]
                       for row in self.rows])


async def load_weights() -> Matrix:
    await asyncio.sleep(0)
    return Matrix([[1, 0], [0, 1]])


async def total_seconds() -> int:
    await asyncio.sleep(0)
    return 125


async def exponent() -> int:
    await asyncio.sleep(0)
    return 3


async def grade_code() -> int:
    await asyncio.sleep(0)
    return 66


async def stream_prices() -> AsyncIterator[float]:
    for price in (9.5, 10.25):
        await asyncio.sleep(0)
        yield price


@contextlib.asynccontextmanager
async def reserved(slots: int) -> AsyncIterator[int]:
    await asyncio.sleep(0)
    yield slots


def blocking(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run a coroutine function to completion: the decorated function is synchronous."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


@blocking
async def fetch_total() -> int:
    await asyncio.sleep(0)
    return 7


cache = Store()
metrics = Metrics()

# --------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------


class RateLimiter:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.counter = Counter()
        self.limit = 10

    async def hits(self) -> int:
        await asyncio.sleep(0)
        return self.counter.value

    async def record(self) -> int:
        total = 0
        # An attribute set in `__init__`, as the value of an augmented assignment.
        total += self.counter.incr()  # error: AGN215 @18
        return total

    async def allow(self) -> bool:
        # A method through `self`, compared.
        return self.hits() < self.limit  # error: AGN215 @16

    async def over(self) -> int:
        # On the right of the operator.
        return self.limit - self.hits()  # error: AGN215 @29

    async def remaining(self) -> int:
        # An `await` of the whole expression comes too late: `incr()` is subtracted first.
        return await (self.counter.incr() - self.limit)  # error: AGN215

    async def busy(self) -> bool:
        # An attribute set in `__init__` from an annotated parameter.
        return self.store.size() >= self.limit  # error: AGN215


async def cache_hits(store: Store) -> int:
    # An annotated parameter, converted by int().
    return int(store.get("hits"))  # error: AGN215 @16


async def cache_ratio(store: Store) -> float:
    return float(store.get("ratio"))  # error: AGN215


async def body_length(response: Response) -> int:
    return len(response.aread())  # error: AGN215


async def payload(response: Response) -> Any:
    return json.loads(response.aread())  # error: AGN215


async def payload_imported(response: Response) -> Any:
    # `from json import loads as parse_json`.
    return parse_json(response.aread())  # error: AGN215


async def raw_copy(response: Response) -> bytes:
    return bytes(response.aread())  # error: AGN215


async def editable_body(response: Response) -> bytearray:
    return bytearray(response.aread())  # error: AGN215


async def signed_body(response: Response) -> bytes:
    # A name bound to the call in this function: reported at the name.
    body = response.aread()
    return body + b"\n-- signed"  # error: AGN215 @12


async def doubled_size() -> int:
    # A module-level client.
    return cache.size() * 2  # error: AGN215 @12


def doubled_size_sync() -> int:
    # In a plain def.
    return 2 * cache.size()  # error: AGN215 @16


async def rate_line() -> str:
    # `%` with the coroutine on the left: the template is what the call returns.
    return metrics.template() % (3, 1.5)  # error: AGN215


async def slow() -> bool:
    return 2.0 <= metrics.elapsed()  # error: AGN215 @19


async def in_window(store: Store) -> bool:
    # A chained comparison.
    return 0 < store.ttl("session") <= 60  # error: AGN215 @16


async def expires_soon(store: Store, low: float) -> bool:
    # Chained, the call last (evaluated once `low <= 60` holds).
    return low <= 60 > store.ttl("session")  # error: AGN215


async def debit(store: Store) -> int:
    # Unary minus.
    return -store.size()  # error: AGN215 @13


async def positive(store: Store) -> int:
    return +store.size()  # error: AGN215


async def inverted(store: Store) -> int:
    return ~store.flags()  # error: AGN215


async def masked(store: Store) -> int:
    return store.flags() & 0b0100  # error: AGN215


async def with_bit(store: Store) -> int:
    return store.flags() | 0b1000  # error: AGN215


async def toggled(store: Store) -> int:
    return 0b0001 ^ store.flags()  # error: AGN215


async def shifted() -> int:
    return 1 << exponent()  # error: AGN215


async def unshifted(store: Store) -> int:
    return store.flags() >> 1  # error: AGN215


async def cubed() -> int:
    return 2 ** exponent()  # error: AGN215


async def per_request() -> float:
    return metrics.elapsed() / 3  # error: AGN215


async def whole_minutes() -> int:
    return total_seconds() // 60  # error: AGN215


async def leftover_seconds() -> int:
    return total_seconds() % 60  # error: AGN215


async def transformed() -> Matrix:
    return load_weights() @ Matrix([[2, 0], [0, 2]])  # error: AGN215


async def multiline_average() -> float:
    return (
        metrics.elapsed(  # error: AGN215
        )
        / 2
    )


async def percent() -> int:
    # The operand of `*` is reported; math.floor's argument is the product, not a call.
    return math.floor(metrics.ratio() * 100)  # error: AGN215 @23


async def floor_ratio() -> int:
    return math.floor(metrics.ratio())  # error: AGN215


async def ceil_ratio() -> int:
    # `from math import ceil`.
    return ceil(metrics.ratio())  # error: AGN215


async def expected_ratio() -> bool:
    return math.isclose(metrics.ratio(), 0.75)  # error: AGN215


async def expected_ratio_right() -> bool:
    return math.isclose(0.75, metrics.ratio())  # error: AGN215


async def drift() -> int:
    return abs(metrics.delta())  # error: AGN215


async def rounded_ratio() -> float:
    return round(metrics.ratio(), 2)  # error: AGN215


async def minutes_and_seconds() -> Tuple[int, int]:
    return divmod(total_seconds(), 60)  # error: AGN215


async def batches() -> Tuple[int, int]:
    # divmod converts both arguments.
    return divmod(125, exponent())  # error: AGN215


async def power() -> int:
    # pow converts every argument.
    return pow(2, exponent())  # error: AGN215


async def phase() -> complex:
    return complex(1.0, metrics.ratio())  # error: AGN215


async def grade_letter() -> str:
    return chr(grade_code())  # error: AGN215


async def grade_number(store: Store) -> int:
    return ord(store.get("grade"))  # error: AGN215


async def flags_hex(store: Store) -> str:
    return hex(store.flags())  # error: AGN215


async def flags_oct(store: Store) -> str:
    return oct(store.flags())  # error: AGN215


async def flags_bin(store: Store) -> str:
    return bin(store.flags())  # error: AGN215


async def drain_total(jobs: "asyncio.Queue[int]") -> int:
    # A coroutine method of the standard library.
    total = 0
    total += jobs.get()  # error: AGN215
    return total


async def price_count() -> int:
    # An async generator has no length.
    return len(stream_prices())  # error: AGN215


async def key_list(store: Store) -> List[str]:
    # An async generator method is not a list.
    return store.keys() + ["fee"]  # error: AGN215


async def with_default_keys(store: Store) -> List[str]:
    keys = store.keys()
    return ["default"] + keys  # error: AGN215


async def over_budget(store: Store) -> bool:
    # An `@asynccontextmanager` object is not what entering it gives.
    remaining = store.budget(120)
    return remaining < 0  # error: AGN215


async def doubled_slots() -> int:
    return reserved(4) * 2  # error: AGN215


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic expected
# --------------------------------------------------------------------------


async def awaited_in_place(store: Store, response: Response) -> int:
    # `await` binds tighter than every binary operator: these use what the calls return.
    total = 0
    total += await store.size()
    hits = int(await store.get("hits"))
    size = len(await response.aread())
    late = 0 < await store.ttl("session") <= 60
    return await store.size() * 2 + hits + size + total - (await store.flags() & 1) + late


async def awaited_conversions(response: Response) -> Tuple[Any, float, int]:
    return json.loads(await response.aread()), round(await metrics.ratio(), 2), -await cache.size()


async def rebound(response: Response) -> bytes:
    # The name is rebound to what awaiting gave before it is used.
    body = response.aread()
    body = await body
    return body + b"\n-- signed"


async def size_or_zero(store: Store) -> int:
    # Rebound on every path (to what awaiting gave, or to 0) before it is used.
    size = store.size()
    try:
        size = await asyncio.wait_for(size, 1)
    except asyncio.TimeoutError:
        size = 0
    return size + 1


async def logged_pending(store: Store) -> int:
    pending = store.size()
    # `%` with the coroutine on the right formats it, whatever it is; so do f-strings, str()
    # and repr().
    print("waiting for %r" % pending)
    message = "still waiting for %s"
    message %= pending
    print(message, f"{pending}", str(pending), repr(pending))
    return await pending


async def distinct_requests(store: Store) -> int:
    first = store.size()
    second = store.size()
    # `==` and `!=` compare any two objects (here, by identity).
    assert first != second and not first == second
    one, two = await asyncio.gather(first, second)
    return one + two


async def gathered(store: Store) -> int:
    # Coroutines in a list or a tuple: the operands are the containers.
    jobs = [store.size(), store.size()]
    pair = (store.flags(),) + (store.flags(),)
    sizes = await asyncio.gather(*jobs)
    flags = await asyncio.gather(*pair)
    return len(jobs) + len(sizes) + sum(flags) + len(await asyncio.gather(store.size()))


async def scheduled(store: Store) -> int:
    # Tasks awaited before their results are used.
    tasks = [asyncio.ensure_future(store.size()) for _ in range(3)]
    done, _ = await asyncio.wait(tasks)
    return len(done) + tasks[0].result() + await asyncio.ensure_future(store.size())


def size_now() -> int:
    # asyncio.run() gives what the coroutine returns.
    return asyncio.run(cache.size()) + 1


async def price_total() -> float:
    # The async generator is iterated; the comprehension's list is what is added.
    prices = [price async for price in stream_prices()]
    return sum(prices) + len([p async for p in stream_prices()])


async def slots_in_use() -> int:
    # Entered: `slots` is what the manager yields.
    async with reserved(4) as slots:
        return slots * 2


class Gauge:
    """A gauge read over the network; `StaticGauge` knows its value."""

    async def value(self) -> float:
        await asyncio.sleep(0)
        return 0.5

    def doubled(self) -> float:
        # StaticGauge overrides value() as a plain method: self.value() is ambiguous
        # (doubled() is only called on a StaticGauge here).
        return self.value() * 2


class StaticGauge(Gauge):
    def value(self) -> float:  # type: ignore[override]
        return 1.0


def gauge_over(gauge: Gauge, limit: float) -> bool:
    # Annotated with the base class: the gauge may be a StaticGauge (it is, here).
    return gauge.value() > limit


def static_readings() -> Tuple[float, bool, float]:
    gauge = StaticGauge()
    # StaticGauge.value is a plain method.
    return gauge.doubled(), gauge_over(gauge, 0.5), StaticGauge().value() + 1


class SyncCounter:
    def __init__(self) -> None:
        self.value = 0

    def incr(self) -> int:
        self.value += 1
        return self.value


def count_sync() -> int:
    # SyncCounter.incr is a plain method.
    total = 0
    total += SyncCounter().incr()
    return total - SyncCounter().incr()


class Amount:
    """Awaitable (converts to the account's currency) and addable: not a coroutine."""

    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __add__(self, other: "Amount") -> "Amount":
        return Amount(self.cents + other.cents)

    def __lt__(self, other: "Amount") -> bool:
        return self.cents < other.cents

    def __await__(self) -> Generator[Any, None, int]:
        yield from asyncio.sleep(0).__await__()
        return self.cents


def amount(cents: int) -> Amount:
    return Amount(cents)


async def amounts() -> int:
    # A class with `__add__` and `__lt__`, also built by a plain function.
    total = Amount(5) + amount(10)
    if amount(1) < Amount(2):
        total += amount(1)
    return await total


def total_plus_one() -> int:
    # @blocking (defined in this file) makes fetch_total synchronous.
    return fetch_total() + 1


def size_unknown(client: Any) -> int:
    # `client` is of unknown type (a SyncCounter works).
    return client.incr() + 1


async def render_size(store: Store) -> Callable[[int], int]:
    size = store.size()
    size.close()

    def render(size: int) -> int:
        # `size` is this function's parameter, not the coroutine of the outer scope.
        return size + 1

    return render


def test_len_of_coroutine_fails() -> None:
    # The error this rule reports is the test's point.
    with pytest.raises(TypeError):
        len(cache.size())


# --------------------------------------------------------------------------
# Each element of what a consumer uses element by element: `str.join`, `sum`,
# `sorted` / `min` / `max`, `math.fsum`, `json.dumps` (also a dict's values).
# --------------------------------------------------------------------------


async def report_line(store: Store, keys: List[str]) -> str:
    return ", ".join(store.get(key) for key in keys)  # error: AGN215


async def total_size(stores: List[Store]) -> int:
    return sum(store.size() for store in stores) + sum([Store().size(), Store().size()])  # error: AGN215 # error: AGN215 # error: AGN215


async def soonest(store: Store, keys: List[str]) -> float:
    return min([store.ttl(key) for key in keys])  # error: AGN215


async def snapshot(store: Store, keys: List[str]) -> str:
    return json.dumps({key: store.get(key) for key in keys})  # error: AGN215


async def ordered(store: Store, keys: List[str]) -> List[str]:
    return sorted(store.get(key) for key in keys)  # error: AGN215


async def weights(metrics: Metrics, rows: List[int]) -> float:
    return math.fsum(metrics.ratio() for _ in rows)  # error: AGN215


# Traps: awaited first; a consumer told how to use an element; one element is never
# compared; collecting the coroutines to gather them; the element is not the call's
# object; the receiver of `join` is not known to be a string.


async def report_line_ok(store: Store, keys: List[str]) -> str:
    return ", ".join(await asyncio.gather(*(store.get(key) for key in keys)))


async def report_line_listed(store: Store, keys: List[str]) -> str:
    return ", ".join([await store.get(key) for key in keys])


async def consumers_told(store: Store, keys: List[str]) -> Tuple[Any, ...]:
    by_identity = sorted((store.get(key) for key in keys), key=id)
    encoded = json.dumps({key: store.get(key) for key in keys}, default=lambda c: "pending")
    single = max([store.size()])
    pending = list(store.get(key) for key in keys)
    lengths = sum(len(key) for key in keys)
    for coro in by_identity + pending + [single]:
        await coro
    return encoded, lengths


async def unknown_separator(store: Store, keys: List[str], joiner: Any) -> Any:
    pending = [store.get(key) for key in keys]
    joined = joiner.join(pending)
    await asyncio.gather(*pending)
    return joined


# A format spec: only an empty one formats any object.


async def ttl_line(store: Store, key: str) -> str:
    return f"{key}: {store.ttl(key):.1f}s"  # error: AGN215


async def ttl_line_padded(store: Store, key: str) -> str:
    pending = store.ttl(key)
    return f"{key}: {pending:>8}"  # error: AGN215


async def ttl_line_ok(store: Store, key: str, spec: str) -> str:
    pending = store.ttl(key)
    shown = f"{key}: {pending} {pending!r} {pending:}"  # no spec: any object formats
    dynamic = f"{pending:{spec}}"  # a spec that may be empty
    await pending
    return shown + f"{await store.ttl(key):.1f}" + dynamic


# --------------------------------------------------------------------------
# `**` unpacking: only a mapping unpacks (pyrogram's `**self.parser.parse(text)`)
# --------------------------------------------------------------------------


class Parser:
    async def parse(self, text: str) -> Dict[str, Any]:
        return {"text": text}


def send(**fields: Any) -> Dict[str, Any]:
    return fields


async def unpacked(parser: Parser, text: str, extra: Dict[str, Any]) -> Dict[str, Any]:
    sent = send(**parser.parse(text))  # error: AGN215
    parsed = parser.parse(text)
    merged = {"id": 1, **parsed}  # error: AGN215
    right = send(**(await parser.parse(text)), **extra)
    also = {**extra, **(await parser.parse(text))}
    return {**sent, **merged, **right, **also}
