"""Whole-file findings kept between runs, used only while everything they were made from holds.

Why: on a warm run nearly every file, and everything it imports, is unchanged.  Cached module
summaries spare the parsing, but every site would still be evaluated again, which is most of
what the plugin adds to flake8.  An unchanged file whose inputs are unchanged has the same
findings, so they are stored and reused.

What a file's findings depend on:

- its own text (the entry's digest);
- the run: the settings, import roots, the environment's site folders, the working directory
  (messages name files relative to it) and the interpreter (the entry's key), and the plugin's
  own code (the cache header);
- what the process had read of other files.  Facts worked out for one file are kept in memory
  and used again for the next, so a file's findings may depend on anything read earlier in the
  same process, not only on what its own analysis asked for.  Each project therefore keeps a
  :class:`Journal` of every such read, as *facts* that can be checked later: a module file's
  digest, where an import name was found (or that it was not), what a textual index of a
  folder was built from.  A file's entry names the journal as it stood when its findings were
  made, and is used only when every one of those facts still holds.

The journal is stored as a chain of chunks, each holding the facts recorded since the one
before and the name of the one before; a chunk is named by the digest of its content, so the
same run on the same tree writes the same chunks again (nothing piles up), two worker
processes that share a history share its chunks, and a chunk cannot be made to point back at
itself.  A chunk that is missing, damaged, or whose name is not its content's digest makes
every entry that needs it a miss.

Like every cache entry, these are untrusted input (see :mod:`cache`): shapes are checked, and
a finding's text must be printable.  The fix command never uses them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Set, Tuple

from .cache import EXPIRING_KEY_PREFIX, DiskCache

# The chain's start: the "previous chunk" of a journal's first chunk.
ORIGIN = "origin"
# Longest chain followed (a forged chain cannot loop: names are content digests; this only
# bounds the work).  A run records one chunk per linted file at most.
MAX_CHAIN = 200_000
_CHUNK_NAME = re.compile(r"[0-9a-f]{40}")
_CODE = re.compile(r"AGN[0-9]{3}")
_KINDS = frozenset({"file", "locate", "index", "package"})


class Fact(NamedTuple):
    """Something a file's analysis may have depended on, and what it was then: ``kind`` is
    ``file`` (key: a path; answer: the sha256 of its bytes), ``locate`` (key: a module name;
    answer: where it was found, or None), ``index`` / ``package`` (key: the project's roots /
    a top-level package; answer: what its textual index was built from)."""

    kind: str
    key: str
    answer: Any


class FixOffer(NamedTuple):
    """What a finding read back from the cache says about its fix (the fix itself is not
    kept: the fix command derives every fix again from the source)."""

    safe: bool
    description: str


class CachedFinding(NamedTuple):
    line: int
    col: int
    code: str
    message: str
    fix: Optional[FixOffer]


class Journal:
    """The facts one project has depended on in this process, in the order they were learnt."""

    def __init__(self) -> None:
        self._facts: List[Fact] = []
        self._seen: Set[Tuple[str, str]] = set()
        self._written = 0  # how many facts the chain at ``_head`` holds
        self._head = ORIGIN

    def record(self, kind: str, key: str, answer: Any) -> None:
        if (kind, key) not in self._seen:
            self._seen.add((kind, key))
            self._facts.append(Fact(kind, key, answer))

    def head(self, cache: DiskCache) -> str:
        """The name of the chain holding every fact recorded so far (the facts recorded since
        the last call are written as one new chunk)."""
        new = self._facts[self._written:]
        if new:
            body = {"previous": self._head, "facts": [list(fact) for fact in new]}
            name = _chunk_name(body)
            # Written even when an entry of that name exists: one that is damaged or forged
            # (wrong content under the name) is replaced rather than missed on every run.
            cache.store(_chunk_key(name), name, body)
            self._head = name
            self._written = len(self._facts)
        return self._head


def _chunk_name(body: Dict[str, Any]) -> str:
    text = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def _chunk_key(name: str) -> str:
    return f"{EXPIRING_KEY_PREFIX}{name}"


class ChainChecker:
    """Whether the facts of journal chains still hold, each chunk and fact checked once per
    process.  ``current`` gives a fact's answer now."""

    def __init__(self, cache: DiskCache, current: Callable[[str, str], Any]) -> None:
        self._cache = cache
        self._current = current
        self._answers: Dict[Tuple[str, str], Any] = {}
        self._verdicts: Dict[str, bool] = {ORIGIN: True}

    def holds(self, head: str) -> bool:
        pending: List[Tuple[str, List[Fact]]] = []
        name = head
        while name not in self._verdicts:
            facts_and_previous = self._read_chunk(name)
            if facts_and_previous is None or len(pending) >= MAX_CHAIN:
                self._verdicts[name] = False
                break
            previous, facts = facts_and_previous
            pending.append((name, facts))
            name = previous
        verdict = self._verdicts[name]
        for name, facts in reversed(pending):
            verdict = verdict and all(self._fact_holds(fact) for fact in facts)
            self._verdicts[name] = verdict
        return verdict

    def _fact_holds(self, fact: Fact) -> bool:
        key = (fact.kind, fact.key)
        if key not in self._answers:
            self._answers[key] = _as_json(self._current(fact.kind, fact.key))
        return bool(self._answers[key] == fact.answer)

    def _read_chunk(self, name: str) -> Optional[Tuple[str, List[Fact]]]:
        if not _CHUNK_NAME.fullmatch(name):
            return None
        body = self._cache.load(_chunk_key(name), name)
        if body is None or _chunk_name(body) != name:
            return None
        previous, raw = body.get("previous"), body.get("facts")
        if not isinstance(previous, str) or not isinstance(raw, list):
            return None
        if previous != ORIGIN and not _CHUNK_NAME.fullmatch(previous):
            return None
        facts: List[Fact] = []
        for item in raw:
            if (
                not isinstance(item, list) or len(item) != 3
                or item[0] not in _KINDS or not isinstance(item[1], str)
            ):
                return None
            facts.append(Fact(item[0], item[1], item[2]))
        return previous, facts


