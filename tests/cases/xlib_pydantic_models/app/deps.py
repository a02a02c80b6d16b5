# OPTIONS: --agn-python env
"""pydantic models as dependency containers (``class Deps(BaseModel): repo: Repo``): each field
holds a value of its declared type (pydantic validates it), and the model's own methods are its
own, although ``BaseModel`` has a metaclass, ``__init_subclass__`` and writes ``__dict__``."""
from pydantic import BaseModel, ConfigDict

from app.services import Mailer, Repo


class Deps(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)
    repo: Repo
    mailer: Mailer

    async def refresh(self):
        return True


async def misuses(deps: Deps):
    async for row in deps.repo.rows():  # error: AGN201
        print(row)
    await deps.repo.stream()  # error: AGN200
    async for done in deps.refresh():  # error: AGN201
        print(done)


async def correct(deps: Deps):
    print(await deps.repo.rows())
    async for item in deps.repo.stream():
        print(item)
    print(await deps.mailer.send("a"), await deps.refresh(), deps.model_dump())
