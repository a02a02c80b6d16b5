import asyncio

class Settings:
    value = 3

async def load():
    return Settings()

_loader = None

def start():
    global _loader
    _loader = load()

async def init():
    global _loader
    _loader = await _loader

def get():
    return _loader.value

async def main():
    start()
    await init()
    print(get())

asyncio.run(main())
