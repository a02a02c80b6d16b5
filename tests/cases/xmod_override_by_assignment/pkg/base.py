class Writer:
    async def flush(self):
        raise RuntimeError("use a concrete writer")
