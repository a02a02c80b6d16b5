import asyncio

class Conn:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None
    async def close(self):
        pass

class Pool:
    def __init__(self):
        self.conn = None
    def connect(self):
        self.conn = Conn()
    async def run(self):
        if self.conn is None:
            self.connect()
        async with self.conn:
            pass
    def reset(self):
        if self.conn is not None:
            t = asyncio.ensure_future(self.conn.close())
            self.conn = None
            return t

async def main():
    p = Pool()
    await p.run()
    await p.reset()
    conn = None
    for _ in range(2):
        conn = Conn()
    async with conn:
        pass

asyncio.run(main())
