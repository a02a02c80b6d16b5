"""`self.client = ImportedClient()` in __init__, and class attributes holding instances."""
from app.services import codex_llm as codex_module
from app.services.codex_llm import CodexLLMService, codex_llm
from app.services.http import HTTPClient
from app.services.streaming import StreamClient


class Handler:
    # Class attributes holding instances (an imported instance and a new one).
    llm = codex_llm
    backup = CodexLLMService()

    def __init__(self):
        self.client = HTTPClient()
        self.streamer = StreamClient()
        self.service = codex_module.CodexLLMService()

    async def bad_attribute_set_in_init_await(self):
        return await self.client.lines("/a")  # error: AGN200

    async def bad_attribute_set_in_init_async_for(self):
        async for item in self.client.fetch("/a"):  # error: AGN201
            print(item)

    async def bad_attribute_set_in_init_other_class(self):
        return await self.streamer.fetch("/a/b")  # error: AGN200

    async def bad_attribute_via_module_attribute_class(self):
        self.service.stream_completion("hi")  # error: AGN207

    async def bad_class_attribute_imported_instance(self):
        return await self.llm.stream_completion("hi")  # error: AGN200

    async def bad_class_attribute_new_instance(self):
        async for n in self.backup.count_tokens("hi"):  # error: AGN201
            print(n)

    async def bad_class_attribute_through_class_name(self):
        async for token in Handler.llm.generate_completion("hi"):  # error: AGN201
            print(token)

    async def ok_correct_uses(self):
        # trap: same method name `fetch`, coroutine on HTTPClient, async generator on
        # StreamClient (different modules): each used the right way.
        print(await self.client.fetch("/a"))
        async for part in self.streamer.fetch("/a/b"):
            print(part)
        async for line in self.client.lines("/a"):
            print(line)
        async for token in self.llm.stream_completion("hi"):
            print(token)
        print(await self.backup.count_tokens("hi"))


class Reconnecting:
    """`self.client` is assigned in two places with classes whose `fetch` kinds differ."""

    def __init__(self):
        self.client = HTTPClient()

    def switch_to_streaming(self):
        self.client = StreamClient()

    async def ok_attribute_rebound(self):
        self.switch_to_streaming()
        # trap: `self.client` is bound twice (HTTPClient in __init__, StreamClient here):
        # unknown. Correct at run time.
        async for part in self.client.fetch("/a/b"):
            print(part)


# trap: a module-level instance bound twice with classes of different `fetch` kinds: unknown.
client = HTTPClient()
client = StreamClient()


async def ok_module_instance_rebound():
    async for part in client.fetch("/a/b"):
        print(part)


async def ok_two_classes_same_method_name():
    # trap: `fetch` is a coroutine on one class and an async generator on the other.
    print(await HTTPClient().fetch("/a"))
    async for part in StreamClient().fetch("/a/b"):
        print(part)
