import asyncio

def _delegate(name):
    def method(self, *args):
        return getattr(self._inner, name)(*args)
    method.__name__ = name
    return method

class ListProxy:
    def __init__(self, inner):
        self._inner = inner
    for _name in ("__iter__", "__len__", "__getitem__"):
        locals()[_name] = _delegate(_name)
    del _name

class Lock:
    async def _enter(self):
        return self
    async def _exit(self, *a):
        return None
    locals().update(__aenter__=_enter, __aexit__=_exit)

async def main():
    for x in ListProxy([1, 2]):
        print(x)
    async with Lock():
        pass

asyncio.run(main())
