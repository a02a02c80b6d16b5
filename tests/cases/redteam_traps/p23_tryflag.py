import asyncio

class Result:
    pass

try:
    from fastlib import compute   # not installed: except branch runs
    HAS_FAST = True
except ImportError:
    HAS_FAST = False
    def compute():
        return Result()

try:
    import uvloop  # noqa
except ImportError:
    uvloop = None

async def main():
    if HAS_FAST:
        r = await compute()
    else:
        r = compute()
    print(r)
    if uvloop is not None:
        uvloop.install()

asyncio.run(main())
