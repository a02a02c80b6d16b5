from pkg.feeds import latest


async def main():
    # trap: `latest` is the package's async generator.
    async for item in latest():
        print(item)
    return await latest()  # error: AGN200
