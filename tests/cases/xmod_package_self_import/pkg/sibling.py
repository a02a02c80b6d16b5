from . import streams


async def use_sibling():
    return await streams.ticker()  # error: AGN200
