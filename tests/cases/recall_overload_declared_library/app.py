"""Using the overload-declared decorators of another module."""
from typing import Dict

from retrying import patched, retry


@retry(attempts=3)
async def ask(prompt: str) -> Dict[str, str]:
    return {"text": prompt}


@retry
async def ask_once(prompt: str) -> Dict[str, str]:
    return {"text": prompt}


@patched(attempts=2)
async def ask_patched(prompt: str) -> Dict[str, str]:
    return {"text": prompt}


async def main() -> None:
    print(ask("a")["text"])  # error: AGN210
    print(ask_once("b")["text"])  # error: AGN210
    print((await ask("c"))["text"])
    # Trap: the module writes `patched` on an object that may be itself.
    print(ask_patched("d")["text"])
