from inspect import isasyncgenfunction, iscoroutinefunction
from typing import Callable, ParamSpec, TypeVar

from di.base import wrap_injection, wrap_injection_fixed

P = ParamSpec("P")
RT = TypeVar("RT")


def inject(func: Callable[P, RT]) -> Callable[P, RT]:
    return wrap_injection(func=func, is_async=iscoroutinefunction(func) or isasyncgenfunction(func))


def inject_fixed(func: Callable[P, RT]) -> Callable[P, RT]:
    return wrap_injection_fixed(func=func)
