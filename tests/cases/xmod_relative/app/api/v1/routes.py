"""Three dots: `from ...services.llm import ...` from app/api/v1/routes.py is app.services.llm."""
from ... import services
from ...services.llm import complete, stream
from .. import helpers
from ..helpers import chunked
from ..llm import complete as api_complete


async def bad_three_dots_await():
    return await stream("a b")  # error: AGN200


async def bad_three_dots_async_for():
    async for x in complete("a b"):  # error: AGN201
        print(x)


async def bad_two_dots_await():
    return await chunked("ab")  # error: AGN200


async def bad_two_dots_module():
    async for x in helpers.load("k"):  # error: AGN201
        print(x)


async def bad_two_dots_namesake():
    return await api_complete("a b")  # error: AGN200


async def ok_correct_uses():
    async for x in stream("a b"):
        print(x)
    print(await complete("a b"))
    async for x in api_complete("a b"):
        print(x)
    # `services` is the package app.services: importable, no callee of interest.
    print(services.__name__)
