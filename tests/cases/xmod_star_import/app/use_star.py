"""`from app.lib import *`: names it may bind are unknown."""
from app.gen import stream  # noqa: F401 (rebound by the star import below)


async def complete(prompt):
    """Local async generator named like lib.complete; the star import below rebinds it."""
    yield prompt


from app.lib import *  # noqa: E402,F401,F403,F811

# Imported after the star import: the last binding; app.lib does not define it.
from app.gen import agen_only  # noqa: E402


async def ok_star_rebinds_explicit_import():
    # trap: `stream` came from app.gen (async generator), then the star import rebound
    # it to app.lib.stream (a coroutine). Correct.
    print(await stream("a b"))


async def ok_star_rebinds_local_definition():
    # trap: `complete` was defined above as an async generator, then rebound by the star
    # import to app.lib.complete (a coroutine). Correct.
    print(await complete("a b"))


async def ok_star_imported_instance():
    # trap: `service` only comes from the star import: unknown (used correctly anyway).
    async for ch in service.stream_tokens("ab"):
        print(ch)


async def bad_explicit_import_after_star():
    return await agen_only(2)  # error: AGN200
