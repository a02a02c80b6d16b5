"""Issue 9, shape 2: parameters annotated with an alias of ``Annotated`` / ``Optional`` /
``Union[X, None]`` / ``X | None``, defined in another module."""
from app.deps import AnySource, MaybeRepo, NewStyle, RepoDep, RepoOrCache, RepoOrNone


async def list_rows(repo: RepoDep):
    async for row in repo.rows():  # error: AGN201
        print(row)


async def maybe(repo: MaybeRepo):
    return await repo.stream()  # error: AGN200


async def union_none(repo: RepoOrNone):
    async for row in repo.rows():  # error: AGN201
        print(row)


async def new_style(repo: NewStyle):
    async for row in repo.rows():  # error: AGN201
        print(row)


async def correct(repo: RepoDep):
    print(await repo.rows())
    async for item in repo.stream():
        print(item)


async def either(store: RepoOrCache):
    async for row in store.rows():  # one of the two classes supports it: unknown
        print(row)


async def protocol(source: AnySource):
    async for row in source.rows():  # any implementation: unknown
        print(row)
