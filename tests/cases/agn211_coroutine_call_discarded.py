"""AGN211 coroutine-call-discarded.

A call of a coroutine function used as an expression statement, without `await`: the call only
creates the coroutine object, which is dropped, so the body never runs.  Python prints
`RuntimeWarning: coroutine '...' was never awaited` when the object is collected, and nothing
else happens.  Reported at the discarded call.  Nothing here runs at import time.

Every line annotated with AGN211, when its function runs, prints the never-awaited warning and the
callee's side effect does not happen; every trap runs cleanly.
"""

import asyncio
import functools
from typing import Any, Callable, Coroutine, List, Set

from asgiref.sync import async_to_sync  # not installed here: an unknown decorator

_IS_SYNC = False

EVENTS: List[str] = []
BACKGROUND: Set["asyncio.Task[Any]"] = set()

# --------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------


class Connection:
    """A database connection whose operations are coroutines."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn

    async def execute(self, sql: str) -> None:
        await asyncio.sleep(0)
        EVENTS.append(f"execute {sql}")

    async def commit(self) -> None:
        await asyncio.sleep(0)
        EVENTS.append("commit")

    async def close(self) -> None:
        await asyncio.sleep(0)
        EVENTS.append("close")

    @staticmethod
    async def ping(dsn: str) -> bool:
        EVENTS.append("ping")
        return True

    @classmethod
    async def reset_pool(cls) -> None:
        EVENTS.append("reset_pool")

    def __del__(self) -> None:
        EVENTS.append("collected")

    def close_later(self) -> None:
        # Through `self`, in a plain method.
        self.close()  # error: AGN211

    @classmethod
    def reset(cls) -> None:
        cls.reset_pool()  # error: AGN211


async def flush_metrics() -> None:
    await asyncio.sleep(0)
    EVENTS.append("flush_metrics")


async def notify(user_id: int) -> None:
    EVENTS.append(f"notify {user_id}")


async def publish_events():
    EVENTS.append("publish_events")
    yield "event"


def flush_later() -> Coroutine[Any, Any, None]:
    """A plain def returning a coroutine: calling it still gives something to await."""
    EVENTS.append("flush_later")
    return flush_metrics()


def fire_and_forget(fn: Callable[..., Any]) -> Callable[..., None]:
    """Schedule the coroutine function's call as a task: the decorated call is a plain call."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        task = asyncio.get_running_loop().create_task(fn(*args, **kwargs))
        BACKGROUND.add(task)
        task.add_done_callback(BACKGROUND.discard)

    return wrapper


@fire_and_forget
async def send_receipt(order_id: int) -> None:
    EVENTS.append(f"receipt {order_id}")


@async_to_sync
async def send_welcome(user_id: int) -> None:
    EVENTS.append(f"welcome {user_id}")


def schedule_flush() -> "asyncio.Task[None]":
    """A plain def returning a task: the coroutine is scheduled inside."""
    return asyncio.ensure_future(flush_metrics())


db = Connection("postgres://orders")

# --------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------


async def place_order(conn: Connection, order_id: int) -> None:
    # Through an annotated parameter.
    await conn.execute(f"INSERT INTO orders VALUES ({order_id})")
    conn.commit()  # error: AGN211


async def shutdown() -> None:
    # Through a module-level instance.
    db.close()  # error: AGN211


async def check_database() -> None:
    # A staticmethod through the class.
    Connection.ping("postgres://orders")  # error: AGN211


async def reset_everything() -> None:
    # A classmethod through the class.
    Connection.reset_pool()  # error: AGN211


async def audit(dsn: str) -> None:
    # Through an instance built in place.
    Connection(dsn).execute("INSERT INTO audit VALUES (1)")  # error: AGN211


def on_request_finished() -> None:
    # A module-level coroutine function, in a plain def.
    flush_metrics()  # error: AGN211


async def notify_all(user_ids: List[int]) -> None:
    for user_id in user_ids:
        notify(user_id)  # error: AGN211


async def save(conn: Connection) -> None:
    try:
        await conn.execute("UPDATE stock SET n = n - 1")
    finally:
        conn.commit(  # error: AGN211
        )


async def flush_through_helper() -> None:
    # flush_later() is a plain def whose return value is a coroutine.
    flush_later()  # error: AGN211


class OrderService:
    def __init__(self) -> None:
        self.conn = Connection("postgres://orders")

    async def cancel(self, order_id: int) -> None:
        # Through an attribute set in __init__.
        await self.conn.execute(f"DELETE FROM orders WHERE id = {order_id}")
        self.conn.commit()  # error: AGN211


async def publish() -> None:
    # An async generator: AGN207, not AGN211.
    publish_events()  # error: AGN207


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic expected
# --------------------------------------------------------------------------


async def place_order_awaited(conn: Connection, order_id: int) -> None:
    await conn.execute(f"INSERT INTO orders VALUES ({order_id})")
    await conn.commit()


async def keep_and_await() -> None:
    # Kept, then awaited.
    pending = flush_metrics()
    await asyncio.sleep(0)
    await pending


async def keep_bare_name() -> None:
    pending = flush_metrics()
    # A bare name statement is not a call (and the coroutine is awaited below).
    pending
    await pending


async def in_background() -> None:
    # Handed to the event loop, which runs it: the statement's value is the Task.
    asyncio.create_task(flush_metrics())
    asyncio.ensure_future(notify(1))
    asyncio.get_running_loop().create_task(notify(2))
    await asyncio.sleep(0.01)


async def in_task_group() -> None:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(notify(3))


