"""Base classes; their methods are called through subclasses defined in other modules."""
import contextlib


class BaseService:
    async def fetch(self, key):
        return key

    async def stream(self, key):
        for part in key.split():
            yield part

    @contextlib.asynccontextmanager
    async def session(self):
        yield self

    @classmethod
    async def stream_defaults(cls):
        yield cls.__name__

    @staticmethod
    async def ping():
        return "pong"


class Pipeline:
    """`items` is overridden with a different kind in app/impl/pipelines.py."""

    async def items(self):
        raise NotImplementedError

    async def run(self):
        out = []
        # trap: `self.items()` is ambiguous: Pipeline.items is a coroutine stub, but the
        # subclass CsvPipeline (another module) overrides it with an async generator.
        async for item in self.items():
            out.append(item)
        return out
