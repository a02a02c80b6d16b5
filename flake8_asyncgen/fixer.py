"""Fixing a project without breaking it: fixes applied in verified rounds, written at the end.

A fix can change what a function *is*: the unsafe AGN100 / AGN101 fix turns a coroutine
into an async generator, the AGN103 fix drops ``async``.  Fixes at its call sites that were
computed from the old kind (the safe AGN201 fix adds ``await``) would then be wrong, so the
fixes of one run are never applied from one stale view.  Instead :func:`fix_project`
works in rounds on a private working copy of the project:

1. analyse every linted file (no cache: facts are re-derived from the working copy);
2. take the eligible fixes of *one* kind only: definition-site fixes (AGN1xx) while there
   are any, else call-site fixes (AGN2xx), so call sites are always fixed against the
   callees' current kinds;
3. apply them in memory, file by file; a file whose new text does not ``compile()`` is not
   changed (and a fix that would drop ``async`` from a body that awaits is refused outright);
4. re-analyse the whole working copy and compare the findings of ours, as a multiset of
   (path, code, message without line numbers), over *all* linted files: if some finding is
   new, the round's changes are split in halves (then per file, then per fix) until each
   part is either verified or refused with the finding it would have added;
5. start again from 1 with the verified state, until no eligible fix is left.

Only when all of that is done are the changed files written, through
:func:`textfile.prepare_write` (every temporary file first; if any cannot be written,
none is) and :meth:`textfile.PendingWrite.commit`.  Everything that was not done is
listed in the :class:`FixReport`: refused fixes with their reason, errors, and the
findings left in the fixed project.

The working copy holds the project's Python files below the folder that contains the linted
files' import roots (and the current directory, when that is above them); the analysis runs
with that copy's image of the current directory as working directory, so import resolution
and the paths in messages are the same as in place.  Import roots given with ``--agn-roots``
outside that folder are read where they are (they are never changed).

The analyses run in this process: while one runs, the working directory is the copy's, and
:func:`project.forget_all` is called before and after it, so :func:`fix_project` must not
run at the same time as another analysis in the same process (the command never does).
Cost: one analysis of all linted files per round, plus one per refused change (a failed
round sets aside the changes the new findings point at, verifies the rest, then tries each
of those alone).
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
import shutil
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

from . import project as _project
from .analyzer import Finding, analyse
from .fixes import Fix, apply_fixes, awaits_in_own_body
from .project import find_root
from .settings import Settings
from .textfile import (
    PendingWrite,
    ReadFailed,
    SourceFile,
    WriteRefused,
    check_unchanged,
    check_writable,
    encode_text,
    prepare_write,
    read_source,
    split_lines,
)

DEFINITION_CODES = frozenset({"AGN100", "AGN101", "AGN102", "AGN103"})
MAX_ROUNDS = 20
# The working copy's limit: beyond it the command asks to be run from the project's folder
# rather than copying, say, a whole home directory that happens to be the current directory.
MAX_COPIED_FILES = 20_000
MAX_COPIED_BYTES = 64 * 1024 * 1024  # per file
_POSITION = re.compile(r"(\.pyi?):\d+(?::\d+)?")
_SKIP_DIRS = frozenset({
    "__pycache__", "node_modules", "build", "dist", "site-packages", "CVS",
})

Key = Tuple[str, str, str]  # (absolute path, code, message without positions)


@dataclass(frozen=True)
class AppliedFix:
    path: str
    line: int  # in the text the fix was computed from (the original file for a first round)
    code: str
    description: str


@dataclass(frozen=True)
class RefusedFix:
    path: str
    line: int  # in the fixed file when the finding is still there, else as it was found
    code: str
    reason: str


@dataclass(frozen=True)
class RemainingFinding:
    path: str
    line: int
    col: int  # 0-based, as Finding
    code: str
    message: str
    fix: Optional[str]  # "safe", "unsafe" or None


@dataclass(frozen=True)
class FileError:
    path: str
    message: str


@dataclass
class FixReport:
    applied: List[AppliedFix] = field(default_factory=list)
    refused: List[RefusedFix] = field(default_factory=list)
    remaining: List[RemainingFinding] = field(default_factory=list)
    errors: List[FileError] = field(default_factory=list)
    # path -> (text before, text after), both with "\n" line endings, for every changed file
    changes: Dict[str, Tuple[str, str]] = field(default_factory=dict)
    written: List[str] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        """0 when nothing is left to report, else 1 (findings left, fixes refused, errors)."""
        return 1 if self.errors or self.refused or self.remaining else 0


def message_key(message: str) -> str:
    """A message with the line (and column) numbers after file names removed: a fix that
    moves a definition down changes ``defined at m.py:5`` but not the finding."""
    return _POSITION.sub(r"\1", message)


class _FileResult(NamedTuple):
    findings: List[Finding]
    module: object  # libcst Module or None
    failure: Optional[str]  # why the analysis failed (then findings are empty)


class _Candidate(NamedTuple):
    path: str  # absolute
    finding: Finding
    fix: Fix
    line_text: str


class _Change(NamedTuple):
    path: str
    text: str
    candidates: Tuple[_Candidate, ...]


def _drops_async(fix: Fix) -> bool:
    import libcst as cst

    target, replacement = fix.target, fix.replacement
    return (
        isinstance(target, cst.FunctionDef)
        and isinstance(replacement, cst.FunctionDef)
        and target.asynchronous is not None
        and replacement.asynchronous is None
    )


def _compiles(text: str, path: str) -> Optional[str]:
    """None if ``text`` compiles, else why not."""
    try:
        compile(text, path, "exec", dont_inherit=True)
    except SyntaxError as exc:
        return f"the fixed file would not compile: {exc.msg} (line {exc.lineno})"
    except (ValueError, RecursionError, MemoryError) as exc:
        return f"the fixed file would not compile: {type(exc).__name__}"
    return None


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:
        return False


class _TooLarge(Exception):
    pass


class _Workspace:
    """A private copy of the project's Python files, analysed in this process."""

    def __init__(self, files: Sequence[str], settings: Settings) -> None:
        cwd = os.path.abspath(os.getcwd())
        anchors = [find_root(f) for f in files] + [os.path.dirname(f) for f in files]
        base = os.path.commonpath(anchors) if anchors else cwd
        if _inside(base, cwd):
            base = cwd  # the current directory is an import root: copy what it holds
        self.base = base
        self.temp = tempfile.mkdtemp(prefix="agn-fix-")
        self.tree = os.path.join(os.path.realpath(self.temp), "tree")
        needed = {self.base}
        for path in list(files) + anchors:
            folder = path if os.path.isdir(path) else os.path.dirname(path)
            while _inside(folder, self.base) and folder not in needed:
                needed.add(folder)
                folder = os.path.dirname(folder)
        self.copied = 0
        try:
            self._copy(needed)
        except BaseException:
            self.close()
            raise
        for path in files:  # also those below skipped or symlinked folders
            self._copy_file(path)
        if _inside(cwd, self.base):
            self.cwd = self.image(cwd)
        else:
            self.cwd = os.path.join(os.path.realpath(self.temp), "cwd")
        os.makedirs(self.cwd, exist_ok=True)
        roots = tuple(self.image(r) if _inside(r, self.base) else r for r in settings.roots)
        self.settings = dataclasses.replace(settings, cache_dir=None, roots=roots)
        self.texts: Dict[str, str] = {}  # what the copy holds for files rewritten in it

    def image(self, path: str) -> str:
        relative = os.path.relpath(path, self.base)
        return os.path.normpath(os.path.join(self.tree, relative))

    def _copy(self, needed: Iterable[str]) -> None:
        keep = set(needed)
        seen = {os.path.realpath(self.base)}
        # Symlinked folders are followed (Python imports through them), each real folder once.
        for folder, dirs, names in os.walk(self.base, followlinks=True):
            wanted = []
            for d in dirs:
                path = os.path.join(folder, d)
                if path in keep or (d.isidentifier() and d not in _SKIP_DIRS):
                    real = os.path.realpath(path)
                    if real not in seen:
                        seen.add(real)
                        wanted.append(d)
            dirs[:] = wanted
            for name in names:
                if name.endswith((".py", ".pyi")):
                    self.copied += 1
                    if self.copied > MAX_COPIED_FILES:
                        raise _TooLarge(
                            f"more than {MAX_COPIED_FILES} Python files below {self.base} "
                            "(the folder holding the current directory and the linted files' "
                            "import roots) would have to be copied to verify the fixes; run "
                            "the command from the project's folder"
                        )
                    self._copy_file(os.path.join(folder, name))

    def _copy_file(self, path: str) -> None:
        target = self.image(path)
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_COPIED_BYTES:
                return  # a FIFO or /dev/zero named *.py: never read (the engine skips it too)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(path, target)
        except OSError:
            pass  # unreadable: the analysis will not find it, in place or here

    def put(self, path: str, source: SourceFile, text: str) -> None:
        """Make the copy of ``path`` hold ``text`` (in the file's own encoding)."""
        if self.texts.get(path) == text:
            return
        target = self.image(path)
        data = source.data if text == source.text else encode_text(source, text)
        with open(target, "wb") as handle:
            handle.write(data)
        self.texts[path] = text

    def analyse(self, texts: Dict[str, str]) -> Dict[str, _FileResult]:
        """Analyse every file of ``texts`` (absolute original path -> text) as it would be
        analysed in place, with nothing remembered from earlier analyses."""
        results: Dict[str, _FileResult] = {}
        previous = os.getcwd()
        _project.forget_all()
        os.chdir(self.cwd)
        try:
            for path, text in texts.items():
                image = self.image(path)
                try:
                    tree = ast.parse(text, filename=image)
                    result = analyse(tree, split_lines(text), image, self.settings)
                except Exception as exc:  # noqa: BLE001 - one file's failure is a finding
                    results[path] = _FileResult([], None, f"{type(exc).__name__}")
                    continue
                results[path] = _FileResult(list(result.findings), result.module, None)
        finally:
            os.chdir(previous)
            _project.forget_all()
        return results

    def close(self) -> None:
        shutil.rmtree(self.temp, ignore_errors=True)


