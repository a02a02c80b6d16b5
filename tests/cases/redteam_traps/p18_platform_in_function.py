import asyncio, sys

if sys.platform == "win32":
    class Loop:
        def run(self):
            return "win"
else:
    class Loop:
        async def run(self):
            return "posix"

if sys.version_info[0] == 2:
    def fetch():
        return 1
else:
    async def fetch():
        return 1

PY2 = sys.version_info[0] == 2
if PY2:
    def fetch2():
        return [1]
else:
    async def fetch2():
        yield 1

async def main():
    if sys.platform == "win32":
        print(Loop().run())
    else:
        print(await Loop().run())
    print(await fetch())
    async for x in fetch2():
        print(x)

asyncio.run(main())
