"""Containers of project objects: what a loop, a subscript or ``.get()`` takes out of them.

* Declared: ``list[Repo]``, ``List[Repo]``, ``Sequence[Repo]``, ``set[Repo]``, ``dict[str,
  Repo]`` (its values), also ``Optional[...]`` of them, on parameters, annotated variables and
  class-body fields: their elements are objects of the class or of a subclass, judged as an
  annotated object is.
* Displays: ``(Primary(), Primary())``, ``[Client(), Client()]``, ``{"a": Client()}`` hold
  objects of the class their items agree on, unless the module changes the container in
  place (``.append(...)``, ``[key] = ...``, ``+=``).
* Taken out by ``for x in c``, ``for k, v in c.items()``, ``for v in c.values()``,
  ``for i, x in enumerate(c)``, ``sorted(c)`` / ``reversed(c)``, ``c[key]``, ``c.get(key)``,
  ``c.pop()``.
"""
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence, Tuple


class Repo:
    async def rows(self) -> list:
        return []

    async def stream(self):
        yield 1


class Replica(Repo):
    pass


async def by_parameter(repos: list[Repo], legacy: List[Repo], maybe: Optional[Sequence[Repo]]) -> None:
    for repo in repos:
        async for row in repo.rows():  # error: AGN201
            print(row)
    for index, old in enumerate(legacy):
        await old.stream()  # error: AGN200
    for last in reversed(maybe or []):
        print(last)
    for ordered in sorted(legacy, key=id):
        await ordered.stream()  # error: AGN200
    await repos[0].stream()  # error: AGN200


async def by_mapping(by_name: dict[str, Repo], shards: Mapping[str, Repo], name: str) -> None:
    for key, repo in by_name.items():
        async for row in repo.rows():  # error: AGN201
            print(key, row)
    for shard in shards.values():
        await shard.stream()  # error: AGN200
    async for row in by_name[name].rows():  # error: AGN201
        print(row)
    chosen = shards.get(name)
    await chosen.stream()  # error: AGN200


class Cluster:
    def __init__(self) -> None:
        self.replicas = [Replica(), Replica()]
        self.primary = (Repo(), Replica())
        self.by_region = {"eu": Replica(), "us": Replica()}
        self.pending: List[Repo] = []

    async def refresh(self) -> None:
        for replica in self.replicas:
            await replica.stream()  # error: AGN200
        for member in self.primary:
            async for row in member.rows():  # error: AGN201
                print(row)
        await self.by_region["eu"].stream()  # error: AGN200
        queued = self.pending.pop()
        await queued.stream()  # error: AGN200


@dataclass
class Registry:
    repos: Dict[str, Repo] = field(default_factory=dict)

    async def each(self) -> None:
        for repo in self.repos.values():
            async for row in repo.rows():  # error: AGN201
                print(row)


# The correct versions.
async def correctly(repos: list[Repo], by_name: dict[str, Repo]) -> None:
    for repo in repos:
        for row in await repo.rows():
            print(row)
        async for item in repo.stream():
            print(item)
    for key, value in by_name.items():
        print(key, await value.rows())


# Trap: a mapping's keys are not its values.
class Tag:
    async def label(self):
        yield "tag"


async def keys_of(counts: Dict[Tag, Repo]) -> None:
    for tag in counts:
        async for text in tag.label():
            print(text)
    for first, second in counts.items():
        async for text in first.label():
            print(text, second)


# Trap: a tuple annotation lists its items' classes one by one, and a pair's first item is
# not its second.
async def pairs(pair: Tuple[Tag, Repo], ranked: list[Repo]) -> None:
    for part in pair:
        print(part)
    for position, repo in enumerate(ranked):
        print(position)
    for index, tagged in ranked:
        async for text in tagged.label():
            print(index, text)


# Trap: a display the module changes in place may hold other classes.
class Plugin:
    async def run(self) -> None:
        pass


class StreamingPlugin:
    async def run(self):
        yield 1


async def plugins(streaming: bool) -> None:
    loaded = [Plugin()]
    if streaming:
        loaded.append(StreamingPlugin())
    for plugin in loaded:
        if isinstance(plugin, StreamingPlugin):
            async for part in plugin.run():
                print(part)
        else:
            await plugin.run()


class Host:
    def __init__(self) -> None:
        self.plugins = {"base": Plugin()}

    def load(self, name: str) -> None:
        self.plugins[name] = StreamingPlugin()

    async def start(self, name: str) -> None:
        async for part in self.plugins[name].run():
            print(part)


# Trap: items of unrelated classes agree on nothing.
async def mixed() -> None:
    for plugin in (Plugin(), StreamingPlugin()):
        async for part in plugin.run():
            print(part)


# Trap: a slice is a new sequence, not an element; a loop variable rebound in the body is
# another object.
async def slices(repos: list[Repo], wrap) -> None:
    for repo in repos[1:]:
        print(repo)
    head = repos[:1]
    print(head)
    for repo2 in repos:
        repo2 = wrap(repo2)
        async for row in repo2.rows():
            print(row)


# Trap: a subclass in the project overrides the method with another kind.
class Source:
    async def read(self) -> list:
        return []


class LiveSource(Source):
    async def read(self):
        yield 1


async def sources(all_sources: list[Source]) -> None:
    for source in all_sources:
        async for item in source.read():
            print(item)


# Comprehension variables take their iterable's elements too (also through an earlier
# variable of the same comprehension, and from an enclosing comprehension).
class Shelf:
    def __init__(self) -> None:
        self.repos = [Repo(), Repo()]


async def comprehensions(repos: list[Repo], by_name: dict[str, Repo], shelves: list[Shelf]) -> None:
    counts = [len(await repo.stream()) for repo in repos]  # error: AGN200
    streams = {name: await repo.stream() for name, repo in by_name.items()}  # error: AGN200
    nested = [await repo.stream() for shelf in shelves for repo in shelf.repos]  # error: AGN200
    inner = [[await repo.stream() for repo in shelf.repos] for shelf in shelves]  # error: AGN200
    print(counts, streams, nested, inner)


async def comprehensions_correctly(repos: list[Repo], by_name: dict[str, Repo]) -> None:
    counts = [len(await repo.rows()) for repo in repos]
    streams = [[row async for row in repo.stream()] for repo in by_name.values()]
    print(counts, streams)


# Trap: a comprehension variable bound twice, unpacked otherwise, taken from `async for`, or
# named like an outer name is not followed.
async def comprehension_traps(repos: list[Repo], pairs: list, sources) -> None:
    twice = [await repo.rows() for repo in repos for repo in pairs]
    unpacked = [await first.stream() for first, second in pairs]
    awaited = [await item.stream() async for item in sources]
    repo = Tag()
    shadowed = [await repo.rows() for repo in pairs]
    print(twice, unpacked, awaited, shadowed, [text async for text in repo.label()])
