from lib.registry import _AS, AsyncSession, SessionMaker

make_session = SessionMaker(AsyncSession)


async def save(session: _AS) -> None:
    session.commit()  # error: AGN211


async def save_from_maker() -> None:
    session = make_session()
    session.commit()  # error: AGN211
    await session.commit()


make_chosen = SessionMaker(factory=AsyncSession)


async def save_from_chosen_maker() -> None:
    # Not followed: the keyword argument chose the class (as SQLAlchemy's
    # `sessionmaker(engine, class_=AsyncSession)`, whose bound is the sync `Session`), and
    # arguments are not modelled; the bound is not taken instead.
    session = make_chosen()
    await session.commit()

