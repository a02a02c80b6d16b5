async def pull(n):
    for i in range(n):
        yield i


async def push(n):
    return n
