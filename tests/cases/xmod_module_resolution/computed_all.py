"""`__all__` built up after its literal: every public name may be exported."""
__all__ = []
__all__ += ["fetch"]


async def fetch():
    return 1
