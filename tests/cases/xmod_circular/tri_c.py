import tri_a


async def c_stream():
    async for x in tri_a.a_stream():
        yield x


async def bad_closing_the_cycle():
    async with tri_a.a_stream():  # error: AGN204
        pass
