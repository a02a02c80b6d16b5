import asyncio, sys

class Result:
    pass

PY2 = sys.version_info[0] == 2
PY3 = not PY2

if PY2:
    def get():
        return Result()
else:
    async def get():
        return Result()

if sys.hexversion < 0x03000000:
    def get2():
        return Result()
else:
    async def get2():
        return Result()

if sys.version_info >= (3, 8) and sys.version_info < (3, 99):
    async def get3():
        return Result()
else:
    def get3():
        return Result()

async def main():
    print(await get(), await get2(), await get3())

asyncio.run(main())
