"""Plays grpc.aio's server: unary handlers are awaited, streaming handlers iterated."""
from app.servicer import Greeter


async def serve() -> list:
    svc = Greeter()
    out = [await svc.unary("a")]
    async for response in svc.stream("b"):  # error: AGN201
        out.append(response)
    # The fixed decorator picks an async generator wrapper for async generator functions.
    async for response in svc.fixed_stream("c"):
        out.append(response)
    return out
