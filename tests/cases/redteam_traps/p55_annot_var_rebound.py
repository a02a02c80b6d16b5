import asyncio

class Conn:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None

class AConn:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return None

REGISTRY = {"sync": Conn, "async": AConn}

def resolve(name):
    return REGISTRY[name]()

async def main():
    conn: Conn
    conn = resolve("async")   # type: ignore[assignment]
    async with conn:
        pass
    c2: Conn = resolve("sync")
    c2 = resolve("async")
    async with c2:
        pass

asyncio.run(main())
