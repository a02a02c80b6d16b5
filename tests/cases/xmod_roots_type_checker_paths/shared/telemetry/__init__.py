from contextlib import asynccontextmanager


class Exporter:
    def __init__(self) -> None:
        self.flushed = False

    async def flush(self) -> int:
        return 0

    async def spans(self):
        self.flushed = True
        yield "span"


@asynccontextmanager
async def traced(name: str):
    yield Exporter()


exporter = Exporter()
