"""A textual index of a project's sources, built once per run without parsing.

Deciding that a stub's overrides are all coroutines needs every subclass in the
project, in any module.  Parsing every module to find them would double a cold
run, so candidates are found from the text: the ``def`` names of each module,
its ``class Name(bases)`` statements and its ``x as y`` aliases.  The text
over-approximates (a name may mean something else), never under-approximates
for code Python can run: a module subclassing ``Base`` names ``Base`` or an
alias of it in its class statement.  Candidates are then parsed and checked
precisely (method resolution order).
"""

from __future__ import annotations

import re
from typing import Dict, FrozenSet, Iterable, Iterator, List, Set, Tuple

# Every pattern starts with a literal (``def``, ``class``, ``.``, ``\n``, ...), so the regular
# expression engine jumps between occurrences of it instead of trying each byte: patterns that
# began with an identifier class cost 0.6 s over the benchmark's corpus, the literal forms 0.1 s.
# An identifier *before* a literal (``Name.register(``) is read backwards by ``_name_before``.
_IDENTIFIER = rb"[A-Za-z_][A-Za-z0-9_]*"
# ``def name`` and indented ``name = ...`` (a class attribute may override a method too).
_DEF = re.compile(rb"def\s+(" + _IDENTIFIER + rb")")
_INDENTED_ASSIGNMENT = re.compile(rb"\n[ \t]+(" + _IDENTIFIER + rb")\s*=(?=[^=])")
_CLASS = re.compile(rb"class\s+(" + _IDENTIFIER + rb")\s*\(([^)]*)\)")
_IMPORT = re.compile(rb"import[ \t]+([^\n]*)")
_IMPORT_PREFIX = re.compile(rb"[ \t]*(?:from[ \t]+\S+[ \t]+)?")
_ALIAS = re.compile(rb"(" + _IDENTIFIER + rb")\s+as\s+(" + _IDENTIFIER + rb")")
_ASSIGNED_ALIAS = re.compile(
    rb"^(" + _IDENTIFIER + rb")\s*=\s*(?:" + _IDENTIFIER + rb"\.)*(" + _IDENTIFIER + rb")\s*$",
    re.M,
)
_NAME = re.compile(_IDENTIFIER)
# ``Resource.register(Lock)``: a virtual subclass the class statements do not show.
_REGISTER = re.compile(rb"\.register\(")
# ``Cls.__aenter__ = ...``, ``setattr(Cls, "__aenter__", ...)``: special methods written from
# outside a class body.
_DUNDER_WRITE = re.compile(rb"\.(__[a-z]+__)\s*=(?!=)")
_DUNDER_SETATTR = re.compile(
    rb"setattr\(\s*(" + _IDENTIFIER + rb")\s*,\s*['\"](__[a-z]+__)['\"]"
)

# ``client.reports = ...``, ``setattr(client, "reports", ...)``: an attribute written on some
# object (not ``self`` / ``cls``, which a class's own facts already show).
_ATTRIBUTE_WRITE = re.compile(rb"\.(" + _IDENTIFIER + rb")[ \t]*=(?!=)")
_SETATTR = re.compile(rb"setattr\(\s*(\w+)\s*,\s*['\"](" + _IDENTIFIER + rb")['\"]")
# ``setattr(source, name, wrapper)``: a name computed at run time, on an object other than
# ``self`` / ``cls`` (pyrogram's ``sync.wrap`` replacing every coroutine method of a class).
_COMPUTED_SETATTR = re.compile(rb"setattr\(\s*(\w+)\s*,\s*[A-Za-z_]")
_OWN = (b"self", b"cls")
_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_DIGITS = frozenset(b"0123456789")


def _word_start(data: bytes, at: int) -> bool:
    """Whether a word starts at ``at`` (no identifier character just before it)."""
    return at == 0 or data[at - 1] not in _WORD


def _name_before(data: bytes, end: int) -> bytes:
    """The identifier ending just before ``end``: the longest run of identifier characters
    there, without leading digits (empty if none)."""
    start = end
    while start > 0 and data[start - 1] in _WORD:
        start -= 1
    while start < end and data[start] in _DIGITS:
        start += 1
    return data[start:end]


def _at_word_starts(pattern: "re.Pattern[bytes]", data: bytes) -> Iterator["re.Match[bytes]"]:
    """``pattern``'s matches that start a word, left to right and not overlapping: what a
    leading ``\\b`` would give, at the speed of a literal search."""
    position = 0
    while True:
        match = pattern.search(data, position)
        if match is None:
            return
        if _word_start(data, match.start()):
            yield match
            position = match.end()
        else:
            position = match.start() + 1


def _defs(data: bytes) -> FrozenSet[str]:
    names = {match.group(1) for match in _at_word_starts(_DEF, data)}
    names.update(_INDENTED_ASSIGNMENT.findall(b"\n" + data))
    return frozenset(_text(name) for name in names)


def _classes(data: bytes) -> List[Tuple[str, FrozenSet[str]]]:
    return [
        (_text(m.group(1)), frozenset(_text(b) for b in _NAME.findall(m.group(2))))
        for m in _at_word_starts(_CLASS, data)
    ]


def _import_aliases(data: bytes) -> List[Tuple[str, str]]:
    """``(original, alias)`` of ``import x as y`` / ``from m import x as y`` lines."""
    aliases: List[Tuple[str, str]] = []
    for match in _IMPORT.finditer(data):
        line_start = data.rfind(b"\n", 0, match.start()) + 1
        if _IMPORT_PREFIX.fullmatch(data, line_start, match.start()):
            aliases.extend(
                (_text(a), _text(b)) for a, b in _ALIAS.findall(match.group(1))
            )
    return aliases