def _keys(analysis: Dict[str, _FileResult]) -> "Counter[Key]":
    keys: "Counter[Key]" = Counter()
    for path, result in analysis.items():
        if result.failure is not None:
            keys[(path, "AGN900", f"analysis failed: {result.failure}")] += 1
        for finding in result.findings:
            keys[(path, finding.code, message_key(finding.message))] += 1
    return keys


def _python_files(paths: Sequence[str]) -> List[str]:
    found: List[str] = []
    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(
                    d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS
                    and d not in ("venv", "__pypackages__")
                )
                found.extend(os.path.join(folder, n) for n in sorted(names) if n.endswith(".py"))
        else:
            found.append(path)
    return found


class _Fixer:
    def __init__(
        self,
        paths: Sequence[str],
        settings: Settings,
        unsafe: bool,
        selected: Callable[[str, str], bool],
        noqa: Optional[Callable[[str, str], bool]],
        allowed_roots: Optional[Sequence[str]],
    ) -> None:
        self.settings = settings
        self.unsafe = unsafe
        self.selected = selected
        self.noqa = noqa
        self.report = FixReport()
        self.given: Dict[str, str] = {}  # absolute path -> path as the caller gave it
        real_paths: Dict[str, str] = {}
        self.sources: Dict[str, SourceFile] = {}
        self.allowed: Dict[str, str] = {}
        self.frozen: Dict[str, str] = {}  # files that may not be written -> why
        self.workspace: _Workspace
        self.texts: Dict[str, str] = {}  # the verified state
        self.analysis: Dict[str, _FileResult] = {}  # of the verified state
        self.first_analysis: Dict[str, _FileResult] = {}  # of the files as read
        self.refused_keys: Dict[Tuple[str, str, str, str, int], None] = {}
        self.refusals: List[Tuple[Tuple[str, str, str, str, int], str]] = []
        roots = [os.path.abspath(r) for r in (allowed_roots or []) if os.path.isdir(r)]
        for path in _python_files(paths):
            absolute = os.path.abspath(path)
            if absolute in self.given or os.path.realpath(absolute) in real_paths:
                continue  # the same file twice (a symlink and its target): fixed once
            real_paths[os.path.realpath(absolute)] = absolute
            self.given[absolute] = path
            # The widest given folder holding the file is "the tree being fixed".
            owners = [r for r in roots if _inside(absolute, r)]
            self.allowed[absolute] = (
                min(owners, key=len) if owners else os.path.dirname(absolute)
            )

    # -- reading ------------------------------------------------------------------------
    def read_all(self) -> Dict[str, str]:
        texts: Dict[str, str] = {}
        for absolute, given in self.given.items():
            try:
                source = read_source(given)
            except ReadFailed as exc:
                self.error(absolute, exc.reason)
                continue
            try:
                ast.parse(source.text, filename=given)
            except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
                self.error(absolute, f"cannot parse: {exc}")
                continue
            self.sources[absolute] = source
            texts[absolute] = source.text
            try:
                check_writable(source, self.allowed[absolute])
            except WriteRefused as exc:
                self.frozen[absolute] = exc.reason
        return texts

    def error(self, path: str, message: str) -> None:
        self.report.errors.append(FileError(self.given.get(path, path), message))

    # -- choosing -----------------------------------------------------------------------
    def candidates(
        self, analysis: Dict[str, _FileResult], texts: Dict[str, str], definition: bool
    ) -> Dict[str, List[_Candidate]]:
        chosen: Dict[str, List[_Candidate]] = {}
        for path, result in analysis.items():
            lines = split_lines(texts[path])
            for finding in result.findings:
                fix = finding.fix
                if not isinstance(fix, Fix) or (finding.code in DEFINITION_CODES) != definition:
                    continue
                if not (fix.safe or self.unsafe):
                    continue
                if not self.selected(finding.code, self.given[path]):
                    continue
                line = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
                if self.noqa is not None and self.noqa(line, finding.code):
                    continue
                candidate = _Candidate(path, finding, fix, line)
                if self.key(candidate) in self.refused_keys:
                    continue
                if path in self.frozen:
                    self.refuse(candidate, f"not changed: {self.frozen[path]}")
                    continue
                if _drops_async(fix) and awaits_in_own_body(fix.target):
                    self.refuse(candidate, "its body uses `await` / `async for` / `async with`:"
                                " without `async` it would be a SyntaxError")
                    continue
                chosen.setdefault(path, []).append(candidate)
        return chosen

    @staticmethod
    def key(candidate: _Candidate) -> Tuple[str, str, str, str, int]:
        """Which finding a fix is for; the line number tells identical lines apart (a fix
        refused at a line that another fix then moves is tried once more, and refused)."""
        finding = candidate.finding
        return (candidate.path, finding.code, message_key(finding.message),
                candidate.line_text.strip(), finding.line)

    def refuse(self, candidate: _Candidate, reason: str) -> None:
        key = self.key(candidate)
        if key not in self.refused_keys:
            self.refused_keys[key] = None
            self.refusals.append((key, reason))

    def changes(
        self, analysis: Dict[str, _FileResult], chosen: Dict[str, List[_Candidate]]
    ) -> List[_Change]:
        """Each file's candidates applied to its current tree; files whose result does not
        compile keep only the fixes that compile on their own (if those compile together)."""
        out: List[_Change] = []
        for path, candidates in sorted(chosen.items()):
            module = analysis[path].module
            change = self.apply(path, module, candidates)
            if change is None:
                alone: List[_Candidate] = []
                for candidate in candidates:
                    text, _ = self._apply(module, [candidate])
                    problem = _compiles(text, path)
                    if text == self.texts[path]:
                        problem = "the fix changes nothing"
                    if problem is None:
                        alone.append(candidate)
                    else:
                        self.refuse(candidate, problem)
                change = self.apply(path, module, alone) if alone else None
                if change is None:
                    for candidate in alone:
                        self.refuse(candidate, "the file's fixes do not compile together")
                    continue
            # Candidates not in the change lie inside another fix's target: next round.
            out.append(change)
        return out

    @staticmethod
    def _apply(module: object, candidates: Sequence[_Candidate]) -> Tuple[str, List[Fix]]:
        return apply_fixes(module, [c.fix for c in candidates])  # type: ignore[arg-type]

    def apply(
        self, path: str, module: object, candidates: Sequence[_Candidate]
    ) -> Optional[_Change]:
        text, applied = self._apply(module, candidates)
        if text == self.texts[path] or _compiles(text, path) is not None:
            return None
        done = tuple(c for c in candidates if any(c.fix is f for f in applied))
        if not done:
            return None
        return _Change(path, text, done)

    # -- verifying ----------------------------------------------------------------------
    def run(self, workspace: _Workspace, texts: Dict[str, str]) -> Dict[str, str]:
        self.workspace = workspace
        self.texts = dict(texts)
        for path, text in texts.items():  # the bytes as read, even if a file changed since
            workspace.put(path, self.sources[path], text)
        self.analysis = self.first_analysis = workspace.analyse(self.texts)
        for _ in range(MAX_ROUNDS):
            progressed = False
            for definition in (True, False):
                chosen = self.candidates(self.analysis, self.texts, definition)
                if not chosen:
                    continue
                before = len(self.report.applied)
                self.settle(self.changes(self.analysis, chosen))
                if len(self.report.applied) > before:
                    progressed = True
                    break  # re-derive everything from the new state, definitions first
            if not progressed:
                break
        return self.texts

    def settle(self, changes: List[_Change]) -> None:
        if not changes:
            return
        trial = dict(self.texts)
        for change in changes:
            trial[change.path] = change.text
        for path, text in trial.items():
            self.workspace.put(path, self.sources[path], text)
        analysis = self.workspace.analyse(trial)
        after, before = _keys(analysis), _keys(self.analysis)
        added = after - before
        if not added and sum(after.values()) >= sum(before.values()):
            # Nothing new, but nothing gone either: these fixes do not fix. (A group with
            # such a fix among real ones passes; alone in a later round, it ends here.)
            for path, text in self.texts.items():
                self.workspace.put(path, self.sources[path], text)
            for change in changes:
                for candidate in change.candidates:
                    self.refuse(candidate, "the fix does not remove the finding")
            return
        if not added:
            self.texts, self.analysis = trial, analysis
            for change in changes:
                for candidate in change.candidates:
                    finding = candidate.finding
                    self.report.applied.append(AppliedFix(
                        self.given[change.path], finding.line, finding.code,
                        candidate.fix.description,
                    ))
            return
        for path, text in self.texts.items():  # back to the verified state
            self.workspace.put(path, self.sources[path], text)
        if len(changes) > 1:
            # Most likely to blame: the changed files the new findings are in or name as the
            # definition ("defined at ..."). Verify the others together, then each suspect
            # alone; with no (or only) suspects, split in halves.
            suspects = [c for c in changes if self.implicated(c.path, added)]
            if 0 < len(suspects) < len(changes):
                self.settle([c for c in changes if not any(c is x for x in suspects)])
                for suspect in suspects:
                    self.settle([suspect])
                return
            middle = len(changes) // 2
            self.settle(changes[:middle])
            self.settle(changes[middle:])
            return
        change = changes[0]
        if len(change.candidates) > 1:
            # The file has not changed since its tree was analysed (a change is one file's),
            # so the tree still applies; once one fix is taken, the rest wait for next round.
            module = self.analysis[change.path].module
            for candidate in change.candidates:
                single = self.apply(change.path, module, [candidate])
                if single is None:
                    self.refuse(candidate, "the fix does not compile without the file's others")
                    continue
                taken = len(self.report.applied)
                self.settle([single])
                if len(self.report.applied) > taken:
                    return
            return
        self.refuse(change.candidates[0], self.describe(added))

    def implicated(self, path: str, added: "Counter[Key]") -> bool:
        names = {os.path.relpath(path).replace(os.sep, "/"),
                 os.path.relpath(path, self.workspace.base).replace(os.sep, "/"),
                 os.path.relpath(path, find_root(path)).replace(os.sep, "/")}
        for where, _, message in added:
            if where == path or any(f"defined at {name}" in message for name in names):
                return True
        return False

    def describe(self, added: "Counter[Key]") -> str:
        (path, code, message), _ = sorted(added.items())[0]
        more = sum(added.values()) - 1
        where = self.given.get(path, path)
        text = f"it would add {code} in {where}: {message.split(' ', 1)[-1]}"
        return text + (f" (and {more} more new finding{'s' * (more > 1)})" if more else "")

    # -- reporting ----------------------------------------------------------------------
    def remaining(
        self, analysis: Dict[str, _FileResult], texts: Dict[str, str]
    ) -> Dict[Tuple[str, str, str, str], List[int]]:
        """Fill ``report.remaining`` from ``analysis`` of ``texts``; return where each
        finding is, by (path, code, message key, stripped line)."""
        self.report.remaining.clear()
        final: Dict[Tuple[str, str, str, str], List[int]] = {}
        for path, result in analysis.items():
            lines = split_lines(texts[path])
            for finding in result.findings:
                line = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
                final.setdefault(
                    (path, finding.code, message_key(finding.message), line.strip()), []
                ).append(finding.line)
                if not self.selected(finding.code, self.given[path]):
                    continue
                if self.noqa is not None and self.noqa(line, finding.code):
                    continue
                fix = finding.fix
                self.report.remaining.append(RemainingFinding(
                    self.given[path], finding.line, finding.col, finding.code, finding.message,
                    None if fix is None else ("safe" if fix.safe else "unsafe"),
                ))
        return final

    def finish(self, texts: Dict[str, str]) -> None:
        for path, result in self.analysis.items():
            if result.failure is not None:
                self.error(path, f"flake8-asyncgen could not analyse it ({result.failure})")
        final = self.remaining(self.analysis, texts)
        for key, reason in self.refusals:
            found_at = key[4]
            now = final.get(key[:4], [found_at])  # where that finding is in the fixed file
            self.report.refused.append(RefusedFix(
                self.given[key[0]], found_at if found_at in now else now[0], key[1], reason
            ))
        for path, text in texts.items():
            if text != self.sources[path].text:
                self.report.changes[self.given[path]] = (self.sources[path].text, text)

    def write(self, texts: Dict[str, str]) -> None:
        pending: List[PendingWrite] = []
        changed = [p for p, t in texts.items() if t != self.sources[p].text]
        failed = False
        for path in changed:
            try:
                pending.append(prepare_write(self.sources[path], texts[path], self.allowed[path]))
            except WriteRefused as exc:
                self.error(path, exc.reason)
                failed = True
        try:
            if not failed:
                for item in pending:
                    try:
                        check_unchanged(item.source)
                    except WriteRefused as exc:
                        self.report.errors.append(FileError(item.source.path, exc.reason))
                        failed = True
            if failed:
                self.report.errors.append(FileError(
                    "", f"no file written: the {len(changed)} fixed files are written together "
                    "or not at all, so that no module is left fixed against another module's "
                    "unwritten fix",
                ))
                return
            for item in pending:
                try:
                    item.commit()
                    self.report.written.append(item.source.path)
                except WriteRefused as exc:
                    self.report.errors.append(FileError(item.source.path, exc.reason))
        finally:
            for item in pending:
                item.abort()


