"""Names bound more than once, read where one straight-line assignment reaches.

A name assigned twice in a function is, as a whole, unknown; but in the function's own
sequence of statements (not in a branch or a loop), a read after `x = f()` and before any
other binding of `x` reads what `f()` gave.  kibitzr's `send_message(self, message)` rebinds
its parameter, `message = self.bot.send_message(...)`, and returns it: the coroutine is
handed back and dropped by the caller (AGN211).  Also `response = client.create(...)`, then
`response = response.choices[0]` (AGN210 on the first value).

Traps: a value handed on before the read (`asyncio.run(message)`, `await job`,
`tasks.append(job)`): it may have been consumed; a binding in a branch or a loop; a read in a
loop whose body rebinds the name; a lambda (it runs later); a name declared `global`.
"""
import asyncio
from typing import Any, Awaitable, List


class Message:
    def __init__(self, text: str) -> None:
        self.text = text
        self.choices = [text]


class Bot:
    async def send_message(self, chat: int, text: str) -> Message:
        await asyncio.sleep(0)
        return Message(text)


class Notifier:
    def __init__(self) -> None:
        self.bot = Bot()

    def send(self, message: str) -> Any:
        message = self.bot.send_message(1, message)
        return message

    def post(self, report: str) -> None:
        self.send(report)  # error: AGN211

    def send_and_run(self, message: str) -> Any:
        # Trap: run before it is returned.
        message = self.bot.send_message(1, message)
        asyncio.run(message)
        return message

    def post_run(self, report: str) -> None:
        self.send_and_run(report)


async def first_choice(bot: Bot, text: str) -> str:
    response = bot.send_message(1, text)
    response = response.choices[0]  # error: AGN210
    return response


async def shout(bot: Bot, text: str) -> str:
    text = bot.send_message(1, text)
    return text.upper()  # error: AGN210


async def first_choice_correctly(bot: Bot, text: str) -> str:
    response = bot.send_message(1, text)
    response = await response
    return response.choices[0]


async def in_a_branch(bot: Bot, text: str, now: bool) -> str:
    # Trap: bound in a branch, then awaited.
    response: Any = None
    if now:
        response = bot.send_message(1, text)
    response = await response
    return response.text


async def in_a_loop(bot: Bot, texts: List[str]) -> List[str]:
    # Trap: the loop rebinds it: the read sees the awaited value from the second round on.
    found: List[str] = []
    pending: Any = bot.send_message(1, "first")
    for text in texts:
        pending = await pending
        found.append(pending.text)
        pending = bot.send_message(1, text)
    await pending
    return found


async def handed_on(bot: Bot, text: str) -> str:
    # Trap: awaited, then the name read again (it still names the finished coroutine).
    job = bot.send_message(1, text)
    tasks: List[Awaitable[Message]] = []
    tasks.append(job)
    done = await asyncio.gather(*tasks)
    job = done[0]
    return job.text


def later(bot: Bot, text: str) -> Any:
    # Trap: a lambda runs later, when the name holds something else.
    message: Any = bot.send_message(1, text)
    read = lambda: message.text  # noqa: E731
    message = asyncio.run(message)
    return read()


class Relay:
    def __init__(self) -> None:
        self.bot = Bot()

    def send(self, text: str) -> Any:
        # Trap: a nested function rebinds it through `nonlocal` before the return, so the
        # return gives the message, not the coroutine.
        message: Any = text
        message = self.bot.send_message(1, message)

        def settle() -> None:
            nonlocal message
            message = asyncio.run(message)

        settle()
        return message

    def post(self, text: str) -> None:
        self.send(text)


async def main() -> None:
    bot = Bot()
    print(await first_choice_correctly(bot, "a"), await in_a_branch(bot, "b", True))
    print(await in_a_loop(bot, ["c", "d"]), await handed_on(bot, "e"))


if __name__ == "__main__":
    asyncio.run(main())
    print(later(Bot(), "f"))
    Notifier().post_run("g")
    Relay().post("h")
