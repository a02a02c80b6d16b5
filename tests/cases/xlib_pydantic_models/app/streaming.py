# OPTIONS: --agn-python env
"""A model whose class decorator the plugin does not know (here it makes ``refresh`` a stream):
its methods are unknown."""
from pydantic import BaseModel


def streaming(cls):
    """A class decorator the plugin does not know (here it makes ``refresh`` a stream)."""

    async def refresh(self):
        yield True

    cls.refresh = refresh
    return cls


@streaming
class Streaming(BaseModel):
    async def refresh(self):
        return True


async def unknown(model: Streaming):
    async for done in model.refresh():  # an unknown class decorator: silent
        print(done)
