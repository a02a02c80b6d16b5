"""Resolution of callees: what an expression evaluates to, as far as definitions tell.

Values are tuples:
``("F", mod, sid)`` a function, ``("C", mod, sid)`` a class, ``("I", mod, sid)``
an instance of exactly that class, ``("S", mod, sid)`` ``self`` (an instance of
the class or a subclass), ``("Q", mod, sid)`` ``cls``, ``("M", module)``,
``("X", qualified name)`` something outside the project, ``("B", name)`` a
builtin, ``("O", kind, mod, sid)`` the object a call of function ``sid``
returned (kind ``coro``, ``agen`` or ``acm``).  ``None`` is unknown, and
unknown means the rules say nothing.
"""

from __future__ import annotations

import builtins
from typing import Any, Callable, Iterable, List, Optional, Tuple, TypeVar

from . import kinds
from .facts import Desc
from .project import ModuleInfo, Project

Value = Optional[Tuple[Any, ...]]
T = TypeVar("T")
_BUILTINS = frozenset(dir(builtins))
_MAX_DEPTH = 40
_DECLARED = ("a",)  # ``x: T`` in a class body: an annotation, not a default
_IMPLICIT_CLASSMETHODS = frozenset({"__new__", "__init_subclass__", "__class_getitem__"})


def strip_subscript(desc: Desc) -> Desc:
    while desc[0] == "g":
        desc = desc[1]
    return desc


def dotted(desc: Desc) -> Optional[str]:
    if desc[0] == "n":
        return str(desc[1])
    if desc[0] == "a":
        base = dotted(desc[1])
        return f"{base}.{desc[2]}" if base else None
    return None


