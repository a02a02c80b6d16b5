import asyncio

class Rows:
    def __iter__(self):
        return iter([1, 2])

class Session:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None
    async def open(self):
        return self

class QuerySession(Session):
    async def __aenter__(self):
        return Rows()
    async def open(self):
        return Rows()

async def use(s: Session):
    async with s as rows:
        for r in rows:
            print(r)
    got = await s.open()
    for r in got:
        print(r)

asyncio.run(use(QuerySession()))
