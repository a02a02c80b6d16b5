"""A star import and the call-site rules AGN202-AGN206 (AGN200/201/207: see
agn200_201_207_star_import.py).

`from typing import *` may bind any name.  A name the module does not bind
itself, *including the builtins* (list, sorted, next, ...), is unknown; names
bound before the star import are unknown too; names bound after it stay known,
and syntax-based checks (`for`, comprehensions, `yield from`, `*x`,
`async with`, `await`) still apply to known callees.
Nothing here runs at import time.
"""

import asyncio
import contextlib
from typing import Any, AsyncIterator, Dict, Iterator, List


async def fetch_orders(customer: str) -> AsyncIterator[Dict[str, Any]]:
    # Bound *before* the star import: it may be rebound by it.
    yield {"customer": customer}


@contextlib.asynccontextmanager
async def ledger_lock(ledger_id: int) -> AsyncIterator[int]:
    # `contextlib` was bound before the star import: the decorator is unknown.
    yield ledger_id


from typing import *  # noqa: E402,F401,F403

import asyncio as aio  # noqa: E402
from contextlib import asynccontextmanager  # noqa: E402


async def stream_invoices(customer: str) -> AsyncIterator[Dict[str, Any]]:
    """Async generator, bound after the star import: known."""
    yield {"customer": customer, "invoice": 1}


async def load_invoice(invoice_id: int) -> Dict[str, Any]:
    """Coroutine, bound after the star import: known."""
    return {"id": invoice_id}


@asynccontextmanager
async def invoice_lock(invoice_id: int) -> AsyncIterator[int]:
    yield invoice_id


# --------------------------------------------------------------------------
# Positives: known callees, and APIs reached through a bound module name
# --------------------------------------------------------------------------


def run_invoices() -> None:
    # `aio` is bound after the star import: aio.run is still known.
    aio.run(stream_invoices("acme"))  # error: AGN202


def print_invoices() -> None:
    for invoice in stream_invoices("acme"):  # error: AGN203
        print(invoice)


def invoice_ids() -> List[Any]:
    return [invoice["invoice"] for invoice in stream_invoices("acme")]  # error: AGN203


def replay_invoices() -> Iterator[Any]:
    yield from stream_invoices("acme")  # error: AGN203


def all_invoices() -> List[Any]:
    return [*stream_invoices("acme")]  # error: AGN203


async def lock_invoices() -> None:
    async with stream_invoices("acme"):  # error: AGN204
        pass


async def open_invoice() -> None:
    async with load_invoice(1):  # error: AGN205
        pass


async def hold_invoice() -> None:
    await invoice_lock(1)  # error: AGN206


# --------------------------------------------------------------------------
# Traps: names the module does not bind (builtins included) are unknown
# --------------------------------------------------------------------------


def invoices_as_list() -> List[Any]:
    # `list` is not bound in this module: the star import may provide it.
    return list(stream_invoices("acme"))


def invoices_sorted() -> List[Any]:
    return sorted(stream_invoices("acme"), key=str)


def first_invoice() -> Any:
    return next(stream_invoices("acme"))


def latest_invoice() -> Any:
    return max(stream_invoices("acme"), key=str)


def run_with_rebindable_module() -> None:
    # `asyncio` was bound before the star import, which may rebind it.
    asyncio.run(stream_invoices("acme"))


async def hold_ledger() -> None:
    # ledger_lock's decorator was bound before the star import: kind unknown.
    await ledger_lock(1)


def run_with_unbound_runner() -> None:
    # `run` is not bound in this module (only `asyncio` is): unknown.
    run(stream_invoices("acme"))


async def gather_unbound() -> None:
    # Neither is `gather`.
    await gather(load_invoice(1), stream_invoices("acme"))


def orders_before_star() -> List[Any]:
    # fetch_orders was bound before the star import, which may rebind it.
    return [order for order in fetch_orders("acme")]


async def orders_context() -> None:
    async with fetch_orders("acme"):
        pass


async def correct_use() -> None:
    async for invoice in stream_invoices("acme"):
        async with invoice_lock(invoice["invoice"]):
            print(await load_invoice(invoice["invoice"]))
