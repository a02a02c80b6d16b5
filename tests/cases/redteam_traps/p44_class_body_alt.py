import asyncio, sys

class Reply:
    pass

class Client:
    if sys.platform == "win32":
        def close(self):
            return Reply()
    else:
        async def close(self):
            return Reply()

    async def shutdown(self):
        if sys.platform == "win32":
            self.close()
        else:
            await self.close()

async def main(c: Client):
    await c.shutdown()
    if sys.platform != "win32":
        await c.close()

asyncio.run(main(Client()))
