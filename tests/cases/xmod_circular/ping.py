"""Top-level modules importing each other (ping <-> pong), plus a three-module cycle."""
import pong


async def ping_stream(n):
    for i in range(n):
        yield i


async def ping_once():
    return "ping"


async def bad_await_from_cycle_partner():
    return await pong.pong_stream(2)  # error: AGN200


async def ok_correct_uses():
    async for x in pong.pong_stream(2):
        print(x)
    print(await pong.pong_once())
