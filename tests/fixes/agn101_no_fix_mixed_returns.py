# FIX: --unsafe-fixes
# One branch returns a value: an async generator cannot, so there is no mechanical fix.
async def tokens(prompt):
    yield prompt


async def generate(prompt, stream):
    if stream:
        return tokens(prompt)
    return "".join([prompt])


async def shared_line(prompt):
    x = 1; return tokens(prompt)  # noqa: E702
