import abc, asyncio

class Store(abc.ABC):
    @abc.abstractmethod
    async def save(self, x):
        ...

class MemStore(Store):
    def save(self, x):   # sync implementation (returns an awaitable future)
        fut = asyncio.get_event_loop().create_future()
        fut.set_result(x)
        return fut

async def persist(s: Store):
    await s.save(1)

async def main():
    await persist(MemStore())

asyncio.run(main())
