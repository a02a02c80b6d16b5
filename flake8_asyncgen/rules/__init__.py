"""The rule registry: every rule class, and which rules judge which site context."""

from __future__ import annotations

from typing import Dict, FrozenSet, List, Tuple, Type

from ..sitetypes import CONTEXTS, Context
from .agn100_101_returns import CoroutineReturnsAsyncGenerator
from .agn102_103_annotation import CoroutineAnnotatedAsAsyncIterator
from .agn104_returns_coroutine import CoroutineReturnsCoroutine
from .agn105_special_method_defined_with_wrong_kind import SpecialMethodDefinedWithWrongKind
from .agn106_context_manager_decorator_of_wrong_kind import ContextManagerDecoratorOfWrongKind
from .agn200_await_agen import AwaitAsyncGenerator
from .agn201_async_for_coroutine import AsyncForOverCoroutine
from .agn202_agen_as_coroutine import AsyncGeneratorPassedAsCoroutine
from .agn203_sync_iteration import SyncIterationOfAsyncGenerator
from .agn204_205_async_with import AsyncWithAsyncGenerator, AsyncWithCoroutine
from .agn206_misused_acm import MisusedAsyncContextManager
from .agn207_discarded import AsyncGeneratorCallDiscarded
from .agn208_protocol_by_special_methods import ObjectLacksProtocol
from .agn209_function_not_called import FunctionUsedWithoutCall
from .agn210_211_unawaited import AttributeOfUnawaitedObject, CoroutineCallDiscarded
from .agn212_argument_against_annotation import ArgumentAgainstAnnotation
from .agn213_coroutine_used_synchronously import CoroutineUsedSynchronously
from .agn214_coroutine_tested_for_truth import CoroutineTestedForTruth
from .agn215_coroutine_used_as_value import CoroutineUsedAsValue
from .agn216_context_manager_used_asynchronously import ContextManagerUsedAsynchronously
from .agn217_async_function_as_sync_callback import AsyncFunctionAsSyncCallback
from .agn218_coroutine_passed_to_asyncio_wait import CoroutinePassedToAsyncioWait
from .agn219_async_function_as_command import AsyncFunctionAsCommand
from .agn220_special_method_of_wrong_kind import SpecialMethodOfWrongKind
from .api import Rule

ALL_RULES: Tuple[Type[Rule], ...] = (
    CoroutineReturnsAsyncGenerator,
    CoroutineAnnotatedAsAsyncIterator,
    CoroutineReturnsCoroutine,
    SpecialMethodDefinedWithWrongKind,
    ContextManagerDecoratorOfWrongKind,
    AwaitAsyncGenerator,
    AsyncForOverCoroutine,
    AsyncGeneratorPassedAsCoroutine,
    SyncIterationOfAsyncGenerator,
    AsyncWithAsyncGenerator,
    AsyncWithCoroutine,
    MisusedAsyncContextManager,
    AsyncGeneratorCallDiscarded,
    ObjectLacksProtocol,
    FunctionUsedWithoutCall,
    AttributeOfUnawaitedObject,
    CoroutineCallDiscarded,
    ArgumentAgainstAnnotation,
    CoroutineUsedSynchronously,
    CoroutineTestedForTruth,
    CoroutineUsedAsValue,
    ContextManagerUsedAsynchronously,
    AsyncFunctionAsSyncCallback,
    CoroutinePassedToAsyncioWait,
    AsyncFunctionAsCommand,
    SpecialMethodOfWrongKind,
)


def rule_codes(rule: Type[Rule]) -> Tuple[str, ...]:
    return rule.all_codes()


def by_context(rules: Tuple[Type[Rule], ...] = ALL_RULES) -> Dict[Context, List[Rule]]:
    table: Dict[Context, List[Rule]] = {context: [] for context in CONTEXTS}
    for rule in rules:
        for context in rule.contexts:
            table[context].append(rule())
    return table


def call_names(rules: Tuple[Type[Rule], ...] = ALL_RULES) -> FrozenSet[str]:
    """The last names of every API whose arguments some rule judges."""
    names: FrozenSet[str] = frozenset()
    for rule in rules:
        if "arg" in rule.contexts:
            names |= rule.call_names
    return names
