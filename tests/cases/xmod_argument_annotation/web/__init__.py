"""A small web framework shaped like starlette: `web.responses` defines its content alias
itself (as `starlette/responses.py` does), `web.files` imports its alias from `web.types`."""
from web.background import BackgroundTask
from web.responses import StreamingResponse

__all__ = ["BackgroundTask", "StreamingResponse"]
