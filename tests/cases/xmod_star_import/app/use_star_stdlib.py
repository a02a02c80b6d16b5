"""A star import from outside the project, then a project name used correctly."""
from asyncio import *  # noqa: F401,F403

from app.gen import agen_only  # noqa: E402


async def ok_star_from_stdlib():
    # trap: `sleep` and `gather` come from the star import of asyncio (outside the project).
    await sleep(0)  # noqa: F405
    print(await gather(sleep(0, "x")))  # noqa: F405


async def bad_project_name_imported_after_stdlib_star():
    for i in agen_only(2):  # error: AGN203
        print(i)
