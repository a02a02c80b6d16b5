async def _pages(client):
    yield client


async def pages(client):
    return _pages(client)  # AGN101 (unsafe fix not requested)


async def unknown(client):
    return await client.fetch()


async def main(client):
    async for page in pages(client):
        print(page)
    stream = pages(client)
    async for page in stream:
        print(page)
    # Not known to return an async iterator: reported, never "fixed" by guessing.
    async for page in unknown(client):
        print(page)
