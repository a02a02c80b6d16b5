"""A top-level module (no package) with its own callees."""


async def ticker(n):
    for i in range(n):
        yield i


async def total(n):
    return n * (n - 1) // 2
