# OPTIONS: --agn-python env
"""Traps: a generic factory's result is the type its constructor's arguments chose.

`sessionmaker(engine, class_=AsyncSession)` makes `AsyncSession`s although the type
variable's bound names the sync session (SQLAlchemy's own typing says so under a
`type: ignore`); the call's arguments are not modelled, so when a keyword argument gives
the parameter typed with the type variable, neither the bound nor the default is taken for
the result, and `async with SessionLocal()` is not judged.  Made without that argument, the
result is the bound.
"""

from fakeweb.sessions import AsyncSession, sessionmaker

SessionLocal = sessionmaker("sqlite+aiosqlite://", expire_on_commit=False, class_=AsyncSession)


async def get_session():
    async with SessionLocal() as session:
        yield session


async def count_rows() -> int:
    async with SessionLocal() as session:
        return len(await session.execute("select 1"))


async def count_with_default_maker() -> int:
    # Made without `class_`: the sessions are the default, sync ones (the bound).
    maker = sessionmaker("sqlite://")
    async with maker() as session:  # error: AGN208
        return len(session.execute("select 1"))
