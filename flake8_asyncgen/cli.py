"""``flake8-asyncgen``: the AGN checks without flake8 (much faster), for CI, pre-commit,
editors and ruff users; and the only way to apply fixes.

Configuration (:mod:`config`), ``# noqa`` and selection (:mod:`noqa`, flake8's own logic),
file discovery and reading (:mod:`sources`) and output formats (:mod:`output`) each live in
their own module; this one parses the command line, checks one file at a time (a failure on
one file is reported on that file and the run goes on), streams the results and picks the
exit status.

Exit status: 0 nothing reported, 1 problems reported, 2 usage or configuration error, 3 a
file could not be read (E902) or written (--fix), 4 a file could not be analysed (AGN900) or
the command itself failed, 130 interrupted (Ctrl-C), 141 the output was closed (``| head``).
"""

from __future__ import annotations

import argparse
import ast
import difflib
import os
import sys
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Sequence, Set, Tuple

from . import __version__
from .analyzer import FileTooLarge, Finding, Result, analyse, cached_result, fewer_collections
from .cache import flush_all
from .config import KEYS, load, parse_value
from .fixes import Fix, apply_fixes
from .messages import CODES, format_message, internal_failure_reason
from .noqa import Decider, file_is_noqa, inline_ignored, noqa_lines
from .output import FORMATS, Formatter, Item, make_formatter, statistics
from .project import environment_notes
from .ruledocs import normalize_code, rule_page, rule_url
from .settings import OPTIONS, ConfigurationError, Settings, settings_from_values
from .sources import (
    DEFAULT_EXCLUDE,
    DEFAULT_FILENAME,
    Source,
    discover,
    excluded_by,
    read_file,
    read_stdin,
)

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_INTERNAL = 4
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


# ---------------------------------------------------------------------------------------------
# Command line


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flake8-asyncgen",
        description="Find (and fix) coroutines, async generators and async context managers "
        "used the wrong way. The same checks run inside flake8 as the AGN plugin; this "
        "command reads the same configuration and honours `# noqa` exactly as flake8 does. "
        "`flake8-asyncgen rule AGN201` prints a rule's page.",
        epilog="Exit status: 0 nothing reported, 1 problems reported, 2 usage or "
        "configuration error, 3 a file could not be read (E902) or written, 4 a file could not be "
        "analysed (AGN900) or an internal error, 130 interrupted, 141 output closed.",
    )
    parser.add_argument("paths", nargs="*", help="files and folders to check (default: .); "
                        "`-` reads standard input")
    fixing = parser.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true",
                        help="apply the safe fixes, then report what remains")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, also fixes that change what callers must "
                        "write")
    fixing.add_argument("--diff", action="store_true",
                        help="print the fixes as a diff (`git apply` takes it) and change "
                        "nothing; problems go to standard error")
    fixing.add_argument("--show-fixes", action="store_true",
                        help="mark fixable problems with [fix] / [unsafe fix] and count them")
    out = parser.add_argument_group("output")
    out.add_argument("--output-format", choices=FORMATS, default="text",
                     help="text (flake8's format, default), json, sarif (2.1.0) or github "
                     "(workflow annotations)")
    out.add_argument("--statistics", action="store_true", help="count problems per code")
    out.add_argument("--exit-zero", action="store_true",
                     help="exit 0 even if problems are reported (not on errors)")
    out.add_argument("--explain", metavar="CODE", help="print the page of a rule and exit")
    out.add_argument("--verbose", action="store_true",
                     help="say once (on standard error) where installed packages were read "
                     "from, and which imported packages are not installed there")
    selection = parser.add_argument_group("selection (as flake8's options)")
    for flag in ("select", "ignore", "extend-select", "extend-ignore"):
        selection.add_argument(f"--{flag}", metavar="CODES", default=None,
                               help="comma-separated codes or prefixes")
    selection.add_argument("--per-file-ignores", metavar="MAPPING", default=None,
                           help="`pattern:codes` pairs, as flake8's per-file-ignores")
    selection.add_argument("--disable-noqa", action="store_true", default=None,
                           help="report problems even on lines with `# noqa`")
    files = parser.add_argument_group("files")
    files.add_argument("--exclude", metavar="PATTERNS", default=None,
                       help="comma-separated patterns to skip (replaces the default: "
                       f"{','.join(DEFAULT_EXCLUDE)})")
    files.add_argument("--extend-exclude", metavar="PATTERNS", default=None,
                       help="patterns to skip in addition to --exclude")
    files.add_argument("--filename", metavar="PATTERNS", default=None,
                       help="patterns of files to check inside folders (default: *.py)")
    files.add_argument("--stdin-filename", metavar="PATH", default=None,
                       help="the name of the file read from `-`: used for display, "
                       "per-file-ignores and to resolve imports from its folder")
    files.add_argument("--config", metavar="FILE", default=None,
                       help="read only this configuration file (pyproject.toml, setup.cfg, "
                       "tox.ini or .flake8)")
    files.add_argument("-j", "--jobs", metavar="N", default="auto",
                       help="check files in N processes (default: auto, one per CPU)")
    files.add_argument("--isolated", action="store_true",
                       help="read no configuration file")
    agn = parser.add_argument_group("analysis (the plugin's options)")
    for spec in OPTIONS:
        if spec.kind == "flag":
            agn.add_argument(spec.flag, action="store_true", default=None, help=spec.help)
        else:
            agn.add_argument(spec.flag, default=None, help=spec.help)
    parser.add_argument("--version", action="version", version=f"flake8-asyncgen {__version__}")
    return parser


