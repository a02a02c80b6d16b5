import asyncio, sys

class Result:
    def __init__(self, v):
        self.v = v

if sys.platform == "win32":
    class Loop:
        def run(self):
            return Result("win")
        def stop(self):
            return None
else:
    class Loop:
        async def run(self):
            return Result("posix")
        async def stop(self):
            return None

async def main():
    loop = Loop()
    if sys.platform == "win32":
        r = loop.run()
        loop.stop()
    else:
        r = await loop.run()
        await loop.stop()
    print(r.v)

asyncio.run(main())
