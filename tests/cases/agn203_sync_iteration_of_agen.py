"""AGN203 sync-iteration-of-async-generator.

An async generator object iterated synchronously: a `for` loop, a sync
comprehension or generator expression, a builtin that iterates its argument
(list, tuple, set, frozenset, dict, sorted, sum, min, max, any, all, next, iter,
enumerate, zip, map, filter), `yield from`, or `*agen()` unpacking.  Reported at
the async generator call.  Nothing here runs at import time.
"""

import asyncio
import functools
from typing import Any, AsyncIterator, Callable, Dict, Iterator, List, Tuple

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


async def fetch_rows(table: str) -> AsyncIterator[Dict[str, Any]]:
    """Async generator: rows of a table, page by page."""
    for row_id in range(3):
        yield {"table": table, "id": row_id, "amount": row_id * 10}


async def fetch_amounts(account: str) -> AsyncIterator[int]:
    for amount in (10, 20, 30):
        yield amount


async def fetch_pairs(namespace: str) -> AsyncIterator[Tuple[str, str]]:
    yield (namespace + ".a", "1")
    yield (namespace + ".b", "2")


def read_lines(path: str) -> Iterator[str]:
    """Sync generator."""
    yield f"{path}:1"
    yield f"{path}:2"


async def load_rows(table: str) -> List[Dict[str, Any]]:
    """Coroutine returning a list."""
    return [row async for row in fetch_rows(table)]


async def load_mapping(namespace: str) -> Dict[str, str]:
    return {key: value async for key, value in fetch_pairs(namespace)}


async def enrich(row: Dict[str, Any]) -> Dict[str, Any]:
    return dict(row, enriched=True)


async def aenumerate(source: AsyncIterator[Any]) -> AsyncIterator[Tuple[int, Any]]:
    index = 0
    async for item in source:
        yield index, item
        index += 1


