import asyncio
from unittest.mock import AsyncMock, MagicMock, patch

class Client:
    async def get(self, url):
        return url
    async def close(self):
        pass

class Service:
    def __init__(self):
        self.client = Client()
    async def run(self):
        r = await self.client.get("u")
        await self.client.close()
        return r

async def main():
    c = AsyncMock(spec=Client)
    await c.get("x")
    m = MagicMock()
    m.__aenter__ = AsyncMock(return_value=1)
    m.__aexit__ = AsyncMock(return_value=False)
    async with m as v:
        print(v)
    svc = Service()
    svc.client = MagicMock()
    svc.client.get = AsyncMock(return_value="mocked")
    svc.client.close = AsyncMock()
    print(await svc.run())
    with patch.object(Client, "get", new=AsyncMock(return_value="p")):
        print(await Client().get("z"))
    mock_client: Client = MagicMock(spec=Client)
    mock_client.get.return_value = "v"

asyncio.run(main())
