import asyncio, sys

class Result:
    pass

if sys.version_info[:2] >= (3, 8):
    async def a():
        return Result()
else:
    def a():
        return Result()

if (3, 8) <= sys.version_info:
    async def b():
        return Result()
else:
    def b():
        return Result()

if not sys.version_info < (3, 8):
    async def c():
        return Result()
else:
    def c():
        return Result()

if sys.version_info < (3, 8):
    def d():
        return Result()
elif sys.version_info >= (3, 8):
    async def d():
        return Result()

async def main():
    print(await a(), await b(), await c(), await d())

asyncio.run(main())
