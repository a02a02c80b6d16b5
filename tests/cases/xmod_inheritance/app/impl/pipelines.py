"""Subclass overriding a base method with a different kind (see app/core/base.py Pipeline)."""
from app.core.base import Pipeline


class CsvPipeline(Pipeline):
    async def items(self):
        for row in ("a", "b"):
            yield row

    async def bad_await_own_async_generator(self):
        return await self.items()  # error: AGN200


async def ok_run_pipeline():
    # trap: Pipeline.run does `async for item in self.items()`: correct for CsvPipeline.
    print(await CsvPipeline().run())