class Run(NamedTuple):
    """Everything one run depends on, resolved from configuration and command line."""

    settings: Settings
    decider: Decider
    exclude: List[str]
    filename: List[str]
    disable_noqa: bool


def resolve(options: argparse.Namespace) -> Run:
    """Merge command line over configuration files; raises ConfigurationError."""
    config = load(options.config, options.isolated)
    values: Dict[str, Any] = dict(config.values)
    for key in KEYS:
        given = getattr(options, key.replace("-", "_"), None)
        if given is not None:
            values[key] = parse_value(key, given, f"--{key}", os.getcwd())
    settings = settings_from_values(
        values.get("agn-transparent-decorators", ""),
        values.get("agn-roots", ""),
        values.get("agn-cache-dir", OPTIONS_DEFAULTS["agn-cache-dir"]),
        values.get("agn-no-cache", False),
        values.get("agn-max-file-size", OPTIONS_DEFAULTS["agn-max-file-size"]),
        values.get("agn-python", OPTIONS_DEFAULTS["agn-python"]),
    )
    decider = Decider(
        values.get("select"), values.get("ignore"), values.get("extend-select"),
        values.get("extend-ignore"), values.get("per-file-ignores", []),
    )
    exclude = list(values.get("exclude", DEFAULT_EXCLUDE)) + list(values.get("extend-exclude", []))
    return Run(settings, decider, exclude, list(values.get("filename", DEFAULT_FILENAME)),
               bool(values.get("disable-noqa", False)))


OPTIONS_DEFAULTS = {spec.flag[2:]: spec.default for spec in OPTIONS}


# ---------------------------------------------------------------------------------------------
# One file


class Checked(NamedTuple):
    """What checking one file gave: what to report, and what fixing needs."""

    items: List[Item]
    source: Optional[Source]
    result: Optional[Result]
    shown: List[Finding]  # the reported AGN findings (fix candidates)


def _syntax_position(exc: BaseException) -> Tuple[int, int]:
    # flake8's _extract_syntax_information: the row and column of the exception's token.
    args: Tuple[Any, ...] = tuple(getattr(exc, "args", ()))
    if len(args) > 1 and args[1] and len(args[1]) > 2:
        row, column = args[1][1:3]
        return int(row or 1), int(column or 0)
    return 1, 0


