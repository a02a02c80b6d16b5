"""A decorator whose body can be read, and that always returns the same ``async def`` wrapper
defined inside a function, replaces what it decorates: calling the decorated function gives
what calling the wrapper gives, whatever the decorated function is (dishka's ``@inject`` put a
coroutine wrapper, ``return await func(...)``, on async generator handlers, so ``async for``
over a handler's call failed).  Its annotations do not outweigh its body
(``Callable[P, T] -> Callable[P, T]`` with ``return cast(Callable[P, T], wrapper)``).
"""
import functools
import inspect
from typing import Any, Callable, List, TypeVar, cast

from tracing import traced  # not in the project: unknown

T = TypeVar("T", bound=Callable[..., Any])
REGISTRY: List[Callable[..., Any]] = []


def inject(func):
    async def wrapper(*args, **kwargs):
        return await func(*args, **kwargs)

    return wrapper


def typed_inject(func: T) -> T:
    @functools.wraps(func)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        return await func(*args, **kwargs)

    return cast(T, wrapper)


def _make_wrapper(func):
    async def wrapper(*args, **kwargs):
        return await func(*args, **kwargs)

    return wrapper


def indirect(func):
    return _make_wrapper(func)


def retry(times):
    def decorator(func):
        async def wrapper(*args, **kwargs):
            for _ in range(times - 1):
                try:
                    return await func(*args, **kwargs)
                except OSError:
                    pass
            return await func(*args, **kwargs)

        return wrapper

    return decorator


def to_async(func):
    async def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def streaming(func):
    async def wrapper(*args, **kwargs):
        async for item in func(*args, **kwargs):
            yield item

    return wrapper


@inject
async def rows():
    yield 1


@typed_inject
async def typed_rows():
    yield 1


@indirect
async def indirect_rows():
    yield 1


@retry(3)
async def retried_rows():
    yield 1


@to_async
def compute():
    return 1


@streaming
async def stream():
    yield 1


async def positives() -> None:
    async for x in rows():  # error: AGN201
        print(x)
    async for x in typed_rows():  # error: AGN201
        print(x)
    async for x in indirect_rows():  # error: AGN201
        print(x)
    async for x in retried_rows():  # error: AGN201
        print(x)
    compute()  # error: AGN211
    await stream()  # error: AGN200


# Traps: decorators that do not always give one async wrapper.
def either(func):
    # The wrapper is chosen by what it wraps (dishka's fix): not one function.
    if inspect.isasyncgenfunction(func):
        async def agen_wrapper(*args, **kwargs):
            async for item in func(*args, **kwargs):
                yield item

        return agen_wrapper

    async def coro_wrapper(*args, **kwargs):
        return await func(*args, **kwargs)

    return coro_wrapper


def plain_wrapper(func):
    # A plain wrapper gives whatever the function gives.
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def registering(func):
    REGISTRY.append(func)
    return func


async def shared_handler():
    return None


def shared(func):
    # Not a wrapper made for each function: a module-level one (not judged this way).
    return shared_handler


@either
async def either_rows():
    yield 1


@either
async def either_value():
    return 1


@plain_wrapper
async def passed_through():
    yield 1


@registering
async def registered():
    yield 1


@traced
@inject
async def traced_rows():
    # Something unknown is done to the wrapper.
    yield 1


@shared
async def shared_rows():
    yield 1


async def traps() -> None:
    async for x in either_rows():
        print(x)
    print(await either_value())
    async for x in passed_through():
        print(x)
    async for x in registered():
        print(x)
    async for x in traced_rows():
        print(x)
    async for x in shared_rows():
        print(x)
    # The coroutine wrapper, awaited: what a caller of a coroutine function does.
    print(await compute())
    async for x in stream():
        print(x)



async def handed_on() -> None:
    import anyio

    async with anyio.create_task_group() as group:
        # ``rows`` is an async generator function whose decorator made it a coroutine
        # function: a task of it is what ``start_soon`` takes.
        group.start_soon(rows)
        # Its decorator's annotation (``T -> T``) claims to keep an async generator function;
        # its body returns a coroutine function.
        group.start_soon(typed_rows)
        # ``stream``'s wrapper is an async generator function.
        group.start_soon(stream)  # error: AGN202
