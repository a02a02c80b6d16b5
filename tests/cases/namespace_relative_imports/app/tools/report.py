"""`app/tools/` has no `__init__.py` and this module imports nothing relatively: it is a
script run from its own folder (`PYTHONPATH=. python app/tools/report.py`), not
`app.tools.report`. So `formatting` is its sibling app/tools/formatting.py, and the
absolute `app.services` is found from the project folder."""
import asyncio

from app.services import Service, ping
from formatting import render, render_lines


# Trap: correct uses of the absolutely imported service and of the sibling module.
async def main() -> None:
    service = Service()
    print(render(await service.fetch("k")), await ping())
    async for line in render_lines(service.updates("k")):
        print(line)
    print(render(service.names()))


# The sibling is found where Python finds it, so its misuse is seen.
async def broken() -> None:
    await render_lines(Service().updates("k"))  # error: AGN200


if __name__ == "__main__":
    asyncio.run(main())
