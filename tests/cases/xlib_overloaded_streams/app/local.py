# OPTIONS: --agn-python env
"""`@overload`s chosen by `stream=True` on an ollama-shaped client (`fakellm.AsyncClient`).

`generate` has a `stream: Literal[False] = False` overload giving a `GenerateResponse` and a
`stream: Literal[True] = True` one annotated `-> AsyncIterator[GenerateResponse]` (imported from
`typing` or `collections.abc` by a version branch, as ollama does). Awaiting a `stream=True` call
gives an async iterator: iterating it with `for` / `list(...)` / a comprehension is AGN203,
awaiting it again is AGN200.

Traps: `async for` over the awaited stream, `stream=False` / omitted then attribute use,
`stream` passed positionally (no boolean keyword), overloads told apart by a non-literal
parameter (no boolean keyword), an overload set whose first (streaming) signature needs
`stream` without a default and a call that does not give it by keyword (which applies is not
known), and a plain (not overloaded) coroutine annotated `-> AsyncIterator[...]`, whose awaited
result is not taken for a stream (AGN102 is reported where such a coroutine is defined).
"""

from typing import AsyncIterator, List

from typing_extensions import Literal

from fakellm import AsyncClient

gen = AsyncClient()


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def tokens_sync_for():
    for part in await gen.generate(model="m", prompt="Hi", stream=True):  # error: AGN203
        print(part.response)


async def tokens_listed() -> list:
    return list(await gen.generate(model="m", prompt="Hi", stream=True))  # error: AGN203


async def tokens_comprehension() -> List[str]:
    return [p.response for p in await gen.generate(model="m", stream=True)]  # error: AGN203


async def tokens_bound_first():
    stream = await gen.generate(model="m", prompt="Hi", raw=True, stream=True)
    for part in stream:  # error: AGN203
        print(part.response)


async def tokens_awaited_twice():
    return await (await gen.generate(model="m", stream=True))  # error: AGN200


async def tokens_not_awaited():
    async for part in gen.generate(model="m", stream=True):  # error: AGN201
        print(part.response)


async def pull_progress_sync_for():
    for progress in await gen.pull("m", stream=True):  # error: AGN203
        print(progress.status)


# ---------------------------------------------------------------------------
# Traps: correct code that looks alike.
# ---------------------------------------------------------------------------


async def ok_tokens_async_for():
    async for part in await gen.generate(model="m", prompt="Hi", stream=True):
        print(part.response)


async def ok_tokens_async_comprehension() -> List[str]:
    return [p.response async for p in await gen.generate(model="m", stream=True)]


async def ok_tokens_closed():
    stream = await gen.generate(model="m", stream=True)
    async for part in stream:
        print(part.response)
        break
    await stream.aclose()


async def ok_whole_response() -> str:
    response = await gen.generate(model="m", prompt="Hi", stream=False)
    return response.response


async def ok_stream_omitted() -> str:
    response = await gen.generate(model="m", prompt="Hi", raw=True)
    return response.response


async def ok_stream_positional():
    async for progress in await gen.pull("m", True):
        print(progress.status)


async def ok_overloads_by_input_type():
    # `embed(str)` and `embed(Sequence[str])` differ in `input`, not in a boolean.
    vectors = await gen.embed(["a", "b"])
    for embedding in vectors:
        print(embedding.vector)


async def ok_literal_without_default_not_given() -> List[str]:
    # The first overload needs `stream` (no default) and the call does not give it by keyword:
    # for a type checker it is the second (`-> List[str]`); here, not known.
    words = []
    for word in await gen.complete("Hi", echo=True):
        words.append(word)
    return words


async def ok_plain_coroutine_annotated_as_iterator():
    # `tokens` is not overloaded: what its awaited result is comes from its returns (a list).
    for token in await gen.tokens("a b", stream=True):
        print(token)


async def local_tokens(*, stream: Literal[True] = True) -> AsyncIterator[str]:  # error: AGN102
    return ["a", "b"]  # type: ignore[return-value]


async def ok_local_plain_coroutine_awaited():
    for token in await local_tokens(stream=True):
        print(token)
