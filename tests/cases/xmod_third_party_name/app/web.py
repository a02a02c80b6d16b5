"""Third-party names that nothing in the project defines, and a package not installed at all."""
import requests
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from app import util


def _work():
    return 42


async def ok_third_party_functions():
    # trap: starlette's run_in_threadpool is a coroutine function (app/util.py has an
    # async generator of the same name; this is not it).
    print(await run_in_threadpool(_work))
    async for x in iterate_in_threadpool(iter([1, 2])):
        print(x)


def ok_package_not_in_project():
    # trap: `requests` is neither in the project nor analysed: `requests.get` is unknown
    # (app/util.py has an async generator `get`; this is not it).
    requests.get("http://example.invalid/")


async def bad_project_namesake():
    return await util.run_in_threadpool(_work)  # error: AGN200


async def bad_project_get():
    async with util.get("x"):  # error: AGN204
        pass
