"""AGN210 on an async context manager object: the attribute belongs to what entering gives.
A name another project module writes on some object may be patched onto the class (trap)."""

import extensions  # noqa: F401  (patches Pool)
from pool import Pool


async def main() -> None:
    Pool().execute("select 1")  # error: AGN210
    print(Pool().size())
    print(Pool().describe())  # patched by `extensions`: not judged
    async with Pool() as connection:
        print(connection.execute("select 1"))
