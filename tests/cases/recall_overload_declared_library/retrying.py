"""A retry decorator declared by ``@overload`` signatures alone, in a module of its own (as an
installed library ships it). It writes an attribute on the functions it makes, which does not
change what the module's own ``retry`` is; a write on the module itself would."""
from typing import Any, Callable, TypeVar, overload

F = TypeVar("F", bound=Callable[..., Any])


@overload
def retry(fn: F) -> F: ...


@overload
def retry(*, attempts: int = ...) -> Callable[[F], F]: ...


def retry(*args: Any, **kwargs: Any) -> Any:
    if len(args) == 1 and callable(args[0]):
        return retry()(args[0])

    def keep(fn: Any) -> Any:
        keep.retry = kwargs  # type: ignore[attr-defined]
        return fn

    return keep


@overload
def patched(fn: F) -> F: ...


@overload
def patched(*, attempts: int = ...) -> Callable[[F], F]: ...


def patched(*args: Any, **kwargs: Any) -> Any:
    return args[0] if args else (lambda fn: fn)


def install(target: Any) -> None:
    # `target` may be this very module: its `patched` may be replaced.
    target.patched = lambda *a, **k: None
