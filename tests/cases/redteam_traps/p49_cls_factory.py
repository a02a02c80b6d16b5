import asyncio

class Base:
    @classmethod
    def create(cls):
        return cls()
    def clone(self):
        return self.__class__()
    def clone2(self):
        return type(self)()
    @staticmethod
    def make():
        return Base()

class Res(Base):
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None
    def __iter__(self):
        return iter([1])
    def __await__(self):
        return asyncio.sleep(0, "done").__await__()

async def main():
    async with Res.create():
        pass
    r = Res()
    async with r.clone():
        pass
    async with r.clone2():
        pass
    for x in Res.create():
        print(x)
    print(await Res.create())
    print(await r.clone())

asyncio.run(main())