class Evaluator:
    def __init__(
        self, project: Project, transparent: Iterable[str] = (), patched: Iterable[str] = ()
    ) -> None:
        self.project = project
        self.transparent = frozenset(transparent)
        # Attribute names the linted module writes on other objects (monkeypatching).
        self.patched = frozenset(patched)
        self._active: set[Any] = set()
        self._depth = 0
        self._broken = 0  # how many times a cycle or the depth limit cut evaluation short

    # -- memoised, cycle-safe evaluation -----------------------------------------------------
    def _guarded(
        self, info: ModuleInfo, key: Any, compute: Callable[..., T], *args: Any
    ) -> Optional[T]:
        memo = info.memo
        if key in memo:
            cached: T = memo[key]
            return cached
        marker = (info.name, key)
        if marker in self._active or self._depth > _MAX_DEPTH:
            self._broken += 1
            return None
        self._active.add(marker)
        self._depth += 1
        broken = self._broken
        try:
            result: Optional[T] = compute(*args)
        finally:
            self._depth -= 1
            self._active.discard(marker)
        if self._broken != broken:
            # A cycle (or the depth limit) cut this computation short: its result would depend
            # on where evaluation started, so it is unknown, whatever the order of files.
            result = None
        memo[key] = result
        return result

    def module(self, name: str) -> Optional[ModuleInfo]:
        return self.project.module(name)

    def eval(self, desc: Desc, mod: str, sid: int) -> Value:
        info = self.module(mod)
        if info is None:
            return None
        return self._guarded(info, ("e", sid, desc), self._eval, info, desc, sid)

    def _eval(self, info: ModuleInfo, desc: Desc, sid: int) -> Value:
        tag = desc[0]
        if tag == "n":
            return self.name(info, sid, desc[1])
        if tag == "a":
            return self.attr(self.eval(desc[1], info.name, sid), desc[2])
        if tag == "c":
            return self.call(self.eval(desc[1], info.name, sid))
        if tag == "w":
            return self.awaited(self.eval(desc[1], info.name, sid))
        if tag == "x":
            # ``async with <desc> as name``: only the entered value of outside objects is
            # followed (``asyncio.TaskGroup()`` gives a task group).
            entered = self.eval(desc[1], info.name, sid)
            return ("X", f"{entered[1]}.__aenter__()") if entered and entered[0] == "X" else None
        if tag == "g":
            # ``Repo[int]`` is the generic class itself as far as calling it goes.
            value = self.eval(desc[1], info.name, sid)
            return value if value is not None and value[0] == "C" else None
        if tag == "if":
            first = self.eval(desc[1], info.name, sid)
            second = self.eval(desc[2], info.name, sid)
            if first == second:
                return first
            if first and second and first[0] == second[0] == "O" and first[1] == second[1]:
                return first
        return None

    # -- names -------------------------------------------------------------------------------
    def name(self, info: ModuleInfo, sid: int, name: str) -> Value:
        scopes = info.scopes
        scope = scopes[sid]
        found: Optional[Tuple[Any, int]] = None
        if name in scope.get("gl", ()):
            binding = scopes[0]["b"].get(name)
            found = (binding, 0) if binding is not None else None
        else:
            current = sid
            while current >= 0:
                candidate = scopes[current]
                if current == sid or candidate["k"] != "c":
                    binding = candidate["b"].get(name)
                    if binding is not None:
                        found = (binding, current)
                        break
                current = candidate["p"]
        if (found is None or found[1] == 0) and self._star_may_bind(info, name):
            return None
        if found is None:
            return ("B", name) if name in _BUILTINS else None
        binding, owner = found
        if binding[0] == "p":
            return self._self_or_cls(info, owner, name)
        return self.binding(info, owner, binding)

    def _self_or_cls(self, info: ModuleInfo, sid: int, name: str) -> Value:
        scope = info.scopes[sid]
        parent = scope["p"]
        if scope["k"] != "f" or scope.get("fp") != name or parent < 0:
            return None
        if info.scopes[parent]["k"] != "c":
            return None
        if info.scopes[parent]["b"].get(scope["n"]) != ("d", sid):
            return None  # rebound in the class body (``f = staticmethod(f)``): unknown
        if self._is_metaclass(info, parent):
            return None  # ``cls`` of a metaclass method is some class, with its own members
        flavor = "class" if scope["n"] in _IMPLICIT_CLASSMETHODS else "instance"
        for decorator in scope["d"]:
            value = self.eval(decorator, info.name, parent)
            if value == ("B", "staticmethod"):
                return None
            if value == ("B", "classmethod"):
                flavor = "class"
        return ("Q" if flavor == "class" else "S", info.name, parent)

    def _is_metaclass(self, info: ModuleInfo, sid: int) -> bool:
        for base in info.scopes[sid]["bs"]:
            value = self.eval(strip_subscript(base), info.name, info.scopes[sid]["p"])
            if value == ("B", "type") or (
                value is not None and value[0] == "X" and value[1] in kinds.NEUTRAL_METACLASSES
            ):
                return True
            if value is not None and value[0] == "C":
                base_info = self.module(value[1])
                if base_info is not None and self._guarded(
                    base_info, ("meta", value[2]), self._is_metaclass, base_info, value[2]
                ):
                    return True
        return False

    def binding(self, info: ModuleInfo, owner: int, binding: Tuple[Any, ...]) -> Value:
        tag = binding[0]
        if tag == "d":
            return ("F", info.name, binding[1])
        if tag == "k":
            return ("C", info.name, binding[1])
        if tag == "i":
            return ("M", binding[1]) if self.project.has_module(binding[1]) else ("X", binding[1])
        if tag == "f":
            source, name = binding[1], binding[2]
            if source is None:
                return None
            if source == info.name:
                # ``from . import sub`` in a package's own ``__init__``: the submodule.
                submodule = f"{source}.{name}"
                return ("M", submodule) if self.project.has_module(submodule) else None
            if self.project.has_module(source):
                return self.attr(("M", source), name)
            return ("X", f"{source}.{name}")
        if tag == "e":
            return self.eval(binding[1], info.name, binding[2] if len(binding) > 2 else owner)
        return None

    # -- attributes --------------------------------------------------------------------------
    def attr(self, value: Value, name: str) -> Value:
        if value is None:
            return None
        tag = value[0]
        if tag == "X":
            return ("X", f"{value[1]}.{name}")
        if tag == "M":
            info = self.module(value[1])
            if info is not None:
                return self._guarded(info, ("ma", name), self._module_attr, info, name)
            submodule = f"{value[1]}.{name}"
            return ("M", submodule) if self.project.has_module(submodule) else None
        if tag in ("C", "Q", "I", "S"):
            info = self.module(value[1])
            if info is None or name in info.patched or name in self.patched:
                return None  # written from outside the class somewhere: unknown
            return self._guarded(info, ("m", value, name), self._member_value, info, value, name)
        return None

    def _module_attr(self, info: ModuleInfo, name: str) -> Value:
        if self._star_may_bind(info, name) or name in info.patched or name in self.patched:
            return None
        binding = info.scopes[0]["b"].get(name)
        if binding is not None:
            return self.binding(info, 0, binding)
        submodule = f"{info.name}.{name}"
        return ("M", submodule) if self.project.has_module(submodule) else None

    def _star_may_bind(self, info: ModuleInfo, name: str) -> bool:
        """Whether a ``from m import *`` in ``info`` may (re)bind module-level ``name``."""
        if name in info.after_star:
            return False
        for source in info.stars:
            if source is None or not self.project.has_module(source):
                return True
            exported = self.module(source)
            if exported is None:
                return True
            if exported.exports is not None:
                if name in exported.exports:
                    return True
            elif not name.startswith("_") and (
                name in exported.scopes[0]["b"] or exported.stars
            ):
                return True
        return False

    def _member_value(self, info: ModuleInfo, value: Tuple[Any, ...], name: str) -> Value:
        tag, _, sid = value
        instance = tag in ("I", "S")
        result = self._lookup_member(info, sid, name, instance)
        if result is None or tag in ("C", "I"):
            return result
        if result[0] == "F" and self._is_placeholder(result):
            return None  # a stub meant to be overridden, possibly in another module
        # ``self.m`` / ``cls.m``: a subclass in this module may override ``m`` differently.
        signature = self._signature(result)
        subclasses = self.subclasses(info, sid)
        if subclasses is None:
            return None
        for sub in subclasses:
            other = self._lookup_member(info, sub, name, instance)
            if other is None or self._signature(other) != signature:
                return None
        return result

    def _is_placeholder(self, value: Tuple[Any, ...]) -> bool:
        info = self.module(value[1])
        if info is None:
            return True
        scope = info.scopes[value[2]]
        return bool(scope["st"]) or self.has_decorator(
            value[1], value[2], kinds.ABSTRACT_DECORATORS
        )

    def _signature(self, value: Value) -> Any:
        """What matters of a method for the rules: what calling it gives."""
        if value is not None and value[0] == "F":
            result = self.call(value)
            if result is not None and result[0] == "O":
                return ("O", result[1])
            return ("F", self.func_kind(value[1], value[2]), result)
        return value

    def _lookup_member(self, info: ModuleInfo, sid: int, name: str, instance: bool) -> Value:
        order = self.mro(info, sid)
        if instance:
            for entry in order:
                if entry is None:
                    break
                owner_info = self.module(entry[0])
                if owner_info is None:
                    return None
                binding = owner_info.scopes[entry[1]].get("ia", {}).get(name)
                if binding is not None:
                    if any(
                        e is not None
                        and (self.module(e[0]) or info).scopes[e[1]]["b"].get(name, _DECLARED)
                        != _DECLARED
                        for e in order
                    ):
                        return None  # a class default too: which one holds depends on the path
                    return self.binding(owner_info, entry[1], binding)
        for entry in order:
            if entry is None:
                return None  # a base outside the project may define it
            owner_info = self.module(entry[0])
            if owner_info is None:
                return None
            binding = owner_info.scopes[entry[1]]["b"].get(name)
            if binding is not None:
                if binding[0] == "d":
                    return ("F", entry[0], binding[1])
                value = self.binding(owner_info, entry[1], binding)
                if value is not None and value[0] in ("I", "S") and self._is_descriptor(value):
                    return None  # ``__get__`` decides what the attribute gives
                return value
        return None

    def _is_descriptor(self, value: Tuple[Any, ...]) -> bool:
        info = self.module(value[1])
        if info is None:
            return True
        order = self.mro(info, value[2])
        for entry in order:
            if entry is None:
                return True
            owner = self.module(entry[0])
            if owner is None or "__get__" in owner.scopes[entry[1]]["b"]:
                return True
        return False

    def mro(self, info: ModuleInfo, sid: int) -> List[Optional[Tuple[str, int]]]:
        """Classes searched for an attribute, in order; ``None`` marks an unknown base."""
        found = self._guarded(info, ("mro", sid), self._mro, info, sid)
        return found if found is not None else [None]

    def _mro(self, info: ModuleInfo, sid: int) -> List[Optional[Tuple[str, int]]]:
        """Python's C3 linearisation; a base outside the project is an unknown entry."""
        scope = info.scopes[sid]
        if self.class_is_opaque(info, sid):
            return [None]
        sequences: List[List[Any]] = []
        for index, base in enumerate(scope["bs"]):
            value = self.eval(strip_subscript(base), info.name, scope["p"])
            unknown = ("?", info.name, sid, index)
            if value is not None and value[0] == "C":
                base_info = self.module(value[1])
                if base_info is None:
                    sequences.append([unknown])
                    continue
                base_order = self.mro(base_info, value[2])
                sequences.append(
                    [e if e is not None else ("?", value[1], value[2], i)
                     for i, e in enumerate(base_order)]
                )
            elif value == ("B", "object") or (
                value is not None and value[0] == "X" and value[1] in kinds.NEUTRAL_BASES
            ):
                continue
            else:
                sequences.append([unknown])
        sequences.append([seq[0] for seq in sequences])
        order: List[Any] = [(info.name, sid)]
        while any(sequences):
            sequences = [seq for seq in sequences if seq]
            for seq in sequences:
                head = seq[0]
                if not any(head in other[1:] for other in sequences):
                    break
            else:
                return [None]  # no consistent order: Python would refuse the class
            order.append(head)
            sequences = [seq[1:] if seq[0] == head else seq for seq in sequences]
        return [None if entry[0] == "?" else entry for entry in order]

    def class_is_opaque(self, info: ModuleInfo, sid: int) -> bool:
        """A class whose decorators, metaclass or class keywords may change its members."""
        scope = info.scopes[sid]
        if scope.get("kw"):
            return True
        parent = scope["p"]
        if scope.get("mc") is not None:
            meta = self.eval(scope["mc"], info.name, parent)
            if meta is None or not (
                meta == ("B", "type") or (meta[0] == "X" and meta[1] in kinds.NEUTRAL_METACLASSES)
            ):
                return True
        for decorator in scope["d"]:
            target = decorator[1] if decorator[0] == "c" else decorator
            value = self.eval(target, info.name, parent)
            if value is None or value[0] != "X" or value[1] not in kinds.NEUTRAL_CLASS_DECORATORS:
                if not self._user_transparent(decorator, value, info.name):
                    return True
        # A project base's metaclass or ``__init_subclass__`` acts on this class too.
        for base in scope["bs"]:
            value = self.eval(strip_subscript(base), info.name, parent)
            if value is not None and value[0] == "C":
                base_info = self.module(value[1])
                if base_info is None:
                    continue
                if "__init_subclass__" in base_info.scopes[value[2]]["b"]:
                    return True
                opaque = self._guarded(
                    base_info, ("opaque", value[2]), self.class_is_opaque, base_info, value[2]
                )
                if opaque is not False:
                    return True
        return False

    def subclasses(self, info: ModuleInfo, sid: int) -> Optional[List[int]]:
        """Classes of the module deriving from ``sid``; None if that could not be decided."""
        return self._guarded(info, ("subs", sid), self._subclasses, info, sid)

    def _subclasses(self, info: ModuleInfo, sid: int) -> List[int]:
        result = []
        for other, scope in enumerate(info.scopes):
            if other != sid and scope["k"] == "c" and (info.name, sid) in self.mro(info, other):
                result.append(other)
        return result

    # -- calls -------------------------------------------------------------------------------
    def call(self, value: Value) -> Value:
        if value is None:
            return None
        tag = value[0]
        if tag == "F":
            kind = self.func_kind(value[1], value[2])
            if kind in ("coro", "agen", "acm"):
                return ("O", kind, value[1], value[2])
            if kind == "sync":
                return self._sync_result(value[1], value[2])
            return None
        if tag in ("C", "Q"):
            info = self.module(value[1])
            if info is None or self.class_is_opaque(info, value[2]):
                return None
            if self._lookup_member(info, value[2], "__new__", False) is not None:
                return None
            return ("I" if tag == "C" else "S", value[1], value[2])
        if tag in ("I", "S"):
            return self.call(self.attr(value, "__call__"))
        if tag == "X":
            return ("X", f"{value[1]}()")  # something outside the project: still outside
        return None

    def awaited(self, value: Value) -> Value:
        """What ``await value`` gives, when the coroutine's returns all agree."""
        if value is None or value[0] != "O" or value[1] != "coro":
            return None
        return self.returned(value[2], value[3], ("agen",))

    def returned(self, mod: str, sid: int, wanted: Tuple[str, ...]) -> Value:
        """The common object kind all explicit returns of function ``sid`` evaluate to."""
        info = self.module(mod)
        if info is None:
            return None
        scope = info.scopes[sid]
        first: Value = None
        for desc in scope["r"]:
            value = self.eval(desc, mod, sid)
            if value is None or value[0] != "O" or value[1] not in wanted:
                return None
            if first is None:
                first = value
            elif first[1] != value[1]:
                return None
        return first

    def _sync_result(self, mod: str, sid: int) -> Value:
        info = self.module(mod)
        if info is None or info.scopes[sid]["y"]:
            return None
        result = self.returned(mod, sid, ("agen", "coro", "acm"))
        if result is not None:
            # The object is the wrapper's: messages name the function the caller called.
            return ("O", result[1], mod, sid)
        return self._factory_result(info, sid)

    def _factory_result(self, info: ModuleInfo, sid: int) -> Value:
        """A plain ``def`` whose every ``return`` builds an instance of the same project class
        (``def get_repo(): return Repo()``)."""
        first: Value = None
        for desc in info.scopes[sid]["r"]:
            value = self.eval(desc, info.name, sid)
            # Only exact classes: ``cls()`` may build a subclass defined in any module.
            if value is None or value[0] != "I":
                return None
            if first is None:
                first = value
            elif value != first:
                return None
        return first

    def func_kind(self, mod: str, sid: int) -> Optional[str]:
        """``coro``, ``agen``, ``acm``, ``sync`` or None (unknown) for function ``sid``."""
        info = self.module(mod)
        if info is None:
            return None
        return self._guarded(info, ("k", sid), self._func_kind, info, sid)

    def _func_kind(self, info: ModuleInfo, sid: int) -> Optional[str]:
        scope = info.scopes[sid]
        acm = False
        for decorator in scope["d"]:
            role = self.decorator_role(info, scope["p"], decorator)
            if role == "acm":
                acm = True
            elif role != "transparent":
                return None
        if acm:
            return "acm" if scope["a"] and scope["y"] else None
        if scope["a"]:
            return "agen" if scope["y"] else "coro"
        return "sync"

    def decorator_role(self, info: ModuleInfo, sid: int, decorator: Desc) -> str:
        """``transparent``, ``acm`` or ``unknown``."""
        if decorator[0] == "c":
            value = self.eval(decorator[1], info.name, sid)
            if value is not None and value[0] == "X":
                if value[1] in kinds.TRANSPARENT_DECORATOR_FACTORIES:
                    return "transparent"
            user = self._user_transparent(decorator, value, info.name)
            return "transparent" if user else "unknown"
        value = self.eval(decorator, info.name, sid)
        if value in (("B", "staticmethod"), ("B", "classmethod")):
            return "transparent"
        if value is not None and value[0] == "X":
            qualified = value[1]
            if qualified in kinds.ASYNC_CONTEXT_MANAGER_DECORATORS:
                return "acm"
            if qualified in kinds.TRANSPARENT_DECORATORS or qualified in kinds.OVERLOAD_DECORATORS:
                return "transparent"
        return "transparent" if self._user_transparent(decorator, value, info.name) else "unknown"

    def _user_transparent(self, decorator: Desc, value: Value, mod: str) -> bool:
        if not self.transparent:
            return False
        names = set()
        text = dotted(decorator[1] if decorator[0] == "c" else decorator)
        if text:
            names.add(text)
        if value is not None:
            if value[0] == "X":
                names.add(value[1])
            elif value[0] in ("F", "C"):
                info = self.module(value[1])
                if info is not None:
                    names.add(f"{value[1]}.{info.scopes[value[2]]['q']}")
        return bool(names & self.transparent)

    # -- facts for messages and definition rules ---------------------------------------------
    def function_label(self, mod: str, sid: int) -> Tuple[str, str]:
        """(qualified name, ``path:line``) of a function, for messages."""
        info = self.module(mod)
        if info is None:
            return ("?", "?")
        scope = info.scopes[sid]
        return (scope["q"], f"{info.display}:{scope['l']}")

    def has_decorator(self, mod: str, sid: int, names: frozenset[str]) -> bool:
        info = self.module(mod)
        if info is None:
            return False
        scope = info.scopes[sid]
        for decorator in scope["d"]:
            value = self.eval(decorator, mod, scope["p"])
            if value is not None and value[0] == "X" and value[1] in names:
                return True
        return False

    def in_protocol(self, mod: str, sid: int) -> bool:
        info = self.module(mod)
        if info is None:
            return False
        parent = info.scopes[sid]["p"]
        if parent < 0 or info.scopes[parent]["k"] != "c":
            return False
        for base in info.scopes[parent]["bs"]:
            value = self.eval(strip_subscript(base), mod, info.scopes[parent]["p"])
            if value is not None and value[0] == "X" and value[1] in kinds.PROTOCOL_BASES:
                return True
        return False

    def is_async_iterator_annotation(self, mod: str, sid: int) -> Optional[str]:
        info = self.module(mod)
        if info is None:
            return None
        scope = info.scopes[sid]
        annotation = scope.get("an")
        if annotation is None:
            return None
        value = self.eval(strip_subscript(annotation), mod, scope["p"])
        if value is not None and value[0] == "X" and value[1] in kinds.ASYNC_ITERATOR_ANNOTATIONS:
            return str(value[1]).rsplit(".", 1)[-1]
        return None
