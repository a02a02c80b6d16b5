import asyncio


class Dispatcher:
    def __init__(self) -> None:
        self.sent = []

    async def deliveries(self, event: str):
        for url in ("https://a.test/hook", "https://b.test/hook"):
            yield url, event

    async def deliver(self, url: str, event: str) -> int:
        await asyncio.sleep(0)
        self.sent.append((url, event))
        return 200


dispatcher = Dispatcher()
