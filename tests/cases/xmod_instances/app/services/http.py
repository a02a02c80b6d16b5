"""`fetch` is a coroutine here and an async generator in streaming.py (same method name)."""


class HTTPClient:
    async def fetch(self, url):
        return url

    async def lines(self, url):
        yield url
