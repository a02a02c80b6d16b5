"""Every AGN code is complete, and everything that describes it agrees with ``messages.CODES``.

A rule is: a rule class under ``flake8_asyncgen/rules`` that declares its code(s), a ``Code``
record in ``flake8_asyncgen/messages.py`` (name, message, fix availability, summary), a case file
under ``tests/cases`` with ``# error: AGNnnn``, a page ``docs/rules/AGNnnn.md`` with the fixed
sections, a row in ``docs/rules/README.md``'s index and in the README's rule table.  Adding a rule
without one of them, or changing a fact in one place only, fails here.

Each check is a function from text to a list of problems, so that a failure names every
disagreement at once, and so that the checks themselves are tested on small wrong inputs.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from typing import Dict, Iterator, List, Mapping, Set, Tuple

import pytest

from flake8_asyncgen.ruledocs import rule_url
import flake8_asyncgen.rules
from flake8_asyncgen.messages import CODES, FIX_HEADER, Code, FixAvailability

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "rules"
CASES = ROOT / "tests" / "cases"
FIXES = ROOT / "tests" / "fixes"
INTERNAL = {"AGN900"}  # a failure of the tool: no rule class, no case file

SECTIONS = ["What it does", "Why is this bad?", "Example", "Use instead", "Fix safety",
            "Known limitations"]
CODE_RE = re.compile(r"AGN\d{3}")
ERROR_COMMENT = re.compile(r"#\s*error:([^#\n]*)")
FIX_COMMAND = {"safe": "flake8-asyncgen --fix", "unsafe": "--unsafe-fixes"}


# --------------------------------------------------------------------------- reading the sources

def rule_classes() -> Dict[str, List[str]]:
    """Code -> the rule classes (``module.Class``) that declare it with ``code`` / ``codes``,
    found by importing every module of the ``flake8_asyncgen.rules`` package."""
    found: Dict[str, List[str]] = {}
    package = flake8_asyncgen.rules
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for cls_name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue  # imported here, declared elsewhere
            code = getattr(cls, "code", None)
            if not isinstance(code, str) or not code:
                continue  # not a rule (or the abstract base)
            for declared in getattr(cls, "codes", ()) or (code,):
                found.setdefault(declared, []).append(f"{module.__name__}.{cls_name}")
    return found


def error_codes(text: str) -> Set[str]:
    """The codes named by ``# error:`` comments of a case file."""
    codes: Set[str] = set()
    for body in ERROR_COMMENT.findall(text):
        codes |= set(CODE_RE.findall(body))
    return codes


def case_codes() -> Dict[str, List[str]]:
    """Code -> the case files (relative to tests/cases) that expect it."""
    found: Dict[str, List[str]] = {}
    for path in sorted(CASES.rglob("*.py")):
        for code in error_codes(path.read_text()):
            found.setdefault(code, []).append(path.relative_to(CASES).as_posix())
    return found


def table_rows(text: str, header_start: str) -> List[List[str]]:
    """The body rows (cells stripped) of the first Markdown table whose header row starts
    with ``header_start``."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(header_start):
            rows = []
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                rows.append([cell.strip() for cell in row.strip().strip("|").split("|")])
            return rows
    return []


def sections(text: str) -> List[Tuple[str, str]]:
    """The ``## `` sections of a page, in order: (title, body)."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts) - 1, 2)]


# --------------------------------------------------------------------------- the checks

def check_record(key: str, entry: Code) -> List[str]:
    problems = []
    if entry.code != key or not CODE_RE.fullmatch(key):
        problems.append(f"{key}: key and code {entry.code!r} must agree and read AGNnnn")
    if not re.fullmatch(r"[a-z]+(-[a-z]+)*", entry.name):
        problems.append(f"{key}: name {entry.name!r} is not kebab-case")
    if entry.fix not in FIX_HEADER:
        problems.append(f"{key}: fix {entry.fix!r} is not one of {sorted(FIX_HEADER)}")
    summary = entry.summary
    if not summary or "\n" in summary or "|" in summary or not summary.endswith("."):
        problems.append(f"{key}: summary must be one sentence on one line, no '|': {summary!r}")
    return problems


