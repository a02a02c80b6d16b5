# OPTIONS: --agn-python env
"""Generic managers of an installed package (`fakeweb` in env/, shaped like aiohttp).

`Session.get()` is annotated `-> "_RequestManager"`, a module-level alias of
`_BaseRequest[Response]`; `_BaseRequest(Coroutine[Any, Any, _T], Generic[_T])` declares
`__await__ -> Generator[Any, None, _T]` and `async def __aenter__(self) -> _T` (bodies the
linter cannot follow). What awaiting or entering the manager gives is the alias's type argument
put in place of `_T`: a `Response`, which is not async-iterable and whose `content` is async-
iterable only. The manager itself has no `json()` or `status` (AGN210).

Traps: an `__aenter__ -> _T` inherited from a generic base (not substituted), the second of two
type parameters, an `Any` or unknown (`TYPE_CHECKING`-imported) type argument, a manager with
`__getattr__`, an attribute the manager's `__init__` stores, `Coroutine.close()`.
"""

import logging
from typing import Any, Dict, Optional

from fakeweb import Session

log = logging.getLogger(__name__)

API = "https://api.example.com"


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def bug_iterate_entered_response(session: Session) -> None:
    async with session.get(f"{API}/events") as response:
        async for line in response:  # error: AGN208
            log.info("event %s", line)


async def bug_iterate_awaited_response(session: Session) -> None:
    response = await session.get(f"{API}/events")
    async for line in response:  # error: AGN208
        log.info("event %s", line)


async def bug_sync_iteration_of_body(session: Session) -> int:
    count = 0
    async with session.get(f"{API}/export.ndjson") as response:
        for line in response.content:  # error: AGN208
            count += bool(line.strip())
    return count


async def bug_await_chunk_iterator(session: Session) -> bytes:
    async with session.get(f"{API}/download") as response:
        chunk = await response.content.iter_chunked(4)  # error: AGN208
    return chunk


async def bug_json_of_unawaited_request(session: Session) -> Dict[str, Any]:
    response = session.get(f"{API}/user")
    return await response.json()  # error: AGN210


async def bug_status_of_unawaited_request(session: Session) -> bool:
    return session.get(f"{API}/health").status == 200  # error: AGN210


async def bug_iterate_upload_response(session: Session) -> None:
    # `_Upload = _Transfer[StreamReader, Response]` and `__aenter__ -> _RespT`: the second
    # argument, a Response (the first, a StreamReader, would be async-iterable).
    async with session.get(f"{API}/export.ndjson") as source:
        async with session.upload(f"{API}/mirror", source.content) as response:
            async for line in response:  # error: AGN208
                log.info("mirrored %s", line)


# ---------------------------------------------------------------------------
# Traps: the correct versions, and what is not known
# ---------------------------------------------------------------------------


async def ok_stream_lines(session: Session) -> int:
    # `content` (a StreamReader) is async-iterable.
    count = 0
    async with session.get(f"{API}/export.ndjson") as response:
        async for line in response.content:
            count += bool(line.strip())
    return count


async def ok_awaited_json(session: Session) -> Dict[str, Any]:
    response = await session.get(f"{API}/user")
    response.raise_for_status()
    return await response.json()


async def ok_chunks(session: Session) -> bytes:
    body = bytearray()
    async with session.get(f"{API}/download") as response:
        async for chunk in response.content.iter_chunked(4):
            body += chunk
    return bytes(body)


async def ok_maybe_fetch(session: Session, enabled: bool) -> Optional[Dict[str, Any]]:
    request = session.get(f"{API}/flags")
    if not enabled:
        # `close()` is Coroutine's: the request is dropped without "never awaited".
        request.close()
        return None
    # The manager kept in a variable, then awaited.
    response = await request
    return await response.json()


def ok_close_unsent(session: Session) -> None:
    # Coroutine's `close()` on the call itself.
    session.get(f"{API}/warmup").close()


async def ok_mirror(session: Session) -> int:
    async with session.get(f"{API}/export.ndjson") as source:
        transfer = session.upload(f"{API}/mirror", source.content)
        # `body` is stored on the manager by `_Transfer.__init__`.
        log.info("mirroring %r", transfer.body)
        async with transfer as response:
            return response.status


async def ok_websocket(session: Session) -> int:
    # `_WSConnect = _WSManager[WSMessage, WebSocketConnection]`, and `_WSManager` inherits
    # `__aenter__ -> _T` from `_BaseManager[_ConnT]`: that `_T` is the connection, not
    # `_WSManager`'s own `_T` (WSMessage, not async-iterable). Inherited: not substituted.
    count = 0
    async with session.ws_connect(f"{API}/ws") as ws:
        async for msg in ws:
            count += msg.json()["type"] in ("hello", "bye")
    return count


async def ok_fetch_json_any(session: Session) -> int:
    # `_JSONRequest = _BaseRequest[Any]`: entering gives whatever JSON came (a dict here).
    async with session.fetch_json(f"{API}/items") as payload:
        for key in payload:
            log.info("%s=%r", key, payload[key])
        return len(payload)


async def ok_head_unknown_argument(session: Session) -> int:
    # `_HeadRequest = _BaseRequest["CIMultiDictProxy[str]"]`, imported from multidict under
    # TYPE_CHECKING: multidict is not in env/, so the argument is unknown.
    count = 0
    async with session.head(f"{API}/download") as headers:
        for name in headers:
            count += bool(headers[name])
    return count


async def ok_prepared_getattr(session: Session) -> int:
    # `_Prepared` forwards unknown attributes to its RequestInfo through `__getattr__`.
    request = session.prepare("DELETE", f"{API}/items/1")
    log.info("sending %s %s", request.method, request.url)
    response = await request
    return response.status
