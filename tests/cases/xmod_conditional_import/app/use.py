"""Names bound by try/except ImportError or if/else imports are unknown."""
import sys

try:
    from app.fast import parse
except ImportError:  # pragma: no cover
    from app.slow import parse

try:
    from speedups_not_installed import decode
except ImportError:
    from app.slow import decode

if sys.version_info >= (3, 8):
    from app import fast as backend
else:  # pragma: no cover
    from app import slow as backend

try:
    from app.fast import tokenize
except ImportError:

    async def tokenize(data):
        yield data

from app.slow import only_slow


async def ok_try_except_import():
    # `parse` is app.fast.parse (coroutine) or, when that import fails, app.slow.parse (async
    # generator): on that path `await` raises, so it is reported, naming app.slow.parse.
    print(await parse("a b"))  # error: AGN200


async def ok_try_except_third_party_fallback():
    # trap: `decode` is a package outside the project or app.slow.decode: unknown.
    async for x in decode("a"):
        print(x)


async def ok_if_else_module_import():
    # trap: `backend` is app.slow only on Python < 3.8, which no supported interpreter runs
    # (the branch is decided, as type checkers decide it): app.fast.parse, a coroutine.
    print(await backend.parse("a b"))


async def ok_fallback_definition():
    # trap: app.fast has no `tokenize`, so the except branch defines it: unknown.
    async for x in tokenize("a"):
        print(x)


async def bad_unconditional_import():
    return await only_slow("a")  # error: AGN200
