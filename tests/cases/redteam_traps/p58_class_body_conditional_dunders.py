import asyncio, sys, os

class Lock:
    if sys.version_info >= (3, 8):
        async def __aenter__(self):
            return self
        async def __aexit__(self, *a):
            return None

class Lock2:
    if os.environ.get("NEVER_SET_XYZ") is None:
        async def __aenter__(self):
            return self
        async def __aexit__(self, *a):
            return None

class Lock3:
    try:
        async def __aenter__(self):
            return self
    except Exception:
        pass
    async def __aexit__(self, *a):
        return None

class Seq:
    for _name in ("__iter__",):
        pass
    def __iter__(self):
        return iter([1])

class Fut:
    if sys.platform == "win32":
        def __await__(self):
            return asyncio.sleep(0, "win").__await__()
    else:
        def __await__(self):
            return asyncio.sleep(0, "posix").__await__()

class WithExec:
    exec("def __iter__(self):\n    return iter([9])")

async def main():
    async with Lock():
        pass
    async with Lock2():
        pass
    async with Lock3():
        pass
    print(await Fut())
    for x in WithExec():
        print(x)

asyncio.run(main())
