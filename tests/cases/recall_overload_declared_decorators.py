"""Decorators declared by ``@overload`` signatures alone (tenacity's ``retry``): the
implementation takes ``*args, **kwargs`` and says nothing, but its signatures say it gives back
what it decorates, as a type checker reads them:

- ``@with_retries``: a call with one positional argument resolves to the first signature,
  ``(fn: F) -> F``;
- ``@with_retries(attempts=3)``: the call resolves to a signature whose required keyword-only
  parameters it passes; when every such signature is ``(fn: F) -> F`` or ``(...) ->
  Callable[[F], F]``, the decorated function keeps its kind.

Not followed: a call passing a keyword that selects another signature (``sleep=`` below, whose
signature returns a protocol object), a call with ``**kwargs`` when any signature is another
shape, a first signature that is not ``(fn: F) -> F`` for the bare form, and an implementation
whose own annotations say otherwise.
"""
from typing import Any, Awaitable, Callable, Dict, Protocol, TypeVar, overload

F = TypeVar("F", bound=Callable[..., Any])


class _AsyncForm(Protocol):
    def __call__(self, fn: Any) -> Any: ...


@overload
def with_retries(fn: F) -> F: ...


@overload
def with_retries(*, sleep: Callable[[float], Awaitable[None]], attempts: int = ...) -> _AsyncForm: ...


@overload
def with_retries(*, attempts: int = ..., backoff: float = ...) -> Callable[[F], F]: ...


def with_retries(*args: Any, **kwargs: Any) -> Any:
    if len(args) == 1 and callable(args[0]):
        return with_retries()(args[0])

    def keep(fn: Any) -> Any:
        return fn

    return keep


@with_retries(attempts=3)
async def ask(prompt: str) -> Dict[str, str]:
    return {"text": prompt}


@with_retries
async def ask_once(prompt: str) -> Dict[str, str]:
    return {"text": prompt}


@with_retries(backoff=0.5)
def ask_sync(prompt: str) -> Dict[str, str]:
    return {"text": prompt}


class Deliverer:
    @with_retries(attempts=2)
    async def _post(self, url: str) -> Dict[str, str]:
        return {"url": url}

    async def deliver_nowait(self, url: str) -> str:
        return self._post(url)["url"]  # error: AGN210

    async def deliver(self, url: str) -> str:
        return (await self._post(url))["url"]


async def main() -> None:
    print(ask("a")["text"])  # error: AGN210
    print(ask_once("b")["text"])  # error: AGN210
    print(await ask_sync("c"))  # error: AGN208
    if ask("d"):  # error: AGN214
        pass


async def main_correctly() -> None:
    print((await ask("a"))["text"], (await ask_once("b"))["text"], ask_sync("c")["text"])


# --------------------------------------------------------------------------
# Traps: the signature a call selects is not known to keep the function
# --------------------------------------------------------------------------


async def _nap(seconds: float) -> None:
    return None


@with_retries(sleep=_nap)
async def ask_with_sleep(prompt: str) -> Dict[str, str]:
    return {"text": prompt}


OPTIONS: Dict[str, Any] = {}


@with_retries(**OPTIONS)
async def ask_configured(prompt: str) -> Dict[str, str]:
    return {"text": prompt}


@overload
def first_is_factory(*, attempts: int = ...) -> Callable[[F], F]: ...


@overload
def first_is_factory(fn: F) -> F: ...


def first_is_factory(*args: Any, **kwargs: Any) -> Any:
    return args[0] if args else (lambda fn: fn)


@first_is_factory
async def ask_bare_factory(prompt: str) -> Dict[str, str]:
    return {"text": prompt}


async def not_followed() -> None:
    print(ask_with_sleep("a")["text"])  # type: ignore[index]
    print(ask_configured("b")["text"])
    print(ask_bare_factory("c")["text"])
