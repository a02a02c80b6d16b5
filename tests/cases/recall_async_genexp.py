"""Issue 9, shape 1: async generator expressions are async generators.

A generator expression whose element or conditions contain `await`, or whose clauses contain
`async for`, evaluates to an async generator object (the outermost iterable is evaluated in the
enclosing scope and does not count). Every sync consumer of it fails:
`TypeError: 'async_generator' object is not iterable` (and friends); `await` on it fails with
`object async_generator can't be used in 'await' expression`.

Each `scenario_*` is run by verify_runtime.py: an annotated one must raise exactly that error on
its annotated line, an unannotated one must run cleanly.
"""
import asyncio
import collections
import itertools
from contextlib import aclosing
from dataclasses import dataclass
from typing import AsyncIterator, Dict, List


@dataclass
class Blob:
    key: str
    nbytes: int

    async def size(self) -> int:
        await asyncio.sleep(0)
        return self.nbytes

    async def exists(self) -> bool:
        return self.nbytes >= 0


class Folder:
    def __init__(self, children: List[Blob]) -> None:
        self.children = children

    async def size(self) -> int:
        total = 0
        for kid in self.children:
            total += await kid.size()
        return total


class ObjectStore:
    """An S3-like client; `list_objects` streams pages of keys."""

    def __init__(self) -> None:
        self.blobs = {f"k{i}": Blob(f"k{i}", i * 10) for i in range(4)}

    async def list_objects(self, prefix: str = "") -> AsyncIterator[Blob]:
        for key, blob in self.blobs.items():
            if key.startswith(prefix):
                yield blob

    async def all_keys(self) -> List[str]:
        return list(self.blobs)

    async def head(self, key: str) -> int:
        return self.blobs[key].nbytes


class KeyList(list):
    """A project class that subclasses list: its constructor iterates synchronously."""


class TagSet(set):
    pass


class Headers(dict):
    pass


class AsyncBuffer:
    """Not a list: its `extend` is a coroutine that consumes an async iterable."""

    def __init__(self) -> None:
        self.items: List[str] = []

    async def extend(self, items) -> None:
        async for item in items:
            self.items.append(item)


class Inventory:
    def __init__(self, store: ObjectStore) -> None:
        self.store = store
        self.keys = []
        self.tags = set()

    async def refresh(self) -> None:
        # The receiver is a list built in __init__: list.extend iterates synchronously.
        self.keys.extend(b.key async for b in self.store.list_objects())  # error: AGN203


store = ObjectStore()
folder = Folder(list(store.blobs.values()))


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def scenario_sum_of_awaited_sizes():
    kids = list(store.blobs.values())
    return sum(await kid.size() for kid in kids)  # error: AGN203


async def scenario_any_awaited_check():
    blobs = list(store.blobs.values())
    return any(await b.exists() for b in blobs)  # error: AGN203


async def scenario_all_awaited_check():
    return all(await b.exists() for b in store.blobs.values())  # error: AGN203


async def scenario_max_awaited_head():
    keys = await store.all_keys()
    return max(await store.head(k) for k in keys)  # error: AGN203


async def scenario_list_of_async_for():
    return list(b.key async for b in store.list_objects())  # error: AGN203


async def scenario_set_of_async_for():
    return set(b.key async for b in store.list_objects("k"))  # error: AGN203


async def scenario_tuple_sorted():
    return sorted(b.nbytes async for b in store.list_objects())  # error: AGN203


async def scenario_dict_from_pairs():
    return dict((b.key, b.nbytes) async for b in store.list_objects())  # error: AGN203


async def scenario_str_join():
    return ",".join(b.key async for b in store.list_objects())  # error: AGN203


async def scenario_join_awaited():
    keys = await store.all_keys()
    return " ".join(str(await store.head(k)) for k in keys)  # error: AGN203


async def scenario_local_list_extend():
    found: List[str] = []
    found.extend(b.key async for b in store.list_objects())  # error: AGN203
    return found


async def scenario_stdlib_container_methods():
    # Methods of the standard library's containers iterate their argument too.
    window: "collections.deque[str]" = collections.deque(maxlen=10)
    window.extend(b.key async for b in store.list_objects())  # error: AGN203
    window.extendleft(b.key async for b in store.list_objects())  # error: AGN203
    counts: "collections.Counter[str]" = collections.Counter()
    counts.update(b.key async for b in store.list_objects())  # error: AGN203
    # Traps: filled from an async comprehension; `append` takes the object itself.
    window.extend([b.key async for b in store.list_objects()])
    pending = collections.deque()
    pending.append(b.key async for b in store.list_objects())
    return window, counts, pending


async def scenario_set_update():
    seen = set()
    seen.update(b.key async for b in store.list_objects())  # error: AGN203
    return seen


async def scenario_deque():
    return collections.deque(b.key async for b in store.list_objects())  # error: AGN203


async def scenario_next_on_async_genexp():
    keys = await store.all_keys()
    return next(k for k in keys if await store.head(k))  # error: AGN203


