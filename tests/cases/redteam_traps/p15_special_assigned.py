import asyncio

async def _enter(self):
    return self

async def _exit(self, *a):
    return None

class Res:
    __aenter__ = _enter
    __aexit__ = _exit

class Fut:
    def __init__(self, v):
        self.v = v
    def __iter__(self):
        yield from asyncio.sleep(0).__await__()
        return self.v
    __await__ = __iter__

class Seq:
    def _it(self):
        return iter([1, 2])
    __iter__ = _it

async def main():
    async with Res() as r:
        print(r)
    print(await Fut(3))
    for x in Seq():
        print(x)

asyncio.run(main())
