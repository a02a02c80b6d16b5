import asyncio

class Bag:
    def __init__(self):
        self._items = [1, 2]
    def items(self):
        return list(self._items)
    items = property(items)

    async def _load(self):
        return 5
    def loaded(self):
        return self._load()
    loaded = property(loaded)

    def _get_rows(self):
        return [3]
    rows = property(_get_rows)

async def main():
    b = Bag()
    for x in b.items:
        print(x)
    print(await b.loaded)
    for r in b.rows:
        print(r)

asyncio.run(main())
