from lib.registry import _AS, AsyncSession, SessionMaker

make_session = SessionMaker(AsyncSession)


async def save(session: _AS) -> None:
    session.commit()  # error: AGN211


async def save_from_maker() -> None:
    # Not followed: what `SessionMaker.__call__ -> _AS` gives is the class the constructor's
    # argument chose (here `AsyncSession`), and arguments are not modelled; the type variable's
    # bound is not taken instead (SQLAlchemy's `sessionmaker` is bound to `Session` and given
    # `class_=AsyncSession`; see xlib_generic_managers/app/sessions.py).
    session = make_session()
    session.commit()
    await session.commit()
