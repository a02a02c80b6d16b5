# OPTIONS: --agn-python env
"""Traps: a generic factory's result is the type its constructor's arguments chose.

`sessionmaker(engine, class_=AsyncSession)` makes `AsyncSession`s although the type
variable's bound names the sync session (SQLAlchemy's own typing says so under a
`type: ignore`); the call's arguments are not modelled, so neither the bound nor the
default is taken for the result, and `async with SessionLocal()` is not judged.
"""

from fakeweb.sessions import AsyncSession, sessionmaker

SessionLocal = sessionmaker("sqlite+aiosqlite://", expire_on_commit=False, class_=AsyncSession)


async def get_session():
    async with SessionLocal() as session:
        yield session


async def count_rows() -> int:
    async with SessionLocal() as session:
        return len(await session.execute("select 1"))
