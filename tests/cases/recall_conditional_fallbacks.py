"""Values that are one of two by the function's own flow: fallbacks.

`db_obj = db_obj or self.get(id)` (fastapi-microservices' CRUD base), `user = cached if cached
else load_user()`, and `if not user: user = get_default_user()` (cognee) leave the name holding
an un-awaited coroutine on the path where the fallback runs: a use that fails for a coroutine
(an attribute, a subscript, iteration, `async with`, a truth test) fails whenever that path is
taken, so each known value is judged at a use in the same straight line of the function.
An `or` whose last operand is a coroutine call, used where it is written, gives that
coroutine whatever the left is (`(self.user or self.fetch()).id` with `user: Optional[User]`):
the left is false on some path, or the `or` would not be written.

Traps: the fallback awaited where it is made or right after it (`user = await user`); the value
handed on before the use (`await x`); a use inside a later `if`, which may be the one that chose
(`if is_async: await x else: x.id`); an `if` that leaves (`return`) or whose `else` binds the name
too; a second `if` rebinding a value that is already one of two (it may undo the first on the
same condition); a use only `await`ing it; `return` of it (handing it on).
"""
import asyncio
import inspect
from typing import Any, Dict, List, Optional


class User:
    def __init__(self, user_id: int = 0) -> None:
        self.id = user_id
        self.roles: List[str] = []

    def dict(self) -> Dict[str, Any]:
        return {"id": self.id}


async def get_default_user() -> User:
    await asyncio.sleep(0)
    return User(0)


async def stream_users():
    yield User(1)


class CrudBase:
    async def get(self, user_id: int) -> Optional[User]:
        await asyncio.sleep(0)
        return User(user_id)

    async def update(self, user_id: int, db_obj: Optional[User] = None) -> Dict[str, Any]:
        db_obj = db_obj or self.get(user_id)
        return db_obj.dict()  # error: AGN210

    async def delete(self, user_id: int, db_obj: Optional[User] = None) -> None:
        db_obj = db_obj or self.get(user_id)
        print(db_obj.id)  # error: AGN210

    async def update_checked(self, user_id: int, db_obj: Optional[User] = None) -> Dict[str, Any]:
        db_obj = db_obj or self.get(user_id)
        # A coroutine is not `None` (and is true): the body runs on the fallback's path.
        if db_obj is not None and user_id:
            return db_obj.dict()  # error: AGN210
        return {}

    async def ok_only_when_none(self, user_id: int, db_obj: Optional[User] = None) -> int:
        found = db_obj or self.get(user_id)
        # The body runs only when `found` is `None`: never on the fallback's path.
        if found is None:
            return User().id
        return 0

    async def update_fixed(self, user_id: int, db_obj: Optional[User] = None) -> Dict[str, Any]:
        db_obj = db_obj or await self.get(user_id)
        assert db_obj is not None
        return db_obj.dict()


async def add_data_points(user: Optional[User] = None) -> int:
    if not user:
        user = get_default_user()
    return user.id  # error: AGN210


async def roles_of(user: Optional[User] = None) -> List[str]:
    if user is None:
        print("no user given")
        user = get_default_user()
    for role in user.roles:  # error: AGN210
        print(role)
    return []


async def first_user(users: Optional[List[User]] = None) -> User:
    users = users if users is not None else stream_users()
    for user in users:  # error: AGN203
        return user
    return User()


async def cached_user(cache: Dict[int, User], user_id: int) -> int:
    user = cache.get(user_id) or get_default_user()
    print(f"user {user_id} loaded")
    return user.id  # error: AGN210


async def ok_used_under_an_if(cache: Dict[int, User], user_id: int) -> int:
    # Not judged: a use inside an `if` after the fallback may be under the condition that
    # chose it (a documented limit: this one fails too, when the user is not cached).
    user = cache.get(user_id) or get_default_user()
    if user_id > 0:
        return user.id
    return 0


# -- traps ---------------------------------------------------------------------------------


async def ok_awaited_in_branch(user: Optional[User] = None) -> int:
    if not user:
        user = get_default_user()
        user = await user
    return user.id


async def ok_awaited_where_made(user: Optional[User] = None) -> int:
    if not user:
        user = await get_default_user()
    return user.id


async def ok_handed_on_first(user: Any = None) -> int:
    if not user:
        user = get_default_user()
    await user
    return 0


async def ok_only_awaited(user: Any = None) -> Any:
    user = user or get_default_user()
    return await user


async def ok_returned(user: Any = None) -> Any:
    # Handed on to the caller, which may await it.
    if user is None:
        user = get_default_user()
    return user


async def ok_use_under_the_same_condition(is_async: bool) -> int:
    session = get_default_user() if is_async else User(2)
    if is_async:
        return (await session).id
    else:
        return session.id


async def ok_second_if_undoes_the_first(is_async: bool) -> int:
    conn = get_default_user() if is_async else User(3)
    if is_async:
        conn = await conn
    return conn.id


async def ok_branch_leaves(user: Optional[User] = None) -> int:
    if not user:
        user = get_default_user()
        return (await user).id
    return user.id


async def ok_else_binds_too(user: Optional[User] = None, fresh: bool = False) -> int:
    if fresh:
        user = get_default_user()
        user = await user
    else:
        user = user or User(4)
    return user.id


async def ok_both_arms_coroutines(fast: bool) -> User:
    user = get_default_user() if fast else get_default_user()
    return await user


async def ok_in_nested_function(user: Optional[User] = None) -> int:
    if not user:
        user = get_default_user()

    def later(value: User) -> int:
        return value.id

    return later(await user)


async def ok_arm_chosen_by_kind(handler: Any, fallback: bool) -> str:
    # A conditional expression testing what a value is takes the arm that suits it.
    result = handler() if inspect.isasyncgenfunction(get_default_user) else await get_default_user()
    other = get_default_user() if not isinstance(handler, str) else User(5)
    return f"{result.id} {other}"


# `(self.user or self.fetch()).id` where the left is declared `Optional[User]`: judged where
# it is written, the `or` gives the coroutine whenever the left is false.
class Profile:
    def __init__(self) -> None:
        self.user: Optional[User] = None

    async def fetch(self) -> User:
        return User(6)

    async def chained(self) -> int:
        return (self.user or self.fetch()).id  # error: AGN210

    async def ok_whole_expression_awaited(self, pending: Any) -> Any:
        # The left may be an awaitable too: awaiting the whole is what the fallback needs.
        return await (pending or self.fetch())

    async def ok_tested_left(self) -> int:
        # A name bound to it is left to the straight-line values, which do not judge a use
        # under an `if` that may be the one that chose (here the left, so never the coroutine).
        user = self.user or self.fetch()
        if self.user:
            return user.id
        return 0

    async def not_followed_try_except(self) -> int:
        # Bound in `try` beside `None` in `except`, used under `if user:` (Pythonista-Bot's
        # logging loop): fails when the user is not cached, but the straight line is broken
        # by the `try`: not judged (a documented limit).
        try:
            user = self.user or self.fetch()
        except Exception:
            user = None
        if user:
            return user.id
        return 0
