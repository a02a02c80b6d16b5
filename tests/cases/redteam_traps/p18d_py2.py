import asyncio, sys

class Result:
    pass

if sys.version_info[0] == 2:
    def get():
        return Result()
else:
    async def get():
        return Result()

if sys.version_info.major < 3:
    def get2():
        return Result()
else:
    async def get2():
        return Result()

if sys.version_info < (3,):
    def get3():
        return Result()
else:
    async def get3():
        return Result()

async def main():
    print(await get(), await get2(), await get3())

asyncio.run(main())
