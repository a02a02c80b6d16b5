"""Shaped like dishka's integrations: the decorator hands the function to a helper, which hands
it to a factory of the wrapper; the result is cast back to the function's own type."""
from inspect import isasyncgenfunction
from typing import Any, Awaitable, Callable, ParamSpec, TypeVar, cast

P = ParamSpec("P")
T = TypeVar("T")


def wrap_injection(*, func: Callable[P, T], is_async: bool = False) -> Callable[P, T]:
    if is_async:
        injected = _async_injection_wrapper(func=cast(Callable[P, Awaitable[T]], func))
    else:
        raise NotImplementedError("sync injection")
    injected.__name__ = func.__name__
    return cast(Callable[P, T], injected)


def _async_injection_wrapper(func: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[T]]:
    async def auto_injected_func(*args: P.args, **kwargs: P.kwargs) -> T:
        return await func(*args, **kwargs)

    return auto_injected_func


def wrap_injection_fixed(*, func: Callable[P, T]) -> Callable[P, T]:
    return cast(Callable[P, T], _either_wrapper(func))


def _either_wrapper(func: Any) -> Any:
    if isasyncgenfunction(func):
        async def auto_injected_gen(*args: Any, **kwargs: Any) -> Any:
            async for item in func(*args, **kwargs):
                yield item

        return auto_injected_gen

    async def auto_injected_func(*args: Any, **kwargs: Any) -> Any:
        return await func(*args, **kwargs)

    return auto_injected_func
