"""The decorator shapes read as keeping the decorated function's kind, and the look-alikes
that are not: each negative would make a wrong report possible if it were accepted (a
wrapper returning None, a wrapper of another kind, a function replaced before wrapping)."""
import ast
import textwrap

import pytest

from flake8_asyncgen.kindpreserving import preserves_kind


def _decorator(source: str) -> bool:
    tree = ast.parse(textwrap.dedent(source))
    node = tree.body[-1]
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    return preserves_kind(node, in_class=False)


KEEPS = {
    "branch": """
        def d(func):
            if inspect.iscoroutinefunction(func):
                @wraps(func)
                async def a(*args, **kwargs):
                    return await func(*args, **kwargs)
                return a
            else:
                @wraps(func)
                def s(*args, **kwargs):
                    return func(*args, **kwargs)
                return s
    """,
    "conditional expression": """
        def d(func):
            async def a(*args):
                return await func(*args)
            def s(*args):
                return func(*args)
            return a if asyncio.iscoroutinefunction(func) else s
    """,
    "early plain return, named test": """
        def d(func):
            is_async = inspect.iscoroutinefunction(func)
            def s(*args):
                return func(*args)
            if not is_async:
                return s
            async def a(*args):
                result = await func(*args)
                return result
            return a
    """,
    "plain wrapper only": """
        def d(func):
            @functools.wraps(func)
            def s(*args, **kwargs):
                try:
                    return func(*args, **kwargs)
                finally:
                    log()
            return s
    """,
    "coroutine functions returned as they are": """
        def d(func):
            if inspect.iscoroutinefunction(func):
                return func
            def s(*args):
                return func(*args)
            return s
    """,
}

REJECTS = {
    "swallows errors": """
        def d(func):
            if inspect.iscoroutinefunction(func):
                async def a(*args):
                    try:
                        return await func(*args)
                    except Exception:
                        return None
                return a
            return func
    """,
    "may fall off its end": """
        def d(func):
            def s(*args):
                try:
                    return func(*args)
                except ValueError:
                    log()
            return s
    """,
    "async wrapper without the test": """
        def d(func):
            async def a(*args):
                return await func(*args)
            return a
    """,
    "async generator wrapper": """
        def d(func):
            if inspect.isasyncgenfunction(func):
                async def g(*args):
                    async for item in func(*args):
                        yield item
                return g
            def s(*args):
                return func(*args)
            return s
    """,
    "parameter rebound": """
        def d(func):
            func = unwrap(func)
            def s(*args):
                return func(*args)
            return s
    """,
    "wrapper rebound": """
        def d(func):
            def s(*args):
                return func(*args)
            s = other(s)
            return s
    """,
    "wrapper decorated by something else": """
        def d(func):
            @lru_cache
            def s(*args):
                return func(*args)
            return s
    """,
    "result changed": """
        def d(func):
            def s(*args):
                return func(*args) or None
            return s
    """,
    "result name bound twice": """
        def d(func):
            def s(*args):
                result = func(*args)
                if not result:
                    result = None
                return result
            return s
    """,
    "test of another object": """
        def d(func):
            async def a(*args):
                return await func(*args)
            def s(*args):
                return func(*args)
            return a if inspect.iscoroutinefunction(hook) else s
    """,
    "inverted test": """
        def d(func):
            async def a(*args):
                return await func(*args)
            def s(*args):
                return func(*args)
            return s if inspect.iscoroutinefunction(func) else a
    """,
    "a factory, not a decorator": """
        def d(func, other):
            def s(*args):
                return func(*args)
            return s
    """,
    "async decorator": """
        async def d(func):
            def s(*args):
                return func(*args)
            return s
    """,
}


@pytest.mark.parametrize("name", sorted(KEEPS))
def test_keeps_kind(name: str) -> None:
    assert _decorator(KEEPS[name])


@pytest.mark.parametrize("name", sorted(REJECTS))
def test_rejects_look_alikes(name: str) -> None:
    assert not _decorator(REJECTS[name])
