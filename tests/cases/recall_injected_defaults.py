"""An attribute a constructor stores from an optional collaborator with a fallback
(`self.retriever = retriever or KeywordRetriever()`) holds the fallback whenever the caller
passes nothing, which the `or` is written for: a use of the attribute that fails for the
fallback's class fails on that path, whatever callers may pass instead.  Only a fallback
constructed there (an instance of exactly that class), only for what a method stores on the
instance: a local name bound so may be used under a test of the left operand.  Not in a
decorated class (a dependency-injection decorator supplies the arguments), nor when every
call of the module passes the argument.
"""
from typing import Any, List, Optional


class KeywordRetriever:
    async def aget(self, query: str) -> List[str]:
        return [query]

    def get(self, query: str) -> List[str]:
        return [query]


class BaseStore:
    def load(self) -> str:
        return ""


class AsyncStore(BaseStore):
    async def load(self) -> str:  # type: ignore[override]
        return ""


def make_store() -> BaseStore:
    return AsyncStore()


class QA:
    def __init__(self, retriever: Any = None, store: Any = None, cache: Any = None) -> None:
        self.retriever = retriever or KeywordRetriever()
        self.store = store or make_store()
        self.cache = cache or retriever or KeywordRetriever()

    async def context(self, question: str) -> str:
        return "\n".join(self.retriever.aget(question))  # error: AGN213

    async def warm(self, question: str) -> None:
        self.retriever.aget(question)  # error: AGN211

    async def ok_context(self, question: str) -> str:
        return "\n".join(await self.retriever.aget(question))

    def ok_sync_context(self, question: str) -> str:
        return "\n".join(self.retriever.get(question))

    async def ok_declared_fallback(self) -> str:
        # make_store() is declared to give a BaseStore: any subclass, maybe an async one.
        return await self.store.load()

    def ok_chained_fallback(self, question: str) -> List[str]:
        # Two fallbacks: not followed.
        return self.cache.aget(question)


async def ok_local_under_test(given: Optional[Any], question: str) -> List[str]:
    # A name, not an attribute: under `if given:` it is the caller's object.
    retriever = given or KeywordRetriever()
    if given:
        return await retriever.get(question)  # the caller's retriever has an async get
    return await retriever.aget(question)


class AsyncRetriever:
    async def get(self, query: str) -> List[str]:
        return [query]


def injectable(cls: Any) -> Any:
    # A dependency-injection container's decorator: it supplies the constructor's arguments.
    CONTAINER.append(cls)
    cls.__injected__ = True
    return cls


CONTAINER: List[Any] = []


@injectable
class Injected:
    def __init__(self, retriever: Any = None) -> None:
        self.retriever = retriever or KeywordRetriever()

    async def ok_injected(self, question: str) -> List[str]:
        return await self.retriever.get(question)


class AlwaysPassed:
    def __init__(self, retriever: Any = None) -> None:
        self.retriever = retriever or KeywordRetriever()

    async def ok_passed(self, question: str) -> List[str]:
        # Every call in this module passes an AsyncRetriever.
        return await self.retriever.get(question)


async def build() -> List[str]:
    return await AlwaysPassed(AsyncRetriever()).ok_passed("q")
