"""A class and its module-level instance, re-exported by `lib/__init__.py`."""


class Client:
    async def request(self, path):
        return path

    async def events(self, path):
        yield path


default_client = Client()
