import asyncio, inspect

class Resource:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None
    def fetch(self):
        return 1

class AsyncResource:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None
    async def fetch(self):
        return 2

async def use(r: Resource):
    if hasattr(r, "__aenter__"):
        async with r:
            res = r.fetch()
            if inspect.isawaitable(res):
                res = await res
            return res
    with r:
        return r.fetch()

async def use2(r: Resource):
    if isinstance(r, AsyncResource):
        async with r:
            return await r.fetch()
    with r:
        return r.fetch()

print(asyncio.run(use(Resource())), asyncio.run(use(AsyncResource())))
print(asyncio.run(use2(AsyncResource())))
