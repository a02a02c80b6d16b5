import asyncio


async def fetch():
    yield 1


from computed_all import *  # noqa: E402,F401,F403


def main():
    # trap: the star import rebinds `fetch` to computed_all.fetch, a coroutine.
    return asyncio.run(fetch())  # noqa: F405
