import asyncio

async def _deliver(q, msg):
    q.append(msg)

def publish(q, msg, wait):
    if wait:
        return _deliver(q, msg)
    q.append(msg)

def maybe_close(conn):
    if conn is not None:
        return conn.close()

class Conn:
    async def close(self):
        pass

q = []
publish(q, "y", False)
maybe_close(None)
print(q)
