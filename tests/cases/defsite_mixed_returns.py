"""Issue 10, shape 3: advice for mixed returns (the expected codes; the wording is engine work).

A coroutine that returns an async generator on some paths and a plain value on others (a
`stream: bool` flag) is still AGN101 / AGN100 at the returned generator: its callers must
`await` before `async for`. What changes is the advice: not "make it an async generator" or "a
plain `def`" (that would break the non-streaming path) but "callers must await; consider
splitting the API (`complete()` / `stream()`)", and no unsafe fix is offered (tests/fixes checks
the fix side). The codes and lines below are what the engine must report; `[mixed]` after a code
(ignored by the harness) marks a report whose advice must be the mixed-returns one:
tests/cases_pending/engine_status.py lists those whose message still says "a plain `def`" or
"itself an async generator".

verify_runtime.py checks that every annotated function is a coroutine function for Python, and
the scenarios show the await-then-iterate use working and the direct `async for` failing.
"""
import asyncio
import json
from contextlib import aclosing
from typing import Any, AsyncIterator, Dict, List, Optional, Union


class Completion:
    def __init__(self, text: str) -> None:
        self.text = text


class HttpResponse:
    def __init__(self, body: bytes) -> None:
        self.body = body

    async def aiter_lines(self):
        for line in self.body.split(b"\n"):
            yield line

    async def json(self) -> Any:
        return json.loads(self.body)


async def _post(path: str, body: dict) -> HttpResponse:
    await asyncio.sleep(0)
    return HttpResponse(json.dumps({"path": path, **body}).encode())


class OllamaClient:
    """A local-model client: `generate(stream=True)` returns a stream after the request."""

    async def _stream(self, response: HttpResponse):
        async for line in response.aiter_lines():
            yield json.loads(line)

    async def generate(self, prompt: str, stream: bool = False):
        response = await _post("/api/generate", {"prompt": prompt})
        if stream:
            return self._stream(response)  # error: AGN101 [mixed]
        return await response.json()

    async def chat(self, messages: List[dict], *, stream: bool = False) -> Union[dict, AsyncIterator[dict]]:
        # Trap: the annotation itself declares "await me, then maybe iterate" (a union of a
        # plain result and a stream): a deliberate await-then-iterate API, not reported.
        response = await _post("/api/chat", {"messages": messages})
        if not stream:
            return await response.json()
        return self._stream(response)

    async def pull(self, model: str, stream: bool = False, quiet: bool = False):
        response = await _post("/api/pull", {"model": model})
        if quiet:
            return None
        if stream:
            return self._stream(response)  # error: AGN101 [mixed]
        return Completion(model)


async def iter_sse(response: HttpResponse):
    async for line in response.aiter_lines():
        if line:
            yield line


async def request(method: str, url: str, *, stream: bool = False):
    response = await _post(url, {"method": method})
    if stream:
        return iter_sse(response)  # error: AGN101 [mixed]
    return response


async def complete(prompt: str, stream: bool = False):
    response = await _post("/v1/completions", {"prompt": prompt})

    async def _events():
        async for line in response.aiter_lines():
            yield Completion(line.decode())

    if stream:
        return _events()  # error: AGN100 [mixed]
    return Completion(prompt)


async def run_tool(name: str, args: Dict[str, Any], stream: Optional[bool] = None):
    await asyncio.sleep(0)

    async def progress():
        yield {"tool": name, "status": "running"}
        yield {"tool": name, "status": "done"}

    if stream is None:
        raise ValueError("say whether to stream")
    if stream:
        events = progress()
        return events  # error: AGN100 [mixed]
    return {"tool": name, "status": "done"}


class Queue:
    async def _consume(self, topic: str):
        yield f"{topic}:1"

    async def get(self, topic: str, *, batch: bool = False, follow: bool = False):
        if follow:
            return self._consume(topic)  # error: AGN101 [mixed]
        if batch:
            return [f"{topic}:1", f"{topic}:2"]
        return f"{topic}:1"


class Retriever:
    async def _hits(self, query: str):
        yield {"query": query}

    async def search(self, query: str, *, stream: bool = False):
        if stream:
            return self._hits(query)  # error: AGN101 [mixed]
        return [hit async for hit in self._hits(query)]

    async def maybe_stream(self, query: str, enabled: bool = True):
        if not enabled:
            return None
        return self._hits(query)  # error: AGN101 [mixed]


