"""AGN214: an un-awaited coroutine call tested for truth or compared with `None`.

MAD's `... and self._account_handler.is_burnt(id)` (always true: a healthy account dropped at
every login), iirosebot's `APIIirose.get_room_info(id) is None` (never true), IdleRPG's
`if not ctx.confirm(...)` (never prompts).
"""
import asyncio
from abc import ABC, abstractmethod
from typing import List, Optional


class AccountHandler(ABC):
    @abstractmethod
    async def is_burnt(self, device: str) -> bool:
        """Whether the account on `device` is banned."""


class Api:
    @staticmethod
    async def get_room_info(room: str) -> Optional[dict]:
        await asyncio.sleep(0)
        return None


class Screen:
    def __init__(self, handler: AccountHandler) -> None:
        self._handler = handler

    async def on_login(self, device: str, logged_in: bool) -> str:
        if logged_in and self._handler.is_burnt(device):  # error: AGN214
            return "switch account"
        while not self._handler.is_burnt(device):  # error: AGN214
            break
        assert not self._handler.is_burnt(device)  # error: AGN214
        return "ok" if self._handler.is_burnt(device) else "burnt"  # error: AGN214

    async def on_login_correctly(self, device: str, logged_in: bool) -> str:
        if logged_in and await self._handler.is_burnt(device):
            return "switch account"
        return "ok"


async def play(room: str) -> str:
    if Api.get_room_info(room) is None:  # error: AGN214
        return "no room"
    rooms = [name for name in ("a", "b") if Api.get_room_info(name) is not None]  # error: AGN214
    return str(rooms)


async def play_correctly(room: str) -> str:
    if await Api.get_room_info(room) is None:
        return "no room"
    # Trap: a name holding a coroutine may be tested on purpose.
    pending = Api.get_room_info(room)
    if pending is not None:
        print(await pending)
    # Trap: a task or future is not a coroutine; a plain function's result is what it is.
    task = asyncio.ensure_future(Api.get_room_info(room))
    if asyncio.ensure_future(Api.get_room_info(room)).done():
        print(task)
    if plain_check(room):
        return "plain"
    # Trap: comparing with something else than `None` is not judged here.
    if Api.get_room_info(room) == {}:
        return "empty"
    return "ok"


def plain_check(room: str) -> bool:
    return bool(room)


async def may_retry(handler: AccountHandler, device: str, retry: bool) -> bool:
    # orchestrator-core's `bool(auth_retry and auth_retry(user))`: `bool()` tests it too.
    return bool(retry and handler.is_burnt(device))  # error: AGN214


async def may_retry_correctly(handler: AccountHandler, device: str, retry: bool) -> bool:
    return bool(retry and await handler.is_burnt(device))


async def fallbacks(handler: AccountHandler, device: str) -> object:
    # Outside a condition, `and` / `or` still test every operand but the last.
    burnt = handler.is_burnt(device) or device == ""  # error: AGN214
    checked = handler.is_burnt(device) and device  # error: AGN214
    fresh = not handler.is_burnt(device)  # error: AGN214
    # The last operand is the value, not a test: judged where it is used.
    last = device == "" or handler.is_burnt(device)
    correct = await handler.is_burnt(device) or device == ""
    return burnt, checked, fresh, last, correct


async def every_device_burnt(handler: AccountHandler, devices: List[str]) -> bool:
    # `all()` / `any()` test each element for truth: every coroutine is true.
    if any(handler.is_burnt(d) for d in devices):  # error: AGN214
        return True
    return all([handler.is_burnt(d) for d in devices])  # error: AGN214


async def every_device_burnt_correctly(handler: AccountHandler, devices: List[str]) -> bool:
    # Traps: awaited elements (an async comprehension); plain elements; a function named
    # `all` of the project's own; the elements handed on (gathered), not tested.
    if any([await handler.is_burnt(d) for d in devices]):
        return True
    if any(plain_check(d) for d in devices):
        return False
    results = await asyncio.gather(*(handler.is_burnt(d) for d in devices))
    return all(results)


def all_sent(items: object) -> bool:
    return items is not None


