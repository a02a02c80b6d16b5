import asyncio, sys

class Result:
    pass

if sys.version_info >= (3, 11):
    async def get():
        return Result()
else:
    def get():
        return Result()

try:
    from fastmod import close   # not installed
except ImportError:
    async def close():
        return None

async def main():
    if sys.version_info >= (3, 11):
        r = await get()
    else:
        r = get()
    print(r)
    await close()

asyncio.run(main())