class Runnable:
    async def _call(self, payload: dict) -> dict:
        await asyncio.sleep(0)
        return payload

    async def _chunks(self, result: dict):
        for key in result:
            yield key

    async def invoke(self, payload: dict, *, stream: bool = False):
        result = await self._call(payload)
        if stream:
            return self._chunks(result)  # error: AGN101 [mixed]
        return result


async def transcribe(audio: bytes, stream: bool = False):
    await asyncio.sleep(0)

    async def _segments():
        for part in audio.split(b" "):
            yield part.decode()

    if stream:
        return _segments()  # error: AGN100 [mixed]
    return audio.decode()


async def scenario_direct_async_for_invoke():
    async for chunk in Runnable().invoke({"a": 1}, stream=True):  # error: AGN201
        print(chunk)


async def scenario_ok_more_await_then_iterate():
    async for hit in await Retriever().search("q", stream=True):
        print(hit)
    print(await Retriever().search("q"))
    async for hit in await Retriever().maybe_stream("q"):
        print(hit)
    async for chunk in await Runnable().invoke({"a": 1}, stream=True):
        print(chunk)
    async for segment in await transcribe(b"a b", stream=True):
        print(segment)


# ---------------------------------------------------------------------------
# Call sites: await-then-iterate is correct, `async for` directly is not
# ---------------------------------------------------------------------------


async def scenario_ok_await_then_iterate():
    client = OllamaClient()
    async for part in await client.generate("hi", stream=True):
        print(part)
    print(await client.generate("hi"))
    async for part in await client.chat([{"role": "user"}], stream=True):
        print(part)
    async for line in await request("GET", "/events", stream=True):
        print(line)
    async for event in await complete("a", stream=True):
        print(event.text)
    async for update in await run_tool("search", {}, stream=True):
        print(update)
    async for message in await Queue().get("orders", follow=True):
        print(message)


async def scenario_direct_async_for_mixed():
    async for part in OllamaClient().generate("hi", stream=True):  # error: AGN201
        print(part)


async def scenario_direct_async_for_module_function():
    async for line in request("GET", "/events", stream=True):  # error: AGN201
        print(line)


async def scenario_direct_async_for_nested():
    async for event in complete("a", stream=True):  # error: AGN201
        print(event)


# ---------------------------------------------------------------------------
# Traps: no definition-site report
# ---------------------------------------------------------------------------


class SDKStream:
    """An async iterable class (not an async generator)."""

    def __init__(self, items: List[str]) -> None:
        self.items = items

    def __aiter__(self) -> AsyncIterator[str]:
        return self._iter()

    async def _iter(self):
        for item in self.items:
            yield item


async def create(prompt: str, stream: bool = False):
    # Returns an instance of an async-iterable class, not an async generator object.
    await asyncio.sleep(0)
    if stream:
        return SDKStream(prompt.split())
    return Completion(prompt)


async def relay(backend, prompt: str, stream: bool = False):
    # `backend` comes from outside: what `stream()` returns is unknown.
    if stream:
        return backend.stream(prompt)
    return await backend.complete(prompt)


def open_stream(prompt: str, stream: bool = True):
    # A plain def may return the generator (or a value): no coroutine involved.
    if stream:
        return iter_sse(HttpResponse(prompt.encode()))
    return None


async def closing_stream(prompt: str, stream: bool = False):
    # Returns a context manager wrapping the generator (stdlib, not followed).
    response = await _post("/x", {"prompt": prompt})
    if stream:
        return aclosing(iter_sse(response))
    return response


async def plain(prompt: str):
    # Every return is a plain value.
    if not prompt:
        return None
    return Completion(prompt)


async def scenario_ok_traps_used_correctly():
    async for token in await create("a b", stream=True):
        print(token)
    async for line in open_stream("a\nb"):
        print(line)
    async with await closing_stream("x", stream=True) as lines:
        async for line in lines:
            print(line)
    print(await plain("x"))


class StreamingResponse:
    """A response object wrapping a body iterator (a project class, not an async generator)."""

    def __init__(self, body) -> None:
        self.body = body


async def endpoint(prompt: str, stream: bool = False):
    # Wraps the generator in a response object: the coroutine returns a StreamingResponse.
    if stream:
        return StreamingResponse(iter_sse(HttpResponse(prompt.encode())))
    return {"text": prompt}


async def scenario_ok_wrapped_in_response():
    response = await endpoint("a", stream=True)
    async for line in response.body:
        print(line)
