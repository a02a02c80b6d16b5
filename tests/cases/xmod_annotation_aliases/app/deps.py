"""Aliases of annotations, FastAPI's style (``SessionDep = Annotated[Session, Depends(...)]``)."""
from typing import Annotated, Optional, Union

from app.repo import Cache, Repo, Source


def get_repo() -> Repo:
    return Repo()


RepoDep = Annotated[Repo, "get_repo"]
MaybeRepo = Optional[Repo]
RepoOrNone = Union[Repo, None]
NewStyle = Repo | None
# Traps: two classes, a Protocol (implemented anywhere).
RepoOrCache = Union[Repo, Cache]
AnySource = Annotated[Source, "get_source"]
