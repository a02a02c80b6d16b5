"""Async generators (and one coroutine) imported and shadowed elsewhere."""


async def stream(prompt):
    for word in prompt.split():
        yield word


async def reader(path):
    yield path


async def tokens(text):
    yield text


async def complete(prompt):
    return prompt
