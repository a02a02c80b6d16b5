import asyncio

class Handler:
    @classmethod
    def __class_getitem__(cls, k):
        return cls
    async def handle(self):
        return 1

class Registry:
    def __init__(self):
        self.kind = None
    def register(self):
        self.kind = Handler
    async def run(self):
        h = self.kind()
        return await h.handle()

r = Registry(); r.register()
print(asyncio.run(r.run()))