def check_file(
    path: str, display: str, run: Run, source: Optional[Source] = None, fixing: bool = False
) -> Checked:
    """Check one file (``source`` given for standard input); never raises an Exception.

    Findings cached by an earlier run are used, without parsing the file, when everything
    they were made from holds; not when ``fixing`` (fixes are always derived afresh)."""
    def item(line: int, col: int, message: str) -> Item:
        code, _, text = message.partition(" ")
        return Item(display, line, col, code, text, None)

    if source is None:
        try:
            source = read_file(path)
        except OSError as exc:
            return Checked([item(0, 1, f"E902 {type(exc).__name__}: {exc}")], None, None, [])
    lines = source.lines
    if not run.disable_noqa and file_is_noqa(lines):
        return Checked([], source, None, [])
    result: Optional[Result] = None
    if not fixing:
        try:
            result = cached_result(lines, os.path.abspath(path), run.settings)
        except Exception:  # noqa: BLE001 - a cache that cannot be read is a miss
            result = None
    if result is None:
        return _check_source(path, display, run, source)
    return _reported(display, run, source, result)


class _NotParsed(Exception):
    """The file being checked could not be parsed (``error`` says why)."""

    def __init__(self, error: Exception) -> None:
        super().__init__(error)
        self.error = error


def _check_source(path: str, display: str, run: Run, source: Source) -> Checked:
    """``check_file`` when no cached findings can be used: parse and analyse."""
    def item(line: int, col: int, message: str) -> Item:
        code, _, text = message.partition(" ")
        return Item(display, line, col, code, text, None)

    lines = source.lines

    def parse() -> ast.Module:
        try:
            return ast.parse("".join(lines))
        except Exception as exc:  # noqa: BLE001 - reported below, for this file only
            raise _NotParsed(exc) from exc

    try:
        # Parsed only when needed: not when this process read the file for another file's
        # sake earlier in the run, which listed everything the rules judge.
        result = analyse(parse, lines, os.path.abspath(path), run.settings, look_up=False)
    except _NotParsed as failed:
        exc = failed.error
        if isinstance(exc, (SyntaxError, ValueError)):
            row, column = _syntax_position(exc)
            reason = exc.args[0] if exc.args else str(exc)
            checked = [item(row, column + 1, f"E999 {type(exc).__name__}: {reason}")]
        else:  # RecursionError, MemoryError: this file only
            checked = [item(1, 1, format_message("AGN900", reason=internal_failure_reason(exc)))]
        return Checked(_selected(checked, run, lines), source, None, [])
    except FileTooLarge as exc:  # the same reason and wording as the plugin's
        checked = [item(1, 1, format_message("AGN900", reason=str(exc.args[0])))]
        return Checked(_selected(checked, run, lines), source, None, [])
    except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the run
        checked = [item(1, 1, format_message("AGN900", reason=internal_failure_reason(exc)))]
        return Checked(_selected(checked, run, lines), source, None, [])
    return _reported(display, run, source, result)


def _reported(display: str, run: Run, source: Source, result: Result) -> Checked:
    """What of ``result`` is reported: the selected findings no ``# noqa`` comment hides."""
    lines = source.lines
    mapping = noqa_lines(lines) if result.findings and not run.disable_noqa else {}
    shown: List[Finding] = []
    items: List[Item] = []
    for finding in result.findings:
        if not run.decider.selected(finding.code, display):
            continue
        physical = mapping.get(finding.line)
        if physical is None and 0 < finding.line <= len(lines):
            physical = lines[finding.line - 1]
        if not run.disable_noqa and inline_ignored(finding.code, physical):
            continue
        shown.append(finding)
        items.append(_item(display, finding))
    return Checked(items, source, result, shown)


def _item(display: str, finding: Finding) -> Item:
    fix = finding.fix
    text = finding.message.partition(" ")[2]
    if fix is None:
        return Item(display, finding.line, finding.col + 1, finding.code, text, None)
    return Item(display, finding.line, finding.col + 1, finding.code, text,
                "safe" if fix.safe else "unsafe", fix.description)


