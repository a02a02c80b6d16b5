# app/plugins has no __init__.py: it is a namespace part of `app`, not an import root, so
# `import helpers` means the top-level helpers.py.
import helpers


async def report():
    # trap: helpers.rows (top level) is an async generator.
    return [row async for row in helpers.rows()]


async def wrong():
    return await helpers.rows()  # error: AGN200
