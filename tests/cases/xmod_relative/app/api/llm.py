"""Namesake of app/services/llm.py with the kinds swapped."""


async def complete(prompt):
    for word in prompt.split():
        yield word


async def stream(prompt):
    return prompt
