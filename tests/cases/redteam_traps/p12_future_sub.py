import asyncio

class MyFut(asyncio.Future):
    pass

async def main():
    loop = asyncio.get_running_loop()
    f = MyFut()
    loop.call_soon(f.set_result, 3)
    print(await f)

asyncio.run(main())