def _selected(items: List[Item], run: Run, lines: Sequence[str]) -> List[Item]:
    mapping = noqa_lines(lines) if items and not run.disable_noqa else {}
    kept = []
    for entry in items:
        if not run.decider.selected(entry.code, entry.path):
            continue
        if not run.disable_noqa and inline_ignored(entry.code, mapping.get(entry.line)):
            continue
        kept.append(entry)
    return kept


# ---------------------------------------------------------------------------------------------
# Fixing: the one place where fixes are applied and written (the fixer plugs in here)


class FixOutcome(NamedTuple):
    applied: List[Fix]
    new_text: Optional[str]  # the fixed text, or None if nothing changed


def compute_fixes(checked: Checked, unsafe: bool) -> FixOutcome:
    """Apply the wanted fixes of one file's reported findings, in memory."""
    result = checked.result
    if result is None or result.module is None or checked.source is None:
        return FixOutcome([], None)
    wanted = [f.fix for f in checked.shown if isinstance(f.fix, Fix) and (f.fix.safe or unsafe)]
    if not wanted:
        return FixOutcome([], None)
    new_text, applied = apply_fixes(result.module, wanted)
    if new_text == "".join(checked.source.lines):
        return FixOutcome([], None)
    return FixOutcome(applied, new_text)


def on_disk(text: str, source: Source) -> str:
    """``text`` (universal newlines) with the file's own line ending put back."""
    if source.newline and source.newline != "\n":
        return text.replace("\n", source.newline)
    return text


def write_fixed(path: str, new_text: str, source: Source) -> None:
    """Write the fixed file atomically, in its own encoding (BOM included) and line endings,
    refusing if it changed since it was read (``textfile``)."""
    from .textfile import WriteRefused, read_source, write_source

    current = read_source(path)
    if current.text != "".join(source.lines):
        raise OSError(f"{path} changed since it was read: not written")
    try:
        write_source(current, new_text, os.getcwd())
    except WriteRefused as exc:
        raise OSError(str(exc)) from None


def unified_diff(display: str, source: Source, new_text: str) -> str:
    """A diff of the file as it is on disk, with a/ b/ prefixes, that ``git apply`` takes."""
    return _text_diff(display, on_disk("".join(source.lines), source), on_disk(new_text, source))


def _split(text: str) -> List[str]:
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


# ---------------------------------------------------------------------------------------------
# The run


class _Progress:
    """A one-line progress display on a terminal (standard error), nothing otherwise."""

    def __init__(self, total: int) -> None:
        self.enabled = total > 20 and sys.stderr.isatty()
        self.total = total
        self.shown = False

    def update(self, done: int, path: str) -> None:
        if self.enabled:
            sys.stderr.write(f"\r\x1b[K[{done}/{self.total}] {path}"[:200])
            sys.stderr.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


def print_rule(code_or_name: str) -> int:
    code = normalize_code(code_or_name)
    if code is None:
        known = ", ".join(CODES)
        print(f"flake8-asyncgen: unknown rule {code_or_name!r} (known: {known})",
              file=sys.stderr)
        return EXIT_USAGE
    page = rule_page(code)
    if page is None:
        print(f"{code} {CODES[code].name}: {rule_url(code)}")
    else:
        sys.stdout.write(page if page.endswith("\n") else page + "\n")
        sys.stdout.flush()
    return EXIT_CLEAN


