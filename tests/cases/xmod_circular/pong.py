import ping
import tri_a


async def pong_stream(n):
    async for i in ping.ping_stream(n):
        yield i


async def pong_once():
    return "pong"


async def bad_async_for_from_cycle_partner():
    async for x in ping.ping_once():  # error: AGN201
        print(x)


async def bad_three_module_cycle():
    tri_a.a_stream()  # error: AGN207
