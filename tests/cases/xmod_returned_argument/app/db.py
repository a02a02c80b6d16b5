from lib.registry import _AS, AsyncSession, SessionMaker

make_session = SessionMaker(AsyncSession)


async def save(session: _AS) -> None:
    session.commit()  # error: AGN211


async def save_from_maker() -> None:
    session = make_session()
    session.commit()  # error: AGN211
    await session.commit()