def _run(argv: Optional[Sequence[str]]) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 2 and args[0] == "rule" and normalize_code(args[1]) is not None:
        return print_rule(args[1])
    if args[:1] == ["rule"] and not os.path.exists("rule"):
        if len(args) != 2:
            print("usage: flake8-asyncgen rule CODE", file=sys.stderr)
            return EXIT_USAGE
        return print_rule(args[1])
    parser = build_parser()
    options = parser.parse_args(args)
    if options.explain:
        return print_rule(options.explain)
    try:
        run = resolve(options)
        _jobs(str(options.jobs))
    except ConfigurationError as exc:
        message = str(exc)
        if message.startswith("flake8-asyncgen: "):
            message = message[len("flake8-asyncgen: "):]
        print(f"flake8-asyncgen: error: {message}", file=sys.stderr)
        return EXIT_USAGE
    if options.fix and options.diff:
        parser.error("--fix and --diff cannot be used together")
    paths = options.paths or ["."]
    files = discover(paths, run.exclude, run.filename)
    if options.stdin_filename and "-" in files:
        if excluded_by(options.stdin_filename, run.exclude):
            files = [f for f in files if f != "-"]
    # With --diff (and --fix of standard input) standard output carries the code: problems
    # go to standard error.
    to_stderr = options.diff or (options.fix and "-" in files)
    report_stream = sys.stderr if to_stderr else sys.stdout
    formatter: Formatter = make_formatter(options.output_format, report_stream,
                                          options.show_fixes)
    progress = _Progress(len(files))
    fixed = 0
    unreadable = internal = False
    if (options.fix or options.diff) and "-" not in files:
        # Files on disk are fixed together, in verified rounds (fixer.py); what remains is then
        # reported by the loop below, which reads the files as they now are.
        fixed, failed = _fix_files(files, run, options)
        unreadable = unreadable or failed
        fixing = options.fix
        options.fix = options.diff = False
    else:
        fixing = options.fix
    parallel = _parallel_results(files, run, options) if not options.fix and not options.diff \
        else None
    notes: Dict[str, Set[str]] = {}
    for number, path in enumerate(files, start=1):
        progress.update(number, path)
        if parallel is not None:
            # Checked in another process: only what is reported comes back (and what that
            # process learnt of the environment).
            reported, worker_notes = next(parallel)
            for description, names in worker_notes:
                notes.setdefault(description, set()).update(names)
            checked = Checked(reported, None, None, [])
        elif path == "-":
            display = options.stdin_filename or "stdin"
            checked = check_file(display, display, run, read_stdin(),
                                 fixing=bool(options.fix or options.diff))
        else:
            checked = check_file(path, path, run)
        if options.fix or options.diff:
            try:
                outcome = compute_fixes(checked, options.unsafe_fixes)
            except Exception as exc:  # noqa: BLE001 - a failed fix leaves the file as it was
                print(f"flake8-asyncgen: {path}: could not compute fixes "
                      f"({internal_failure_reason(exc)})", file=sys.stderr)
                internal = True
                outcome = FixOutcome([], None)
            source = checked.source
            written = False
            if path == "-" and options.fix and source is not None:
                # An editor replaces its buffer with what comes out: the code, fixed or not.
                text = outcome.new_text if outcome.new_text is not None else "".join(source.lines)
                sys.stdout.write(on_disk(text, source))
                sys.stdout.flush()
                written = outcome.new_text is not None
            elif outcome.new_text is not None and source is not None:
                if options.diff:
                    progress.clear()
                    display = checked.items[0].path if checked.items else path
                    sys.stdout.write(unified_diff(display, source, outcome.new_text))
                    sys.stdout.flush()
                else:
                    try:
                        write_fixed(path, outcome.new_text, source)
                    except OSError as exc:
                        print(f"flake8-asyncgen: {path}: could not write the fixes: {exc}",
                              file=sys.stderr)
                        unreadable = True
                    else:
                        written = True
            if written:
                fixed += len(outcome.applied)
                done = {id(fix.target) for fix in outcome.applied}
                # The items are the shown findings, in order: keep what remains.
                checked = checked._replace(items=[
                    entry for entry, finding in zip(checked.items, checked.shown)
                    if not isinstance(finding.fix, Fix) or id(finding.fix.target) not in done
                ])
        progress.clear()
        formatter.file_done(checked.items)
        for entry in checked.items:
            if entry.code == "E902":
                unreadable = True
            elif entry.code == "AGN900":
                internal = True
    progress.clear()
    formatter.finish()
    if parallel is not None:
        for _ in parallel:  # past the last file: the pool is closed, its workers end normally
            pass
    flush_all()
    if options.verbose:
        for description, names in environment_notes():
            notes.setdefault(description, set()).update(names)
        _print_environment_notes(notes)
    items = formatter.items
    if options.statistics:
        stream = sys.stdout if options.output_format in ("text", "github") else sys.stderr
        for line in statistics(items):
            print(line, file=stream)
    if options.show_fixes:
        safe = sum(1 for entry in items if entry.fix == "safe")
        unsafe = sum(1 for entry in items if entry.fix == "unsafe")
        if safe or unsafe:
            print(f"flake8-asyncgen: {safe} fixable with --fix, {unsafe} more with "
                  "--fix --unsafe-fixes", file=sys.stderr)
    if fixing:
        print(f"flake8-asyncgen: fixed {fixed}, {len(items)} left", file=sys.stderr)
    sys.stdout.flush()
    if internal:
        return EXIT_INTERNAL
    if unreadable:
        return EXIT_UNREADABLE
    if items and not options.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


