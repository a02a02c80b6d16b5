import asyncio

class SumMixin:
    def total(self):
        return sum(x for x in self)
    def first(self):
        for x in self:
            return x

class Nums(SumMixin):
    def __iter__(self):
        return iter([1, 2, 3])

class Base:
    def __iter__(self):
        raise NotImplementedError
    def __aenter__(self):
        raise NotImplementedError
    async def __aexit__(self, *a):
        return None
    def listed(self):
        return [x for x in self]
    async def run(self):
        async with self:
            return self.listed()

class Impl(Base):
    def __iter__(self):
        return iter("ab")
    async def __aenter__(self):
        return self

class AwaitMixin:
    async def settle(self):
        return await self

class Fut(AwaitMixin):
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return 9

print(Nums().total(), Nums().first(), asyncio.run(Impl().run()), asyncio.run(Fut().settle()))