def _dunder_writes(data: bytes) -> FrozenSet[Tuple[str, str]]:
    found = set()
    for match in _DUNDER_WRITE.finditer(data):
        name = _name_before(data, match.start())
        if name:
            found.add((_text(name), _text(match.group(1))))
    if b"setattr(" in data:
        found.update((_text(a), _text(b)) for a, b in _DUNDER_SETATTR.findall(data))
    return frozenset(found)


def _registered(data: bytes) -> FrozenSet[str]:
    names = (_name_before(data, match.start()) for match in _REGISTER.finditer(data))
    return frozenset(_text(name) for name in names if name)


def _attribute_writes(data: bytes) -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """Attribute names written on an object other than ``self`` / ``cls``, and those written
    on a receiver named like a class (``Decorators.admins_only = ...``,
    ``setattr(Client, "retry", ...)``: a class patched from outside its body)."""
    found = set()
    on_classes = set()
    for match in _ATTRIBUTE_WRITE.finditer(data):
        start = match.start()
        if _name_before(data, start)[:1].isupper():
            on_classes.add(match.group(1))
        receiver = data[max(0, start - 5):start]
        own = any(
            receiver.endswith(word) and (
                len(receiver) == len(word) or receiver[-len(word) - 1] not in _WORD
            ) for word in _OWN
        )
        if not own:
            found.add(match.group(1))
    if b"setattr(" in data:
        for target, name in _SETATTR.findall(data):
            if target not in _OWN:
                found.add(name)
                if target[:1].isupper():
                    on_classes.add(name)
    return (frozenset(_text(name) for name in found),
            frozenset(_text(name) for name in on_classes))


class SourceIndex:
    def __init__(self) -> None:
        self.defs: Dict[str, Set[str]] = {}
        # (module, class name, identifiers in its base list)
        self.classes: List[Tuple[str, str, FrozenSet[str]]] = []
        # original name -> names it is also known as (``import x as y``, ``y = pkg.x``)
        self.aliases: Dict[str, Set[str]] = {}
        # (object name, special method) some module writes outside a class body
        self.dunder_writes: Set[Tuple[str, str]] = set()
        # names of classes given virtual subclasses (``Name.register(...)``)
        self.registered: Set[str] = set()
        # attribute names some module writes on an object other than ``self`` / ``cls``
        self.attribute_writes: Set[str] = set()
        # those written on a receiver named like a class (``Client.retry = ...``)
        self.class_attribute_writes: Set[str] = set()
        # some module replaces functions by computed names on another object, choosing them
        # by kind (see :class:`FileText`)
        self.computed_setattr = False

    def add(self, module: str, text: "FileText") -> None:
        for name in text.defs:
            self.defs.setdefault(name, set()).add(module)
        for name, bases in text.classes:
            self.classes.append((module, name, bases))
        for original, alias in text.aliases:
            self.aliases.setdefault(original, set()).add(alias)
        self.dunder_writes |= text.dunder_writes
        self.registered |= text.registered
        self.attribute_writes |= text.attribute_writes
        self.class_attribute_writes |= text.class_attribute_writes
        self.computed_setattr = self.computed_setattr or text.computed_setattr

    def subclass_modules(self, class_name: str) -> Set[str]:
        """Modules that may define a subclass of a class named ``class_name``."""
        return self._closure(class_name)[1]

    def subclass_names(self, class_name: str) -> Set[str]:
        """Names under which a class named ``class_name`` or a subclass may appear in a base
        list (its aliases, its subclasses' names and theirs)."""
        return self._closure(class_name)[0]

    def _closure(self, class_name: str) -> Tuple[Set[str], Set[str]]:
        names: Set[str] = {class_name}
        modules: Set[str] = set()
        frontier: Iterable[str] = [class_name]
        while frontier:
            added: Set[str] = set()
            for name in frontier:
                added |= self.aliases.get(name, set()) - names
            names |= added
            for module, name, bases in self.classes:
                if bases & names:
                    modules.add(module)
                    if name not in names:
                        names.add(name)
                        added.add(name)
            frontier = added
        return names, modules

    def override_candidates(self, class_name: str, method: str) -> List[str]:
        return sorted(self.subclass_modules(class_name) & self.defs.get(method, set()))


class FileText:
    """What the index reads from one file: ``def`` names, class statements, aliases."""

    __slots__ = (
        "defs", "classes", "aliases", "dunder_writes", "registered", "attribute_writes",
        "class_attribute_writes", "computed_setattr",
    )

    def __init__(self, data: bytes) -> None:
        self.defs = _defs(data)
        self.classes = _classes(data)
        aliases = _import_aliases(data) if b" as " in data else []
        aliases.extend((_text(b), _text(a)) for a, b in _ASSIGNED_ALIAS.findall(data))
        self.aliases = aliases
        self.dunder_writes = _dunder_writes(data) if b"__" in data else frozenset()
        self.registered = _registered(data) if b".register(" in data else frozenset()
        self.attribute_writes, self.class_attribute_writes = _attribute_writes(data)
        # Only beside a test of what a function is: a module that picks coroutine functions
        # and sets replacements for them by name (``if iscoroutinefunction(method):
        # setattr(source, name, wrapper)``), not a loader setting options on an object.
        self.computed_setattr = (
            b"setattr(" in data
            and (b"iscoroutinefunction(" in data or b"isasyncgenfunction(" in data)
            and any(target not in _OWN for target in _COMPUTED_SETATTR.findall(data))
        )


def _text(raw: bytes) -> str:
    return raw.decode("ascii", "replace")