# A worker's view of the run (set before the worker processes fork).
_WORKER_RUN: Optional[Run] = None


def _report_chunk(paths: List[str]) -> List[Tuple[List[Item], List[Tuple[str, List[str]]]]]:
    assert _WORKER_RUN is not None
    return [(check_file(path, path, _WORKER_RUN).items, environment_notes()) for path in paths]


def _neighbour_chunks(files: Sequence[str], jobs: int) -> List[List[str]]:
    """``files`` cut, in order, into runs that shrink as the work is handed out: each run
    holds ``1 / (2 * jobs)`` of the bytes not yet handed out, and at least ``1 / (16 * jobs)``
    of all of them.

    Neighbouring files import each other: a process that read a module for one file's sake
    lints it without parsing or walking it again when it is in the same run of files
    (measured on the benchmark corpus, two jobs, cold cache, 5 pairs: runs of a quarter of the
    bytes each took 0.95x the wall time of runs of a sixteenth).  Large runs first keep that;
    small runs last let the processes finish together, since a file's time is far from
    proportional to its bytes (with four equal runs, one of two processes sat idle for 0.2 s
    of a 1.35 s run)."""
    sizes = []
    for path in files:
        try:
            sizes.append(max(1, os.stat(path).st_size))
        except OSError:
            sizes.append(1)
    left = sum(sizes)
    smallest = left / (16 * jobs)
    share = max(left / (2 * jobs), smallest)
    chunks: List[List[str]] = [[]]
    filled = 0
    for path, size in zip(files, sizes):
        if filled >= share:
            chunks.append([])
            left -= filled
            filled = 0
            share = max(left / (2 * jobs), smallest)
        chunks[-1].append(path)
        filled += size
    return chunks


def _print_environment_notes(notes: Dict[str, Set[str]]) -> None:
    """``--verbose``: once per run, where installed packages came from and what is missing."""
    for description, names in sorted(notes.items()):
        print(f"flake8-asyncgen: installed packages are read from {description}",
              file=sys.stderr)
        if names:
            shown = ", ".join(sorted(names)[:20])
            more = f" and {len(names) - 20} more" if len(names) > 20 else ""
            print(f"flake8-asyncgen: imported but not installed there: {shown}{more} "
                  "(their APIs are unknown, so their uses are not checked; see --agn-python)",
                  file=sys.stderr)


def _jobs(value: str) -> int:
    if value in ("", "auto"):
        return os.cpu_count() or 1
    try:
        return max(1, int(value))
    except ValueError:
        raise ConfigurationError(f"--jobs: {value!r} is not a number or 'auto'") from None


