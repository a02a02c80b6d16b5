import asyncio, collections.abc

class Call(collections.abc.Coroutine):
    def __init__(self, url):
        self.url = url
        self._c = self._run()
    async def _run(self):
        return self.url.upper()
    def send(self, v):
        return self._c.send(v)
    def throw(self, *a):
        return self._c.throw(*a)
    def close(self):
        return self._c.close()
    def __await__(self):
        return self._c.__await__()
    async def __aenter__(self):
        return await self
    async def __aexit__(self, *a):
        return None

async def handle(x):
    if asyncio.iscoroutine(x):
        print("awaiting call for", x.url)
        async with x as result:
            return result
    return x

print(asyncio.run(handle(Call("u"))))
