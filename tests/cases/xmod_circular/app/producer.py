"""Imports consumer, which imports producer: a cycle that Python (and the linter) handles."""
from app import consumer


async def produce(n):
    for i in range(n):
        yield i


async def total(n):
    return sum([i async for i in produce(n)])


async def bad_await_async_generator_of_module_in_cycle():
    return await consumer.relay(3)  # error: AGN200


async def ok_correct_uses():
    print(await consumer.drain_ok(3))
    async for i in consumer.relay(3):
        print(i)