async def scenario_for_over_async_genexp():
    for key in (b.key async for b in store.list_objects()):  # error: AGN203
        print(key)


async def scenario_sync_comprehension_over_async_genexp():
    pending = (await store.head(k) for k in await store.all_keys())
    return [size for size in pending]  # error: AGN203


async def scenario_star_into_gather():
    keys = await store.all_keys()
    return await asyncio.gather(*(await store.head(k) for k in keys))  # error: AGN203


async def scenario_await_async_genexp():
    return await (b.key async for b in store.list_objects())  # error: AGN200


async def scenario_project_list_subclass():
    return KeyList(b.key async for b in store.list_objects())  # error: AGN203


async def scenario_project_set_subclass():
    return TagSet(b.key async for b in store.list_objects())  # error: AGN203


async def scenario_project_dict_subclass():
    return Headers((b.key, "1") async for b in store.list_objects())  # error: AGN203


async def scenario_instance_list_attribute():
    await Inventory(store).refresh()


async def scenario_itertools_chain():
    return list(itertools.chain(b.key async for b in store.list_objects()))  # error: AGN203


async def scenario_enumerate():
    return dict(enumerate(b.key async for b in store.list_objects()))  # error: AGN203


# ---------------------------------------------------------------------------
# Traps: all of these run cleanly
# ---------------------------------------------------------------------------


async def scenario_ok_async_list_comprehension():
    # An async list comprehension builds a list: sum() iterates a list.
    return sum([await kid.size() for kid in folder.children])


async def scenario_ok_async_set_comprehension():
    # A set comprehension with `async for` is a set, not an async generator.
    return sorted({b.key async for b in store.list_objects()})


async def scenario_ok_gather_of_coroutines():
    # No `await` inside: a plain generator of coroutine objects, which gather awaits.
    return sum(await asyncio.gather(*(kid.size() for kid in folder.children)))


async def scenario_ok_outermost_iterable_awaited():
    # Only the outermost iterable contains `await`: it is evaluated in this coroutine, so the
    # generator expression is a plain generator.
    return sum(len(k) for k in await store.all_keys())


async def scenario_ok_async_for_over_async_genexp():
    # An async generator expression consumed with `async for`.
    keys = []
    async for key in (b.key async for b in store.list_objects()):
        keys.append(key)
    return keys


async def scenario_ok_anext():
    # anext() takes an async iterator.
    return await anext(b.key async for b in store.list_objects())


async def scenario_ok_aclosing():
    async with aclosing(b.key async for b in store.list_objects()) as keys:
        return [k async for k in keys]


async def scenario_ok_project_async_extend():
    # The receiver is a project class whose `extend` is a coroutine taking an async iterable.
    buffer = AsyncBuffer()
    await buffer.extend(b.key async for b in store.list_objects())
    return buffer.items


async def scenario_ok_local_async_sum():
    # `sum` is rebound locally to a coroutine function that consumes an async iterable.
    async def sum(values):
        total = 0
        async for value in values:
            total += value
        return total

    return await sum(b.nbytes async for b in store.list_objects())


async def scenario_ok_sync_genexp_of_sync_values():
    return ",".join(b.key for b in store.blobs.values())


async def scenario_ok_await_outside_genexp():
    # `await` only appears outside the generator expression.
    sizes = [await b.size() for b in folder.children]
    return max(s for s in sizes)


async def scenario_ok_asend_on_async_genexp():
    # Async generator methods exist on async generator expressions too.
    gen = (b.key async for b in store.list_objects())
    first = await gen.asend(None)
    await gen.aclose()
    return first


async def scenario_ok_async_dict_comprehension():
    return {b.key: await b.size() async for b in store.list_objects()}


async def scenario_ok_gather_star_list():
    # A list comprehension of coroutines unpacked into gather.
    return await asyncio.gather(*[store.head(k) for k in await store.all_keys()])


async def scenario_ok_extend_with_async_list():
    found: List[str] = []
    found.extend([b.key async for b in store.list_objects()])
    return found


async def scenario_ok_counter_of_list():
    return collections.Counter([b.nbytes > 0 async for b in store.list_objects()])


def sizes_by_key(sizes: Dict[str, int]) -> List[str]:
    # A sync function: its generator expressions cannot contain `await` / `async for`.
    return sorted(k for k, v in sizes.items() if v)


async def scenario_ok_sync_helper():
    return sizes_by_key({b.key: b.nbytes async for b in store.list_objects()})


async def _numbers(limit):
    for number in range(limit):
        yield number


async def scenario_ok_generator_of_async_generators():
    # The outer generator expression only creates the inner async generators (a nested
    # generator expression is not run by the outer one): it is a plain generator, and a
    # comprehension may iterate it; each inner one is consumed with `async for`.
    streams = ((n async for n in _numbers(limit)) for limit in [2, 3])
    return [[n async for n in stream] for stream in streams]
