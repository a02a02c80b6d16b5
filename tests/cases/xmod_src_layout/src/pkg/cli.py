"""Absolute imports of the `pkg` package living under src/."""
import asyncio

import pkg.core.engine as eng
from pkg import run_stream
from pkg.core.engine import engine, locked, run_once

from .core import engine as engine_module


async def bad_reexported_from_package_init():
    return await run_stream("a b")  # error: AGN200


async def bad_absolute_import_coroutine():
    async for x in run_once("a"):  # error: AGN201
        print(x)


def bad_absolute_import_instance_run():
    asyncio.run(engine.events("a"))  # error: AGN202


async def bad_import_as_context_manager():
    return await eng.locked("a")  # error: AGN206


async def bad_relative_module_import():
    engine_module.run_stream("a b")  # error: AGN207


async def ok_correct_uses():
    async for x in run_stream("a b"):
        print(x)
    print(await run_once("a"))
    async with locked("a") as job:
        print(job)
    print(await engine.start("a"))
    async for e in eng.engine.events("a"):
        print(e)
