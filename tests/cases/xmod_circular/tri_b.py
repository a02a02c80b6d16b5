import tri_c


async def b_stream():
    async for x in tri_c.c_stream():
        yield x
