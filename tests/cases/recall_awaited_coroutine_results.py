"""What awaiting a coroutine gives when every path of it returns an un-awaited coroutine call.

`async def ask(self, q): return self.client.create(q)` hands out the coroutine `create()`
made: a caller awaiting `ask()` once holds that coroutine, not its result, so reading an
attribute of it, iterating it or using it as a number fails (AGN210, AGN213, AGN215), and
the coroutine never runs.  Awaiting twice (`await (await bot.ask(q))`) is correct, and so is
handing the coroutine on to something that awaits it.

Traps: a plain `def` returning a coroutine (awaiting its call gives the coroutine's result),
a coroutine that awaits what it returns, one path awaiting and one not (AGN104's business,
not the caller's), and a decorated coroutine whose wrapper awaits.
"""
import asyncio
import functools
from typing import Any, Awaitable, Callable, Dict, List, TypeVar

T = TypeVar("T")


class Completion:
    def __init__(self, text: str) -> None:
        self.text = text
        self.choices = [text]


class Client:
    async def create(self, prompt: str) -> Completion:
        await asyncio.sleep(0)
        return Completion(prompt.upper())

    async def count(self) -> int:
        return 3

    async def rows(self) -> List[Dict[str, Any]]:
        return [{"id": 1}]


def awaiting(func: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T]]:
    @functools.wraps(func)
    async def wrapper(*args: Any, **kwargs: Any) -> T:
        return await func(*args, **kwargs)

    return wrapper


class Bot:
    def __init__(self) -> None:
        self.client = Client()

    async def ask(self, prompt: str):  # type: ignore[no-untyped-def]
        # Every path hands out the un-awaited coroutine.
        return self.client.create(prompt)

    async def total(self):  # type: ignore[no-untyped-def]
        return self.client.count()

    async def table(self):  # type: ignore[no-untyped-def]
        return self.client.rows()

    def ask_later(self, prompt: str) -> Awaitable[Completion]:
        # A plain `def`: its call is the coroutine; awaiting it gives the Completion.
        return self.client.create(prompt)

    async def ask_awaited(self, prompt: str) -> Completion:
        return await self.client.create(prompt)

    @awaiting
    async def ask_wrapped(self, prompt: str) -> Completion:
        return await self.client.create(prompt)


async def reply(bot: Bot) -> str:
    completion = await bot.ask("hi")
    return completion.text  # error: AGN210


async def reply_directly(bot: Bot) -> List[str]:
    return (await bot.ask("hi")).choices  # error: AGN210


async def counted(bot: Bot) -> int:
    n = await bot.total()
    return n + 1  # error: AGN215


async def listed(bot: Bot) -> List[int]:
    rows = await bot.table()
    return [row["id"] for row in rows]  # error: AGN213


async def reply_twice(bot: Bot) -> str:
    # Awaiting twice gives the Completion.
    completion = await (await bot.ask("hi"))
    return completion.text


async def handed_on(bot: Bot) -> str:
    # The coroutine handed to something that awaits it.
    pending = await bot.ask("hi")
    done = await asyncio.gather(pending)
    return done[0].text


async def the_others(bot: Bot) -> str:
    # A plain def's call is the coroutine; awaiting it gives its result.
    first = await bot.ask_later("a")
    # These await what they return.
    second = await bot.ask_awaited("b")
    third = await bot.ask_wrapped("c")
    return first.text + second.text + third.text


def main() -> None:
    bot = Bot()
    print(asyncio.run(reply_twice(bot)), asyncio.run(handed_on(bot)), asyncio.run(the_others(bot)))


if __name__ == "__main__":
    main()
