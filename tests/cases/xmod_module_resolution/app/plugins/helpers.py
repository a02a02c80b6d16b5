async def rows():
    return [1]
