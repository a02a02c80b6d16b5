import abc, asyncio

class Resource(abc.ABC):
    @abc.abstractmethod
    def name(self):
        ...

class Lock:
    def name(self):
        return "lock"
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None

Resource.register(Lock)

async def use(r: Resource):
    async with r:
        print(r.name())

asyncio.run(use(Lock()))
