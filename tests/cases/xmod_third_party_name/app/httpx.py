"""A project submodule that happens to be named like the third-party package `httpx`.

`import httpx` elsewhere in this package is an absolute import: the third-party
package, not this module. Only `from . import httpx` / `from app import httpx` reach it.
"""


class AsyncClient:
    async def get(self, url):
        for part in url.split("/"):
            yield part


async def stream_lines(url):
    yield url
