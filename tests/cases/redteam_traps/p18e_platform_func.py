import asyncio, sys, os

class Result:
    pass

if sys.platform == "win32":
    def get():
        return Result()
else:
    async def get():
        return Result()

if os.name == "nt":
    def get2():
        return Result()
else:
    async def get2():
        return Result()

IS_WIN = sys.platform.startswith("win")
if IS_WIN:
    def get3():
        return Result()
else:
    async def get3():
        return Result()

async def main():
    if sys.platform == "win32":
        r = get()
    else:
        r = await get()
    if sys.platform != "win32":
        r = await get()
    if not sys.platform.startswith("win"):
        r = await get()
    if os.name != "nt":
        r = await get2()
    if not IS_WIN:
        r = await get3()
    print(r)

def main_sync():
    if sys.platform == "win32":
        return get()
    return asyncio.run(get())

asyncio.run(main())
print(main_sync())
