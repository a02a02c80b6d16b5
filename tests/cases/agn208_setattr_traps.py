"""AGN208 traps: a function that installs special methods on the classes it is given.

`setattr(cls, name, ...)` with a computed name on a parameter may give any class of this module
any special method, so AGN208 stays silent on every class of the module (here also because the
decorator is unknown).
"""
from typing import Any


def async_resource(cls: Any) -> Any:
    """A project decorator that adds `__aenter__`/`__aexit__` from `open`/`close`."""

    async def enter(self: Any) -> Any:
        await self.open()
        return self

    async def leave(self: Any, *exc_info: Any) -> None:
        await self.close()

    for name, method in (("__aenter__", enter), ("__aexit__", leave)):
        setattr(cls, name, method)
    return cls


@async_resource
class Connection:
    async def open(self) -> None:
        return None

    async def close(self) -> None:
        return None


async def ok_unknown_decorator() -> None:
    # `@async_resource` is not known to the linter (nor listed as transparent): it may add
    # methods, and does.
    async with Connection():
        pass
