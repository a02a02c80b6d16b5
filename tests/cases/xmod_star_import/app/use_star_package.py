"""Names re-exported by `app/api/__init__.py` through a star import are unknown."""
from app.api import explicit_push, pull


async def ok_name_from_star_reexport():
    # trap: `pull` reaches app.api only through `from .impl import *`: unknown.
    async for i in pull(2):
        print(i)


async def bad_explicit_reexport_next_to_star():
    async for i in explicit_push(2):  # error: AGN201
        print(i)