def from_thread(loop: asyncio.AbstractEventLoop) -> None:
    # Handed to a loop running in another thread.
    asyncio.run_coroutine_threadsafe(notify(4), loop).result()


def run_now() -> None:
    asyncio.run(flush_metrics())


def cancel_unstarted() -> None:
    # close() on the coroutine itself: it is discarded on purpose, without the warning.
    flush_metrics().close()


async def receipts() -> None:
    # @fire_and_forget (defined in this file) schedules the call as a task.
    send_receipt(7)
    await asyncio.sleep(0.01)


def welcome() -> None:
    # Unknown decorator (@async_to_sync).
    send_welcome(8)


async def flush_scheduled() -> None:
    # schedule_flush() returns a Task: the coroutine was scheduled inside.
    schedule_flush()
    await asyncio.sleep(0.01)


def call_hook(flush_metrics: Callable[[], None]) -> None:
    # `flush_metrics` is the parameter (a plain callback) here.
    flush_metrics()


async def sync_variant() -> None:
    if _IS_SYNC:
        # Code for the generated synchronous variant, where close() is a plain method.
        db.close()
    else:
        await db.close()


async def disabled() -> None:
    if False:
        flush_metrics()


class DiskCache:
    def flush_metrics(self) -> None:
        EVENTS.append("disk flush")


def flush_disk(cache: DiskCache) -> None:
    # DiskCache.flush_metrics is a plain method.
    cache.flush_metrics()
    DiskCache().flush_metrics()


def flush_unknown(client: Any) -> None:
    # `client` is of unknown type (a DiskCache works).
    client.flush_metrics()


# --------------------------------------------------------------------------
# The streams an asyncio server callback is handed: `drain()` and `wait_closed()` are
# coroutines (in every Python from 3.9 to 3.13); `write()` and `close()` are plain.
# --------------------------------------------------------------------------


async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    line = reader.readline()
    print(line.decode())  # error: AGN210
    writer.write(b"ok\n")
    writer.drain()  # error: AGN211
    writer.close()
    writer.wait_closed()  # error: AGN211


async def echo_correctly(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    line = await reader.readline()
    writer.write(line)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


# --------------------------------------------------------------------------
# A coroutine bound to a local name the function never reads: nothing can await it.
# --------------------------------------------------------------------------


async def announce(channel: str) -> bool:
    await asyncio.sleep(0)
    return bool(channel)


async def publish(channels: list) -> int:
    sent = 0
    for channel in channels:
        receipt = announce(channel)  # error: AGN211
        sent = sent + 1
    return sent


async def publish_correctly(channels: list) -> int:
    sent = 0
    for channel in channels:
        receipt = await announce(channel)
        sent = sent + int(receipt)
    return sent


# Traps: the name is read, by the function or by something that reads its locals.
async def publish_later(channel: str) -> object:
    pending = announce(channel)
    return pending


async def publish_gathered(channels: list) -> list:
    first = announce(channels[0])
    rest = [announce(c) for c in channels[1:]]
    return await asyncio.gather(first, *rest)


async def publish_counted(channel: str) -> object:
    count = announce(channel)
    count += 1
    return None


async def publish_debug(channel: str) -> dict:
    pending = announce(channel)
    return dict(vars())


async def publish_nested(channel: str) -> object:
    pending = announce(channel)

    async def wait() -> bool:
        return await pending

    return wait


def schedule(channel: str) -> None:
    # A task runs whether or not a name of it is read again.
    task = asyncio.ensure_future(announce(channel))


_PENDING = None


async def publish_global(channel: str) -> None:
    global _PENDING
    _PENDING = announce(channel)


def publish_nonlocal(channel: str) -> Callable[[], object]:
    pending = None

    def start() -> None:
        nonlocal pending
        pending = announce(channel)

    def result() -> object:
        return pending

    start()
    return result


# A module-level flag bound `False` and then bound again is not a constant that is never true:
# the code under it runs.
_LEGACY = False
_LEGACY = True


async def legacy_close() -> None:
    if _LEGACY:
        db.close()  # error: AGN211


async def read_body(user_id: int) -> str:
    await asyncio.sleep(0)
    return str(user_id)


async def report_failure(user_id: int, status: int) -> str:
    # An f-string formats the coroutine's repr; the coroutine never runs.
    message = f"upload failed ({status}): {read_body(user_id)}"  # error: AGN211
    # Traps: awaited inside the f-string; a plain call; a format spec (AGN215's).
    body = f"body: {await read_body(user_id)}"
    # `print`, `str`, `repr`, `%` and `str.format` format the repr too.
    print(read_body(user_id))  # error: AGN211
    shown = "body: %s" % read_body(user_id)  # error: AGN211
    listed = "{} and {}".format(status, read_body(user_id))  # error: AGN211
    text = str(read_body(user_id))  # error: AGN211
    # Traps: what awaiting gives is formatted.
    print(await read_body(user_id), str(await read_body(user_id)), "%s" % (await read_body(1)))
    return message + body + f"{str(status)}" + f"{status!r}" + shown + listed + text


def retrying(attempts: int) -> Any:
    """A decorator factory whose result cannot be worked out (it recurses): the decorated
    method's kind is unknown, but its own body still runs with `self` as the instance."""
    if attempts > 100:
        return retrying(attempts - 1)
    return retrying(attempts + 1)


class RetryingStore:
    async def close(self) -> None:
        return None

    @retrying(3)
    async def shutdown(self) -> None:
        self.close()  # error: AGN211