def _as_json(answer: Any) -> Any:
    """The answer as it reads back from JSON (tuples become lists)."""
    return json.loads(json.dumps(answer))


def run_context(
    roots: Tuple[str, ...], site_dirs: Tuple[str, ...], settings_repr: str
) -> str:
    """What, besides the file and what it read, a file's findings depend on."""
    context = json.dumps(
        [list(roots), list(site_dirs), settings_repr, os.getcwd(), sys.version],
        separators=(",", ":"),
    )
    return hashlib.sha256(context.encode("utf-8", "surrogateescape")).hexdigest()


def entry_key(path: str) -> str:
    return f"findings\0{path}"


def entry_digest(text_digest: str, context: str) -> str:
    return hashlib.sha256(f"{text_digest}\0{context}".encode()).hexdigest()


def encode_entry(
    head: str, findings: List[CachedFinding], not_installed: List[str]
) -> Dict[str, Any]:
    return {
        "journal": head,
        "findings": [
            [f.line, f.col, f.code, f.message,
             None if f.fix is None else f.fix.safe, None if f.fix is None else f.fix.description]
            for f in findings
        ],
        "not_installed": not_installed,
    }


class Entry(NamedTuple):
    head: str
    findings: List[CachedFinding]
    not_installed: List[str]


def decode_entry(body: Dict[str, Any]) -> Optional[Entry]:
    """The entry, or None when it is not what this version writes (untrusted input)."""
    head, raw, names = body.get("journal"), body.get("findings"), body.get("not_installed")
    if not isinstance(head, str) or not isinstance(raw, list) or not isinstance(names, list):
        return None
    if head != ORIGIN and not _CHUNK_NAME.fullmatch(head):
        return None
    if not all(isinstance(n, str) and n.isidentifier() for n in names):
        return None
    findings: List[CachedFinding] = []
    for item in raw:
        if not isinstance(item, list) or len(item) != 6:
            return None
        line, col, code, message, safe, description = item
        if not (
            type(line) is int and type(col) is int and line >= 0 and col >= 0
            and isinstance(code, str) and _CODE.fullmatch(code)
            and isinstance(message, str) and message.startswith(code + " ")
            and message.isprintable()
        ):
            return None
        fix: Optional[FixOffer] = None
        if safe is not None or description is not None:
            if type(safe) is not bool or not isinstance(description, str):
                return None
            if not description.isprintable():
                return None
            fix = FixOffer(safe, description)
        findings.append(CachedFinding(line, col, code, message, fix))
    return Entry(head, findings, names)