def _parallel_results(
    files: Sequence[str], run: Run, options: argparse.Namespace
) -> Optional[Iterator[Tuple[List[Item], List[Tuple[str, List[str]]]]]]:
    """The reported items of each file, in order, checked by several processes (as ``flake8
    -j``); None when one process is better (one job, few files, standard input, no fork)."""
    global _WORKER_RUN
    jobs = min(_jobs(str(options.jobs)), len(files))
    if jobs < 2 or len(files) < 4 * jobs or "-" in files:
        return None
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    _WORKER_RUN = run
    pool = multiprocessing.get_context("fork").Pool(jobs)
    results = pool.imap(_report_chunk, _neighbour_chunks(files, jobs), chunksize=1)

    def ordered() -> Iterator[Tuple[List[Item], List[Tuple[str, List[str]]]]]:
        finished = False
        try:
            for chunk in results:
                yield from chunk
            finished = True
        finally:
            if finished:
                pool.close()  # the workers end normally: their exit hooks close their packs
            else:
                pool.terminate()
            pool.join()

    return ordered()


def _fix_files(files: Sequence[str], run: Run, options: argparse.Namespace) -> Tuple[int, bool]:
    """Fix (``--fix``) or show the fixes of (``--diff``) every file on disk, through the fixer:
    one consistent view of the project, each change verified before anything is written.
    Returns how many fixes were written and whether something could not be fixed or written."""
    from .fixer import fix_project

    def selected(code: str, path: str) -> bool:
        return run.decider.selected(code, path)

    def suppressed(line: str, code: str) -> bool:
        return not run.disable_noqa and inline_ignored(code, line)

    roots = [p for p in (options.paths or ["."]) if os.path.isdir(p)]
    report = fix_project(
        list(files), run.settings, options.unsafe_fixes, selected, suppressed,
        write=bool(options.fix), allowed_roots=roots or None,
    )
    if options.diff:
        from .textfile import ReadFailed, read_source, restore_line_endings

        for path, (old, new) in sorted(report.changes.items()):
            try:
                source = read_source(path)  # the diff is of the file as it is on disk
                old = restore_line_endings(source, old)
                new = restore_line_endings(source, new)
            except (OSError, ReadFailed):
                pass
            sys.stdout.write(_text_diff(path, old, new))
        sys.stdout.flush()
    for refused in report.refused:
        print(f"flake8-asyncgen: {refused.path}:{refused.line}: {refused.code} fix not applied: "
              f"{refused.reason}", file=sys.stderr)
    for error in report.errors:
        where = f"{error.path}: " if error.path and error.path not in error.message else ""
        print(f"flake8-asyncgen: error: {where}{error.message}", file=sys.stderr)
    written = set(report.written)
    fixed = sum(1 for applied in report.applied if applied.path in written)
    return fixed, bool(report.errors)


def _text_diff(display: str, old: str, new: str) -> str:
    """A diff with a/ b/ prefixes that ``git apply`` takes, from two texts."""
    name = os.path.relpath(display)
    if name.startswith(".."):
        name = os.path.abspath(display)  # outside the current folder: git needs -p0 / --directory
    name = name.replace(os.sep, "/")
    out: List[str] = [f"diff --git a/{name} b/{name}\n"]
    for line in difflib.unified_diff(_split(old), _split(new), f"a/{name}", f"b/{name}"):
        if line.startswith(("---", "+++")):
            out.append(line.rstrip("\n") + "\n")
        elif line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _silence_stdout() -> None:
    # After a broken pipe, Python flushes stdout again at exit and complains: point it at
    # /dev/null first.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Optional[Sequence[str]] = None) -> int:
    try:
        with fewer_collections():  # the whole run: this process (and its workers) parse too
            return _run(argv)
    except KeyboardInterrupt:
        try:
            sys.stderr.write("\nflake8-asyncgen: interrupted\n")
        except (OSError, ValueError):
            pass
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - a crash of the command itself: one line, own status
        sys.stderr.write(f"flake8-asyncgen: {internal_failure_reason(exc)}\n")
        return EXIT_INTERNAL


def entry() -> None:
    """The console script: :func:`main`, and on Ctrl-C an immediate exit (an analysis thread
    still running must not keep the process alive)."""
    status = main()
    if status == EXIT_INTERRUPTED:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(status)
    sys.exit(status)


if __name__ == "__main__":  # pragma: no cover
    entry()