def fix_project(
    paths: Sequence[str],
    settings: Settings,
    unsafe: bool,
    selected: Callable[[str, str], bool],
    noqa: Optional[Callable[[str, str], bool]] = None,
    *,
    write: bool = True,
    allowed_roots: Optional[Sequence[str]] = None,
) -> FixReport:
    """Fix the Python files ``paths`` (folders are searched for ``*.py``) and report.

    ``selected(code, path)`` says whether a code is reported and fixed in that file; ``noqa(line, code)``
    whether the physical line suppresses ``code`` (flake8's ``# noqa``).  ``unsafe``
    allows the fixes that change what callers must write.  With ``write=False`` nothing
    is written (``--diff``): the report's ``changes`` hold what would be written.  A file
    is written only if it lies (symlinks resolved) inside one of ``allowed_roots``
    (default: the folders given in ``paths``, and each given file's own folder).

    The settings' cache is not used: facts are re-derived from the files being fixed.
    """
    fixer = _Fixer(paths, settings, unsafe, selected, noqa,
                   allowed_roots if allowed_roots is not None
                   else [p for p in paths if os.path.isdir(p)])
    texts = fixer.read_all()
    if not texts:
        return fixer.report
    try:
        workspace = _Workspace(sorted(texts), settings)
    except _TooLarge as exc:
        fixer.report.errors.append(FileError("", f"no fix applied: {exc}"))
        return fixer.report
    try:
        texts = fixer.run(workspace, texts)
        fixer.finish(texts)
    finally:
        workspace.close()
    if write and fixer.report.changes:
        fixer.write(texts)
        if not fixer.report.written:  # all or nothing: the files are as they were read
            fixer.remaining(fixer.first_analysis, {p: s.text for p, s in fixer.sources.items()})
    return fixer.report
