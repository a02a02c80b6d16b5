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
from typing import Dict, FrozenSet, Iterable, List, Set, Tuple

# ``def name`` and indented ``name = ...`` (a class attribute may override a method too).
_DEF = re.compile(
    rb"\bdef\s+([A-Za-z_][A-Za-z0-9_]*)|^[ \t]+([A-Za-z_][A-Za-z0-9_]*)\s*=[^=]", re.M
)
_CLASS = re.compile(rb"\bclass\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(([^)]*)\)")
_IMPORT_LINE = re.compile(rb"^[ \t]*(?:from[ \t]+\S+[ \t]+)?import[ \t]+([^\n]*)", re.M)
_ALIAS = re.compile(rb"([A-Za-z_][A-Za-z0-9_]*)\s+as\s+([A-Za-z_][A-Za-z0-9_]*)")
_ASSIGNED_ALIAS = re.compile(
    rb"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:[A-Za-z_][A-Za-z0-9_]*\.)*([A-Za-z_][A-Za-z0-9_]*)\s*$",
    re.M,
)
_NAME = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
# ``Resource.register(Lock)``: a virtual subclass the class statements do not show.
_REGISTER = re.compile(rb"([A-Za-z_][A-Za-z0-9_]*)\.register\(")
# ``Cls.__aenter__ = ...``, ``setattr(Cls, "__aenter__", ...)``: special methods written from
# outside a class body.
_DUNDER_WRITE = re.compile(
    rb"([A-Za-z_][A-Za-z0-9_]*)\.(__[a-z]+__)\s*=(?!=)"
    rb"|setattr\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*,\s*['\"](__[a-z]+__)['\"]"
)

# ``client.reports = ...``, ``setattr(client, "reports", ...)``: an attribute written on some
# object (not ``self`` / ``cls``, which a class's own facts already show).
_ATTRIBUTE_WRITE = re.compile(rb"\.([A-Za-z_][A-Za-z0-9_]*)[ \t]*=(?!=)")
_SETATTR = re.compile(rb"setattr\(\s*(\w+)\s*,\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]")
_OWN = (b"self", b"cls")
_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _attribute_writes(data: bytes) -> FrozenSet[str]:
    found = set()
    for match in _ATTRIBUTE_WRITE.finditer(data):
        start = match.start()
        receiver = data[max(0, start - 5):start]
        own = any(
            receiver.endswith(word) and (
                len(receiver) == len(word) or receiver[-len(word) - 1] not in _WORD
            ) for word in _OWN
        )
        if not own:
            found.add(match.group(1))
    if b"setattr(" in data:
        found.update(name for target, name in _SETATTR.findall(data) if target not in _OWN)
    return frozenset(_text(name) for name in found)


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

    __slots__ = ("defs", "classes", "aliases", "dunder_writes", "registered", "attribute_writes")

    def __init__(self, data: bytes) -> None:
        self.defs = frozenset(_text(a or b) for a, b in _DEF.findall(data))
        self.classes = [
            (_text(name), frozenset(_text(b) for b in _NAME.findall(bases)))
            for name, bases in _CLASS.findall(data)
        ]
        aliases: List[Tuple[str, str]] = []
        if b" as " in data:
            for line in _IMPORT_LINE.findall(data):
                aliases.extend((_text(a), _text(b)) for a, b in _ALIAS.findall(line))
        aliases.extend((_text(b), _text(a)) for a, b in _ASSIGNED_ALIAS.findall(data))
        self.aliases = aliases
        self.dunder_writes = frozenset(
            (_text(a or c), _text(b or d)) for a, b, c, d in _DUNDER_WRITE.findall(data)
        ) if b"__" in data else frozenset()
        self.registered = frozenset(
            _text(name) for name in _REGISTER.findall(data)
        ) if b".register(" in data else frozenset()
        self.attribute_writes = _attribute_writes(data)


def _text(raw: bytes) -> str:
    return raw.decode("ascii", "replace")