def check_page(code: str, entry: Code, text: str) -> List[str]:
    """The page's title, header lines and sections agree with ``entry``."""
    problems = []
    lines = text.splitlines()
    title = f"# {code}: {entry.name}"
    if not lines or lines[0] != title:
        problems.append(f"{code}.md: first line must be {title!r}")
    header = text.split("\n## ", 1)[0].splitlines()[1:]
    header = [line for line in header if line.strip()]
    if not header or not header[0].startswith("Reported at "):
        problems.append(f"{code}.md: the line under the title must say where it is reported")
    expected_fix = FIX_HEADER[entry.fix]
    if expected_fix not in header:
        problems.append(f"{code}.md: the header must state the fix as {expected_fix!r}")
    stated = [line for line in header if line.startswith("Automatic fix:")]
    if len(stated) > 1 or any("No automatic fix" in line for line in header):
        problems.append(f"{code}.md: the header states the fix more than once")
    found = [title for title, _ in sections(text)]
    if found != SECTIONS:
        problems.append(f"{code}.md: sections must be exactly {SECTIONS}, found {found}")
    fix_text = dict(sections(text)).get("Fix safety", "")
    if entry.fix == "none" and "--fix" in fix_text:
        problems.append(f"{code}.md: Fix safety describes a fix, but {code} has none")
    if entry.fix != "none" and FIX_COMMAND[entry.fix] not in fix_text:
        problems.append(f"{code}.md: Fix safety must say how to apply the {entry.fix} fix "
                        f"({FIX_COMMAND[entry.fix]!r})")
    if entry.fix != "none" and "no automatic fix" in fix_text.lower():
        problems.append(f"{code}.md: Fix safety says there is no automatic fix")
    return problems


def index_row(entry: Code) -> List[str]:
    return [entry.code, entry.name, entry.fix, entry.summary, f"[{entry.code}.md]({entry.code}.md)"]


def check_index(text: str, codes: Mapping[str, Code]) -> List[str]:
    """docs/rules/README.md's index lists every code, in order, from ``codes``."""
    rows = table_rows(text, "| Code | Name | Fix | Summary | Page |")
    expected = [index_row(entry) for entry in codes.values()]
    if rows == expected:
        return []
    wanted = "\n".join("| " + " | ".join(row) + " |" for row in expected)
    return [f"docs/rules/README.md: the index table must read (from messages.CODES):\n{wanted}"]


def check_readme(text: str, codes: Mapping[str, Code]) -> List[str]:
    """README.md's rule table has one row per code with its link and name, and its fix table
    lists exactly the codes that have a fix, with their safety."""
    problems = []
    rows = table_rows(text, "| code | name | finds |")
    listed = [(row[0], row[1]) for row in rows]
    # Absolute links: the README is the package's long description on PyPI.
    expected = [(f"[{c}]({rule_url(c)})", entry.name) for c, entry in codes.items()]
    if listed != expected:
        problems.append(f"README.md: the Rules table must list, in order, {expected}; "
                        f"found {listed}")
    fixable: Dict[str, str] = {}
    for row in table_rows(text, "| code | fix | safety |"):
        for code in CODE_RE.findall(row[0]):
            fixable[code] = row[2].split(":")[0].strip()
    expected_fixes = {c: entry.fix for c, entry in codes.items() if entry.fix != "none"}
    if fixable != expected_fixes:
        problems.append(f"README.md: the Fixing table must give {expected_fixes}; "
                        f"found {fixable}")
    return problems


def fix_flags(text: str) -> List[str]:
    """CLI flags of a golden fix file (first line ``# FIX: <flags>``, see tests/test_fixes.py)."""
    first = text.split("\n", 1)[0]
    return first.split("FIX:", 1)[1].split() if first.startswith("# FIX:") else []


def golden_fixes() -> Iterator[Tuple[str, List[str], bool]]:
    """(code from the file name, flags, whether the expected output differs from the input)
    for every golden fix file ``tests/fixes/agnNNN_*.py``."""
    for path in sorted(FIXES.glob("agn*.py")):
        code = "AGN" + path.name[3:6]
        text = path.read_text()
        changed = path.with_suffix(".expected").read_text() != text
        yield code, fix_flags(text), changed


def check_golden_fixes(code: str, entry: Code,
                       golden: List[Tuple[str, List[str], bool]]) -> List[str]:
    """The fix availability agrees with the golden files that tests/test_fixes.py runs:
    a safe fix changes a file under plain ``--fix``, an unsafe one needs ``--unsafe-fixes``,
    and a code without a fix has no golden file that changes."""
    changing = [flags for c, flags, changed in golden if c == code and changed]
    if entry.fix == "safe" and not any("--unsafe-fixes" not in flags for flags in changing):
        return [f"{code}: fix is 'safe' but no tests/fixes/{code.lower()}_*.py is fixed by "
                "plain --fix"]
    if entry.fix == "unsafe" and not changing:
        return [f"{code}: fix is 'unsafe' but no tests/fixes/{code.lower()}_*.py is fixed"]
    if entry.fix == "unsafe" and any("--unsafe-fixes" not in flags for flags in changing):
        return [f"{code}: fix is 'unsafe' but a golden file is fixed without --unsafe-fixes"]
    if entry.fix == "none" and changing:
        return [f"{code}: fix is 'none' but tests/fixes has a golden fix for it"]
    return []


# --------------------------------------------------------------------------- the tests

def test_every_record_is_well_formed() -> None:
    problems = [p for key, entry in CODES.items() for p in check_record(key, entry)]
    names = [entry.name for entry in CODES.values()]
    if len(set(names)) != len(names):
        problems.append(f"duplicate names: {names}")
    assert not problems, "\n".join(problems)


