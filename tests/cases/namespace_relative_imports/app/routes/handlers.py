"""`app/routes/` has no `__init__.py`, but `app/` has one: Python makes `app.routes` a
namespace package inside `app`, this module is `app.routes.handlers`, `..services` is
`app.services` and `.common` is `app/routes/common.py`."""
from .. import services
from ..services import Service, ping
from .common import paginate


async def list_items(key: str) -> None:
    async for item in Service().fetch(key):  # error: AGN201
        print(item)


async def watch(key: str) -> str:
    return await Service().updates(key)  # error: AGN200


async def names() -> list:
    return await Service().names()  # error: AGN208


async def health() -> None:
    services.ping()  # error: AGN211


def first_page(items: list) -> list:
    return [item for item in paginate(items)]  # error: AGN203


# The correct versions.
async def list_items_correctly(key: str) -> None:
    for item in await Service().fetch(key):
        print(item)
    async for update in Service().updates(key):
        print(update)
    print(Service().names(), await ping(), await services.ping())
    async for item in paginate([1, 2]):
        print(item)
