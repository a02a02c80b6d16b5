# app/plugins has no __init__.py. Run as a script from here, `import helpers` means
# app/plugins/helpers.py; imported as part of `app` with the project root on sys.path, it means
# the top-level helpers.py. Two files could be meant: the name is ambiguous, so silence.
import helpers


async def report():
    # trap: helpers.rows is a coroutine in one candidate and an async generator in the other.
    return [row async for row in helpers.rows()]


async def wrong_or_right():
    # trap: the same ambiguity.
    return await helpers.rows()