def blocking(fn: Callable[..., AsyncIterator[Any]]) -> Callable[..., List[Any]]:
    """Project decorator: runs an async generator to completion in a fresh event
    loop and returns a list.  Unknown to the linter: the kind is unknown."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> List[Any]:
        async def collect() -> List[Any]:
            return [item async for item in fn(*args, **kwargs)]

        return asyncio.run(collect())

    return wrapper


@blocking
async def export_rows_blocking(table: str) -> AsyncIterator[Dict[str, Any]]:
    async for row in fetch_rows(table):
        yield row


def open_rows(table: str):
    """A plain def returning an async generator object."""
    return fetch_rows(table)


class ReportBuilder:
    def __init__(self, table: str = "invoices") -> None:
        self.table = table

    async def _records(self) -> AsyncIterator[Dict[str, Any]]:
        async for row in fetch_rows(self.table):
            yield row

    def records(self):
        """Plain method returning an async generator object."""
        return self._records()

    def list(self, source: Any) -> List[Any]:
        """Project method named `list`: stores the source for later."""
        self.pending = source
        return []

    # ---- positives -------------------------------------------------------

    def totals(self) -> int:
        return sum(row["amount"] for row in self.records())  # error: AGN203

    def snapshot(self) -> List[Dict[str, Any]]:
        # The builtin: the method `list` above is not visible as a bare name.
        return list(self._records())  # error: AGN203

    # ---- traps -----------------------------------------------------------

    async def totals_async(self) -> int:
        # An async comprehension inside sum(): the list is built first.
        return sum([row["amount"] async for row in self.records()])

    def defer(self) -> List[Any]:
        # `self.list` is the project method, not the builtin.
        return self.list(self._records())


class Cursor:
    """Implements the async iterator protocol itself."""

    def __init__(self, query: str = "") -> None:
        self.rows = [query]

    def __aiter__(self) -> "Cursor":
        return self

    async def __anext__(self) -> str:
        if not self.rows:
            raise StopAsyncIteration
        return self.rows.pop()

    def fetchall(self) -> List[str]:
        return list(self.rows)


# --------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------


async def print_users() -> None:
    for row in fetch_rows("users"):  # error: AGN203
        print(row)


def print_users_sync() -> None:
    for row in fetch_rows(  # error: AGN203
        "users"
    ):
        print(row)


def export_orders() -> List[Dict[str, Any]]:
    return list(fetch_rows("orders"))  # error: AGN203


def order_ids() -> Tuple[Any, ...]:
    return tuple(fetch_rows("orders"))  # error: AGN203


def distinct_amounts() -> set:
    return set(fetch_amounts("acme"))  # error: AGN203


def frozen_amounts() -> frozenset:
    return frozenset(fetch_amounts("acme"))  # error: AGN203


def ranked_orders() -> List[Dict[str, Any]]:
    return sorted(fetch_rows("orders"), key=lambda row: row["amount"])  # error: AGN203


def balance() -> int:
    return sum(fetch_amounts("acme"))  # error: AGN203


def smallest_payment() -> int:
    return min(fetch_amounts("acme"))  # error: AGN203


def largest_payment() -> int:
    return max(fetch_amounts("acme"), default=0)  # error: AGN203


def has_refunds() -> bool:
    return any(fetch_amounts("refunds"))  # error: AGN203


def all_settled() -> bool:
    return all(fetch_amounts("settled"))  # error: AGN203


def settings() -> Dict[str, str]:
    return dict(fetch_pairs("app"))  # error: AGN203


def first_row() -> Dict[str, Any]:
    return next(fetch_rows("users"))  # error: AGN203


def row_iterator() -> Iterator[Any]:
    return iter(fetch_rows("users"))  # error: AGN203


def numbered_rows() -> None:
    for index, row in enumerate(fetch_rows("users")):  # error: AGN203
        print(index, row)


def csv_lines(headers: List[str]) -> List[Any]:
    return list(zip(headers, fetch_rows("users")))  # error: AGN203 @30


def amounts_as_text() -> List[str]:
    return list(map(str, fetch_amounts("acme")))  # error: AGN203 @26


def nonzero_amounts() -> List[int]:
    return list(filter(None, fetch_amounts("acme")))  # error: AGN203


def user_names() -> List[str]:
    return [row["name"] for row in fetch_rows("users")]  # error: AGN203


def user_ids() -> set:
    return {row["id"] for row in fetch_rows("users")}  # error: AGN203


def users_by_id() -> Dict[int, Any]:
    return {row["id"]: row for row in fetch_rows("users")}  # error: AGN203


def lazy_ids() -> Iterator[int]:
    return (row["id"] for row in fetch_rows("users"))  # error: AGN203


def joined_rows(tables: List[str]) -> List[Any]:
    # The second `for` clause is a sync iteration of an async generator too.
    return [row for table in tables for row in fetch_rows(table)]  # error: AGN203


async def enriched_users() -> List[Dict[str, Any]]:
    # `await` makes this an async comprehension, but its `for` is still sync.
    return [await enrich(row) for row in fetch_rows("users")]  # error: AGN203


def replay_rows() -> Iterator[Dict[str, Any]]:
    yield from fetch_rows("journal")  # error: AGN203


def dump_rows() -> None:
    print(*fetch_rows("users"), sep="\n")  # error: AGN203


def all_rows() -> List[Any]:
    return [*fetch_rows("users")]  # error: AGN203


def unique_amounts() -> set:
    return {*fetch_amounts("acme")}  # error: AGN203


def rows_as_tuple() -> Tuple[Any, ...]:
    return (*read_lines("/tmp/x"), *fetch_rows("users"))  # error: AGN203 @37


def invoice_rows() -> List[Any]:
    # open_rows is a plain def returning an async generator.
    return list(open_rows("invoices"))  # error: AGN203


def builder_rows() -> None:
    for record in ReportBuilder().records():  # error: AGN203
        print(record)


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic
# --------------------------------------------------------------------------


async def print_users_ok() -> None:
    async for row in fetch_rows("users"):
        print(row)


async def user_names_ok() -> List[str]:
    return [row["name"] async for row in fetch_rows("users")]


async def users_from_coroutine() -> None:
    # load_rows is a coroutine returning a list.
    for row in await load_rows("users"):
        print(row)


async def settings_ok() -> Dict[str, str]:
    return dict(await load_mapping("app"))


async def ranked_ok() -> List[Dict[str, Any]]:
    # The async comprehension builds a list; sorted() iterates the list.
    return sorted([row async for row in fetch_rows("orders")], key=lambda r: r["amount"])


async def numbered_ok() -> None:
    for index, row in enumerate([row async for row in fetch_rows("users")]):
        print(index, row)
    async for index, row in aenumerate(fetch_rows("users")):
        print(index, row)


async def csv_lines_ok(headers: List[str]) -> List[Any]:
    return list(zip(headers, await load_rows("users")))


async def totals_gathered() -> int:
    return sum(await asyncio.gather(asyncio.sleep(0, 1), asyncio.sleep(0, 2)))


async def first_row_ok() -> Dict[str, Any]:
    # anext(), not next(): the async builtin.
    return await anext(fetch_rows("users"))


async def dump_rows_ok() -> None:
    print(*await load_rows("users"))


def sync_lines(path: str) -> List[str]:
    # read_lines is a plain (sync) generator.
    return list(read_lines(path)) + [*read_lines(path)]


def sync_replay(path: str) -> Iterator[str]:
    yield from read_lines(path)


def first_line(path: str) -> str:
    return next(iter(read_lines(path)))


def pending_streams(tables: List[str]) -> List[Any]:
    # map() applies the function; nothing iterates the async generators.
    return list(map(fetch_rows, tables))


def export_ok(table: str) -> List[Dict[str, Any]]:
    # @blocking (unknown project decorator) returns a list.
    return sorted(export_rows_blocking(table), key=lambda r: r["id"])


def report_with_factory(fetch_rows: Callable[[str], List[Any]]) -> List[Any]:
    # The parameter shadows the module-level async generator function.
    return list(fetch_rows("users"))


async def snapshot(table: str) -> List[Any]:
    async def list(source: AsyncIterator[Any]) -> Any:
        # A local helper named `list` shadows the builtin.
        return [item async for item in source]

    return await list(fetch_rows(table))


async def cursor_rows(query: str) -> None:
    async for row in Cursor(query):
        print(row)
    for row in Cursor(query).fetchall():
        print(row)


def functions_table() -> List[Any]:
    # Iterates a tuple of functions, not their results.
    return [fn.__name__ for fn in (fetch_rows, read_lines)]


def run_and_collect(table: str) -> List[Any]:
    # The list is computed inside asyncio.run by a coroutine.
    return list(asyncio.run(load_rows(table)))


# --------------------------------------------------------------------------
# UNSURE: the lead decides.  Current annotation = my best guess.
# --------------------------------------------------------------------------


def unsure_variable_bound_once() -> None:
    rows = fetch_rows("users")
    # UNSURE: a variable bound once to an async generator call (the rule text
    # names variables only for AGN200/AGN201). Raises TypeError: flagged.
    for row in rows:  # error: AGN203
        print(row)


async def unsure_async_genexp_with_sync_for() -> List[Any]:
    # UNSURE: an async generator expression (it contains `await`) whose only
    # `for` clause is sync: raises TypeError when the generator starts.
    pending = (await enrich(row) for row in fetch_rows("users"))  # error: AGN203
    return [row async for row in pending]


def unpacked_and_tested() -> bool:
    first, second = fetch_rows("users")  # error: AGN203
    print(first, second)
    return {"id": 1} in fetch_rows("users")  # error: AGN203


async def unpacked_and_tested_correctly() -> bool:
    first, second = [row async for row in fetch_rows("users")][:2]
    print(first, second)
    return {"id": 1} in [row async for row in fetch_rows("users")]
