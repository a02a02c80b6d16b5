"""A top-level script beside src/ (like noxfile.py): `pkg` is found under src/."""
from pkg.core.engine import Engine, run_once, run_stream


async def bad_top_level_script_await():
    return await run_stream("a b")  # error: AGN200


async def bad_top_level_script_async_for():
    async for x in run_once("a"):  # error: AGN201
        print(x)


def bad_top_level_script_list():
    return list(Engine().events("a"))  # error: AGN203


async def ok_correct_uses():
    async for x in run_stream("a b"):
        print(x)
    print(await run_once("a"))