async def custom_all(handler: AccountHandler, devices: List[str]) -> bool:
    all = all_sent  # noqa: A001  (a local `all`, not the builtin)
    pending = [handler.is_burnt(d) for d in devices]
    await asyncio.gather(*pending)
    return all(handler.is_burnt(d) for d in devices[:0])


# A coroutine bound to a name the function reads only in truth tests (asks' redirect guard:
# `allow_redirect = self._location_auth_protect(location)` under two `if`s, then
# `if allow_redirect:`): the test is always true and the coroutine never runs, whatever else
# the name is bound to on other paths.
class Redirects:
    auth: Optional[str] = None

    async def _location_allowed(self, location: str) -> bool:
        await asyncio.sleep(0)
        return location.startswith("https://")

    async def follow(self, location: str) -> bool:
        allow = True
        if self.auth is not None:
            if location:
                allow = self._location_allowed(location)  # error: AGN214
        if allow:
            return True
        return False

    async def follow_negated(self, location: str) -> bool:
        allowed = self._location_allowed(location)  # error: AGN214
        while not allowed:
            return False
        return allowed is not None and not allowed

    async def follow_correctly(self, location: str) -> bool:
        allow = True
        if self.auth is not None:
            allow = await self._location_allowed(location)
        return bool(allow)

    # Traps: the name is also read another way, so the object may be awaited or handed on.
    async def tested_then_awaited(self, location: str) -> bool:
        pending = self._location_allowed(location)
        if pending:
            return await pending
        return False

    async def tested_then_returned(self, location: str) -> object:
        pending = self._location_allowed(location)
        if not pending:
            return None
        return pending

    async def tested_then_kept(self, location: str) -> List[object]:
        kept = []
        pending = self._location_allowed(location)
        if pending:
            kept.append(pending)
        return kept

    async def tested_in_a_closure(self, location: str) -> object:
        pending = self._location_allowed(location)

        def later() -> object:
            return pending

        return later if pending else None

    async def tested_and_read_through_locals(self, location: str) -> object:
        pending = self._location_allowed(location)
        if pending:
            return locals()["pending"]
        return None

    async def task_held(self, location: str) -> bool:
        # A task runs whether or not anything awaits it.
        task = asyncio.ensure_future(self._location_allowed(location))
        if task:
            return True
        return False

    def sync_flag(self, location: str) -> bool:
        plain = location.startswith("http")
        if plain:
            return True
        return False


async def room_exists(room: str) -> bool:
    # `is None` / `is not None` on the call, wherever the comparison is.
    return Api.get_room_info(room) is not None  # error: AGN214


async def room_exists_correctly(room: str) -> bool:
    return await Api.get_room_info(room) is not None


async def still_valid(room: str) -> bool:
    # `==` / `!=` with a constant: a coroutine object equals nothing but itself.
    if Api.get_room_info(room) == None:  # noqa: E711  # error: AGN214
        return False
    return True != Api.get_room_info(room)  # error: AGN214


async def judge_bot(handler: AccountHandler, device: str) -> str:
    # A name only compared with constants is only tested.
    burnt = handler.is_burnt(device)  # error: AGN214
    if burnt == True:  # noqa: E712
        return "delete"
    return "keep" if burnt != 0 else "?"


async def compared_correctly(handler: AccountHandler, device: str, other: object) -> bool:
    burnt = await handler.is_burnt(device)
    pending = handler.is_burnt(device)
    if pending == other:  # not a constant: may be the same object
        return True
    if 0 < 1 == 1:  # a chain compares its operands with each other too
        await pending
    return burnt == True  # noqa: E712


async def exists_flag(handler: AccountHandler, device: str) -> str:
    # `is True` / `is False`: a coroutine object is neither.
    if handler.is_burnt(device) is True:  # error: AGN214
        return "burnt"
    return "fine" if handler.is_burnt(device) is not False else "?"  # error: AGN214


async def exists_flag_correctly(handler: AccountHandler, device: str, marker: object) -> str:
    if await handler.is_burnt(device) is True:
        return "burnt"
    pending = handler.is_burnt(device)
    if pending is marker:  # not a constant
        return "same"
    await pending
    return "fine"
