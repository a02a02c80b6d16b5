"""Views built on `web`: the framework's annotations are read from its modules."""
from typing import List

import web.responses
from app import jobs
from app.jobs import render_report, send_email, stream_report
from web import BackgroundTask, StreamingResponse
from web.background import add_task
from web.files import ChunkedResponse
from web.responses import HTMLResponse


def download() -> StreamingResponse:
    # `content: ContentStream`, the alias defined in web/responses.py.
    return StreamingResponse(render_report())  # error: AGN212


def download_module() -> web.responses.StreamingResponse:
    return web.responses.StreamingResponse(jobs.render_report(), status_code=200)  # error: AGN212


def download_html() -> HTMLResponse:
    # A subclass without its own `__init__`: the base's.
    report = render_report()
    return HTMLResponse(content=report)  # error: AGN212


def signup(address: str) -> BackgroundTask:
    return BackgroundTask(send_email(address))  # error: AGN212


def signup_later(tasks: List[BackgroundTask], address: str) -> None:
    add_task(tasks, jobs.send_email(address))  # error: AGN212


# --------------------------------------------------------------------------
# Traps: correct code, no diagnostic expected
# --------------------------------------------------------------------------


def download_stream() -> StreamingResponse:
    # An async generator is an AsyncIterable.
    return StreamingResponse(stream_report())


async def download_awaited() -> StreamingResponse:
    # Awaited: a `str` is an Iterable[str].
    return StreamingResponse(await render_report())


def signup_right(address: str) -> BackgroundTask:
    # The function, then its arguments.
    return BackgroundTask(send_email, address)


def signup_later_right(tasks: List[BackgroundTask], address: str) -> None:
    add_task(tasks, jobs.send_email, address)


def chunked() -> ChunkedResponse:
    # Not checked (a documented limitation): `ChunkStream` is imported into web/files.py from
    # web/types.py, and aliases are only read in the callee's own module.  Wrong at run time.
    return ChunkedResponse(render_report())
