"""The rule registry: every rule class, and which rules listen to which site context."""

from __future__ import annotations

from typing import Dict, FrozenSet, List, Tuple, Type

from .agn100_101_returns import CoroutineReturnsAsyncGenerator
from .agn102_103_annotation import CoroutineAnnotatedAsAsyncIterator
from .agn200_await_agen import AwaitAsyncGenerator
from .agn201_async_for_coroutine import AsyncForOverCoroutine
from .agn202_agen_as_coroutine import AsyncGeneratorPassedAsCoroutine
from .agn203_sync_iteration import SyncIterationOfAsyncGenerator
from .agn204_205_async_with import AsyncWithAsyncGenerator, AsyncWithCoroutine
from .agn206_misused_acm import MisusedAsyncContextManager
from .agn207_discarded import AsyncGeneratorCallDiscarded
from .base import SITE_CONTEXTS, Rule

ALL_RULES: Tuple[Type[Rule], ...] = (
    CoroutineReturnsAsyncGenerator,
    CoroutineAnnotatedAsAsyncIterator,
    AwaitAsyncGenerator,
    AsyncForOverCoroutine,
    AsyncGeneratorPassedAsCoroutine,
    SyncIterationOfAsyncGenerator,
    AsyncWithAsyncGenerator,
    AsyncWithCoroutine,
    MisusedAsyncContextManager,
    AsyncGeneratorCallDiscarded,
)


def rule_codes(rule: Type[Rule]) -> Tuple[str, ...]:
    return tuple(getattr(rule, "codes", (rule.code,)))


def by_context(rules: Tuple[Type[Rule], ...] = ALL_RULES) -> Dict[str, List[Rule]]:
    table: Dict[str, List[Rule]] = {context: [] for context in SITE_CONTEXTS}
    for rule in rules:
        for context in rule.contexts:
            table[context].append(rule())
    return table


def triggers_by_context(rules: Tuple[Type[Rule], ...] = ALL_RULES) -> Dict[str, FrozenSet[str]]:
    table: Dict[str, set[str]] = {context: set() for context in SITE_CONTEXTS}
    for rule in rules:
        for context in rule.contexts:
            table[context] |= rule.triggers
    return {context: frozenset(tags) for context, tags in table.items()}
