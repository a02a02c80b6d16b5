"""A metaclass that rewrites a class's methods does not hide what `__init__` stores on
instances, when it defines no `__call__` (calling the class then creates the instance and runs
`__init__` as usual): discord.py's `commands.Cog` (metaclass `CogMeta`) with
`self.session = aiohttp.ClientSession()` in a cog's `__init__`. Its methods stay unknown (the
metaclass may wrap them), also through a base class carrying the metaclass.
"""
from typing import Any, Dict


class Session:
    async def get_json(self, url: str) -> dict:
        return {"url": url}

    async def lines(self, url: str):
        yield url


class CommandMeta(type):
    """Collects the commands of a class, and wraps them."""

    def __new__(mcs, name: str, bases: tuple, namespace: Dict[str, Any]) -> "CommandMeta":
        for key, value in list(namespace.items()):
            if callable(value) and key.startswith("cmd_"):
                namespace[key] = value  # a framework would wrap it here
        return super().__new__(mcs, name, bases, namespace)


class Cog(metaclass=CommandMeta):
    pass


class Stats(Cog):
    def __init__(self) -> None:
        self.session = Session()

    async def cmd_covid(self, country: str) -> int:
        data = self.session.get_json(country)["cases"]  # error: AGN210
        async for line in self.session.get_json(country):  # error: AGN201
            print(line)
        return data

    async def cmd_ok(self, country: str) -> int:
        data = (await self.session.get_json(country))["cases"]
        async for line in self.session.lines(country):
            print(line)
        # `self.helper()` stays unknown: the metaclass may have wrapped it.
        async for item in self.helper():
            print(item)
        return data

    async def helper(self) -> list:
        return []


class Direct(metaclass=CommandMeta):
    def __init__(self) -> None:
        self.session = Session()

    async def run(self) -> None:
        await self.session.lines("x")  # error: AGN200


# Trap: a metaclass defining `__call__` decides what calling the class gives (a cached
# instance, a proxy): what `__init__` stores may not be on the object at all.
class Singleton(type):
    _instances: Dict[type, Any] = {}

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Pool(metaclass=Singleton):
    def __init__(self) -> None:
        self.session = Session()

    async def run(self) -> None:
        await self.session.lines("x")


class ProxyMeta(CommandMeta):
    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return object()


class Remote(metaclass=ProxyMeta):
    def __init__(self) -> None:
        self.session = Session()

    async def run(self) -> None:
        await self.session.lines("x")


# Trap: a metaclass the plugin cannot read may define `__call__`.
from framework_meta import FrameworkMeta  # not installed  # noqa: E402


class Plugin(metaclass=FrameworkMeta):
    def __init__(self) -> None:
        self.session = Session()

    async def run(self) -> None:
        await self.session.lines("x")
