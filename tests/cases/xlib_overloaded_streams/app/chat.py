# OPTIONS: --agn-python env
"""`@overload`s chosen by `stream=True` on an openai-shaped client (`fakellm` in env/).

`AsyncCompletions.create` has three overloads, as openai's does: `stream: Optional[Literal[False]]
| NotGiven = NOT_GIVEN` gives a `ChatCompletion`, `stream: Literal[True]` (keyword-only, no
default) an `AsyncStream[ChatCompletionChunk]`, `stream: bool` either; the implementation is
decorated with a signature-keeping `@required_args(...)`. A call passing `stream=True` resolves,
as for a type checker, to the first overload not ruled out: the second. Awaiting it gives an
`AsyncStream`, which has `__aiter__` but no `__iter__` (nor `__enter__`): AGN208 on `for` and
`with`. `stream=False` gives the first overload: a `ChatCompletion`, not async-iterable; so
does a call leaving `stream` out (its flag has a default there, the second's has none).

Traps: the correct `async for` / `async with`, `stream=False` then attribute use, `stream`
omitted, `stream=flag`, `stream` in `**kwargs` (no other boolean keyword), and an overload giving
a class with both `__iter__` and `__aiter__`.
"""

from typing import Any, Dict, List

from fakellm import AsyncFakeLLM

client = AsyncFakeLLM(api_key="k")

MESSAGES = [{"role": "user", "content": "Hi"}]


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------


async def print_stream_sync_for():
    for chunk in await client.chat.completions.create(  # error: AGN208
        model="m", messages=MESSAGES, stream=True
    ):
        print(chunk.delta)


async def collect_stream_bound_first() -> List[str]:
    stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    deltas = []
    for chunk in stream:  # error: AGN208
        deltas.append(chunk.delta)
    return deltas


async def stream_with_other_flags(ai: AsyncFakeLLM):
    # Through an annotated parameter; `logprobs=True` takes any boolean and rules nothing out.
    stream = await ai.chat.completions.create(
        model="m", messages=MESSAGES, logprobs=True, stream=True
    )
    return [chunk.delta for chunk in stream]  # error: AGN208


async def stream_entered_sync():
    with await client.chat.completions.create(  # error: AGN208
        model="m", messages=MESSAGES, stream=True
    ) as stream:
        print(stream)


async def whole_answer_iterated():
    # `stream=False` is the first overload: a `ChatCompletion`, not a stream.
    async for chunk in await client.chat.completions.create(  # error: AGN208
        model="m", messages=MESSAGES, stream=False
    ):
        print(chunk)


async def whole_answer_iterated_flag_omitted():
    # `stream` omitted: the first overload too (its flag has a default; the second's has none).
    async for chunk in await client.chat.completions.create(  # error: AGN208
        model="m", messages=MESSAGES
    ):
        print(chunk)


async def stream_not_awaited():
    async for chunk in client.chat.completions.create(  # error: AGN201
        model="m", messages=MESSAGES, stream=True
    ):
        print(chunk)


# ---------------------------------------------------------------------------
# Traps: correct code that looks alike.
# ---------------------------------------------------------------------------


async def ok_stream_async_for():
    async for chunk in await client.chat.completions.create(
        model="m", messages=MESSAGES, stream=True
    ):
        print(chunk.delta)


async def ok_stream_async_with():
    # `AsyncStream` is also an async context manager.
    async with await client.chat.completions.create(
        model="m", messages=MESSAGES, stream=True
    ) as stream:
        async for chunk in stream:
            print(chunk.delta)


async def ok_stream_closed():
    stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    await stream.close()


async def ok_whole_answer_read() -> str:
    completion = await client.chat.completions.create(
        model="m", messages=MESSAGES, stream=False
    )
    for choice in completion.choices:
        print(choice.message.content)
    return completion.choices[0].message.content


async def ok_stream_omitted() -> str:
    completion = await client.chat.completions.create(model="m", messages=MESSAGES)
    return completion.id


async def ok_stream_from_a_variable(flag: bool):
    # `stream: bool` overload: a completion or a stream, not known here.
    result = await client.chat.completions.create(model="m", messages=MESSAGES, stream=flag)
    if flag:
        async for chunk in result:
            print(chunk.delta)
    else:
        print(result.id)


async def ok_stream_in_kwargs():
    options: Dict[str, Any] = {"stream": True}
    async for chunk in await client.chat.completions.create(
        model="m", messages=MESSAGES, **options
    ):
        print(chunk.delta)


async def ok_buffered_replay_both_ways():
    # `replay(stream=True)` gives a `BufferedStream`: iterable and async-iterable.
    for chunk in await client.chat.completions.replay(completion_id="c", stream=True):
        print(chunk.delta)
    async for chunk in await client.chat.completions.replay(completion_id="c", stream=True):
        print(chunk.delta)
    whole = await client.chat.completions.replay(completion_id="c", stream=False)
    print(whole.choices[0].message.content)
