"""Other half of the cycle; `import app.producer as producer` (module object, cycle-safe)."""
import app.producer as producer


async def drain(n):
    # `total` is a coroutine in producer.py.
    async for x in producer.total(n):  # error: AGN201
        print(x)


async def drain_ok(n):
    return [x async for x in producer.produce(n)]


async def relay(n):
    async for x in producer.produce(n):
        yield x


async def bad_await_across_cycle():
    return await producer.produce(3)  # error: AGN200


def bad_list_across_cycle():
    return list(producer.produce(3))  # error: AGN203


async def ok_correct_uses():
    print(await producer.total(3))
    print(await drain_ok(3))
