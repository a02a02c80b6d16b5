"""Output formats of the command: text (flake8's), github, json, sarif; and statistics.

``text`` and ``github`` are written as each file finishes (a long run shows its results as it
goes, and a run that is interrupted keeps what it printed); ``json`` and ``sarif`` are one
document each, written at the end.

SARIF is written as plain JSON rather than through an object model: the only Python object
model on PyPI (``sarif-om``) has not been released since 2019 and needs a serializer of its
own; the shape used here is small, and the tests validate it against the official SARIF 2.1.0
schema.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import IO, Any, Dict, List, NamedTuple, Optional
from urllib.parse import quote

from . import __version__
from .messages import CODES
from .ruledocs import REPOSITORY_URL, rule_page, rule_url

FORMATS = ("text", "json", "sarif", "github")


class Item(NamedTuple):
    """One reported problem, as every format needs it."""

    path: str  # as displayed (as given on the command line, flake8's convention)
    line: int  # 1-based
    col: int  # 1-based, in characters
    code: str
    text: str  # the message without its code
    fix: Optional[str]  # "safe", "unsafe" or None
    fix_description: str = ""


class Formatter:
    """Base: collects items; subclasses write them."""

    def __init__(self, stream: IO[str], show_fixes: bool = False) -> None:
        self.stream = stream
        self.show_fixes = show_fixes
        self.items: List[Item] = []

    def file_done(self, items: List[Item]) -> None:
        self.items.extend(items)

    def finish(self) -> None:
        pass

    def write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()


class TextFormatter(Formatter):
    """flake8's default format: ``path:line:col: CODE message``."""

    def file_done(self, items: List[Item]) -> None:
        super().file_done(items)
        if items:
            self.write("".join(self.line(item) + "\n" for item in items))

    def line(self, item: Item) -> str:
        marker = ""
        if self.show_fixes and item.fix:
            marker = " [fix]" if item.fix == "safe" else " [unsafe fix]"
        return f"{item.path}:{item.line}:{item.col}: {item.code} {item.text}{marker}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    """GitHub Actions workflow commands: one ``::error`` annotation per problem, its message
    ending with the rule page's address."""

    def file_done(self, items: List[Item]) -> None:
        super().file_done(items)
        lines = []
        for item in items:
            props = ",".join(
                f"{name}={_escape_property(str(value))}"
                for name, value in (
                    ("file", item.path), ("line", item.line), ("col", item.col),
                    ("title", f"{item.code} {_name(item.code)}"),
                )
            )
            url = _url(item.code)
            text = f"{item.code} {item.text}" + (f"\n\n{url}" if url else "")
            lines.append(f"::error {props}::{_escape_data(text)}\n")
        if lines:
            self.write("".join(lines))


def _name(code: str) -> str:
    info = CODES.get(code)
    return info.name if info else ""


def _url(code: str) -> Optional[str]:
    return rule_url(code) if code in CODES else None


class JsonFormatter(Formatter):
    """A JSON array, one object per problem (stable keys, 1-based line and column)."""

    def finish(self) -> None:
        records = [
            {
                "filename": item.path,
                "line": item.line,
                "column": item.col,
                "code": item.code,
                "name": _name(item.code) or None,
                "message": item.text,
                "url": _url(item.code),
                "fix": (
                    {"applicability": item.fix, "description": item.fix_description}
                    if item.fix else None
                ),
            }
            for item in self.items
        ]
        self.write(json.dumps(records, indent=2) + "\n")


def _artifact_uri(path: str) -> Dict[str, str]:
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    try:
        relative = os.path.relpath(absolute, cwd)
    except ValueError:  # another drive (Windows)
        relative = ""
    if relative and not relative.startswith(".."):
        return {"uri": quote(relative.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}
    return {"uri": "file://" + quote(absolute.replace(os.sep, "/"))}


def sarif_document(items: List[Item]) -> Dict[str, Any]:
    """A SARIF 2.1.0 log of ``items``, with every AGN rule described."""
    codes = list(CODES)
    for item in items:
        if item.code not in codes:
            codes.append(item.code)  # E902 / E999
    rules = []
    for code in codes:
        info = CODES.get(code)
        rule: Dict[str, Any] = {"id": code}
        if info is not None:
            page = rule_page(code)
            rule.update(
                name=info.name,
                shortDescription={"text": info.name.replace("-", " ")},
                helpUri=rule_url(code),
                help={"text": f"See {rule_url(code)}"},
            )
            if page:
                rule["help"]["markdown"] = page
            rule["properties"] = {"tags": ["correctness", "asyncio"]}
        else:
            rule.update(
                name="file-error",
                shortDescription={"text": "the file could not be read or parsed"},
            )
        rule["defaultConfiguration"] = {"level": "error"}
        rules.append(rule)
    index = {code: number for number, code in enumerate(codes)}
    results = []
    for item in items:
        result: Dict[str, Any] = {
            "ruleId": item.code,
            "ruleIndex": index[item.code],
            "level": "error",
            "message": {"text": f"{item.code} {item.text}"},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": _artifact_uri(item.path),
                    "region": {"startLine": max(item.line, 1), "startColumn": max(item.col, 1)},
                }
            }],
        }
        if item.fix:
            result["properties"] = {"fix": item.fix, "fixDescription": item.fix_description}
        results.append(result)
    cwd = os.getcwd().replace(os.sep, "/").rstrip("/") + "/"
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "flake8-asyncgen",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": REPOSITORY_URL,
                "rules": rules,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + quote(cwd)}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


class SarifFormatter(Formatter):
    def finish(self) -> None:
        self.write(json.dumps(sarif_document(self.items), indent=2) + "\n")


def make_formatter(name: str, stream: IO[str], show_fixes: bool) -> Formatter:
    kinds = {
        "text": TextFormatter, "github": GithubFormatter,
        "json": JsonFormatter, "sarif": SarifFormatter,
    }
    return kinds[name](stream, show_fixes)


def statistics(items: List[Item]) -> List[str]:
    """flake8's ``--statistics`` lines: count, code, and the first message of that code."""
    counts = Counter(item.code for item in items)
    first: Dict[str, str] = {}
    for item in items:
        first.setdefault(item.code, item.text)
    return [f"{counts[code]:<5} {code} {first[code]}" for code in sorted(counts)]
