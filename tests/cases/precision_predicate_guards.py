"""Parameters known from their module's calls (and defaults) are not trusted past a predicate
of them: ``x if is_given(x) else ...`` (a ``TypeGuard``, a validator) may rule out what the
callers pass.  Nothing here may be reported; the error line shows the same shape unguarded."""
from typing import List


class Omitted:
    """A sentinel for "not given" (anthropic's and openai's ``Omit``): not iterable."""

    def __bool__(self) -> bool:
        return False


OMITTED = Omitted()


def is_given(value: object) -> bool:
    return not isinstance(value, Omitted)


class BatchesResource:
    # `retrieve`'s only caller in its module leaves `betas` to its default, but the body tests
    # it with a predicate before iterating: the default is not what the comprehension sees.
    def retrieve_batch(self, batch_id: str, betas: "List[str] | Omitted" = OMITTED) -> str:
        return ",".join(str(b) for b in betas) if is_given(betas) else batch_id

    def batch_results(self, batch_id: str) -> str:
        return self.retrieve_batch(batch_id)


class UnguardedResource:
    def fetch(self, batch_id: str, betas: "List[str] | Omitted" = OMITTED) -> str:
        return ",".join(str(b) for b in betas) + batch_id  # error: AGN208

    def collect(self, batch_id: str) -> str:
        return self.fetch(batch_id)


class OrgCache:
    async def fetch_organization(self, key: str) -> dict:
        return None


class Organization:
    def __init__(self, **fields: object) -> None:
        self.fields = fields


def cached_organization(cache: OrgCache, key: str) -> "Organization | None":
    # litellm's shape: the un-awaited call is a real mistake, but inside `isinstance(..., dict)`
    # the name is a dict, so `**cached` never meets the coroutine (that branch never runs).
    cached = cache.fetch_organization(key)
    if cached is not None and isinstance(cached, dict):
        return Organization(**cached)
    return None
