# OPTIONS: --agn-python env
"""aiofiles is not installed in this environment (a pre-commit hook's own environment): the
stub bundled with flake8-asyncgen still says what its objects do, as a type checker's bundled
typeshed stubs do."""
import aiofiles


async def export(path: str, rows: list) -> None:
    with aiofiles.open(path, "w") as f:  # error: AGN208
        for row in rows:
            await f.write(row)


async def export_right(path: str, rows: list) -> None:
    async with aiofiles.open(path, "w") as f:
        for row in rows:
            await f.write(row)