def test_rule_classes_and_codes_agree() -> None:
    declared = rule_classes()
    missing = sorted(set(CODES) - INTERNAL - set(declared))
    unknown = sorted(set(declared) - set(CODES))
    assert not missing, f"codes in messages.CODES with no rule class: {missing}"
    assert not unknown, f"rule classes declare codes missing from messages.CODES: {unknown}"
    assert not INTERNAL & set(declared), "AGN900 is the tool's failure, not a rule"


def test_every_rule_code_has_a_case_file() -> None:
    cases = case_codes()
    missing = sorted(set(CODES) - INTERNAL - set(cases))
    unknown = {code: files for code, files in cases.items() if code not in CODES}
    assert not missing, f"codes without a `# error:` case in tests/cases: {missing}"
    assert not unknown, f"case files expect codes that do not exist: {unknown}"


@pytest.mark.parametrize("code", list(CODES))
def test_rule_page(code: str) -> None:
    page = DOCS / f"{code}.md"
    assert page.is_file(), f"missing page {page.relative_to(ROOT)}"
    problems = check_page(code, CODES[code], page.read_text())
    assert not problems, "\n".join(problems)


def test_no_page_without_a_code() -> None:
    pages = {p.stem for p in DOCS.glob("AGN*.md")}
    assert pages <= set(CODES), f"pages for unknown codes: {sorted(pages - set(CODES))}"


def test_rule_index() -> None:
    problems = check_index((DOCS / "README.md").read_text(), CODES)
    assert not problems, "\n".join(problems)


def test_readme_tables() -> None:
    problems = check_readme((ROOT / "README.md").read_text(), CODES)
    assert not problems, "\n".join(problems)


def test_fix_availability_matches_the_golden_fixes() -> None:
    golden = list(golden_fixes())
    problems = [p for code, entry in CODES.items() for p in check_golden_fixes(code, entry, golden)]
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- the checks can fail

def _entry(name: str = "async-for-over-coroutine", fix: FixAvailability = "safe",
           summary: str = "x.") -> Code:
    return CODES["AGN201"]._replace(name=name, fix=fix, summary=summary)


def test_checks_catch_a_page_that_contradicts_its_fix() -> None:
    # the state before fix availability was recorded: a header saying "No automatic fix"
    # above a Fix safety section that describes the fix
    text = (DOCS / "AGN201.md").read_text()
    old = text.replace(FIX_HEADER["safe"] + "\n", "").replace(
        "Reported at the iterable of the `async for`.",
        "Reported at the iterable of the `async for`. No automatic fix.")
    problems = check_page("AGN201", CODES["AGN201"], old)
    assert any("must state the fix" in p for p in problems), problems
    assert check_page("AGN201", _entry(fix="none"), text)
    assert check_page("AGN201", _entry(name="other-name"), text)


def test_checks_catch_missing_and_reordered_sections() -> None:
    text = (DOCS / "AGN201.md").read_text()
    no_limits = text.split("## Known limitations")[0]
    assert any("sections" in p for p in check_page("AGN201", CODES["AGN201"], no_limits))
    swapped = text.replace("## Example", "## TMP").replace("## Use instead", "## Example") \
        .replace("## TMP", "## Use instead")
    assert any("sections" in p for p in check_page("AGN201", CODES["AGN201"], swapped))


def test_checks_catch_index_and_readme_drift() -> None:
    index = (DOCS / "README.md").read_text()
    readme = (ROOT / "README.md").read_text()
    changed = dict(CODES, AGN200=CODES["AGN200"]._replace(fix="safe"))
    assert check_index(index, changed)
    assert check_readme(readme, changed)
    extra = dict(CODES, AGN299=CODES["AGN207"]._replace(code="AGN299", name="new-rule"))
    assert check_index(index, extra) and check_readme(readme, extra)
    assert check_index(index.replace("| AGN205 |", "| AGN2O5 |"), CODES)


def test_checks_catch_records_cases_and_golden_fixes() -> None:
    assert check_record("AGN201", _entry(summary="two\nlines."))
    assert check_record("AGN201", _entry(name="Not_Kebab"))
    assert check_record("AGN202", CODES["AGN201"])
    assert error_codes("x = 1  # error: AGN200, AGN201 @17\ny = 2  # AGN203\n") == {
        "AGN200", "AGN201"}
    safe_only_with_flag = [("AGN201", ["--unsafe-fixes"], True)]
    assert check_golden_fixes("AGN201", CODES["AGN201"], safe_only_with_flag)
    assert check_golden_fixes("AGN201", CODES["AGN201"], [("AGN201", [], False)])
    assert check_golden_fixes("AGN200", CODES["AGN200"], [("AGN200", [], True)])
    assert not check_golden_fixes("AGN201", CODES["AGN201"], [("AGN201", [], True)])
