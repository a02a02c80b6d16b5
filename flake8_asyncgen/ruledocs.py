"""Where each rule is documented: the page shipped with the package, and its web address.

The pages live in ``docs/rules/`` of the repository; wheels carry them as
``flake8_asyncgen/rule_docs/`` (see ``pyproject.toml``), a checkout or an editable install
reads them from ``docs/rules/`` directly.
"""

from __future__ import annotations

import os
from typing import Optional

from .messages import CODES

# The project's home: the one place its address is written in code (pyproject.toml's
# [project.urls] must agree; a test checks).
REPOSITORY_URL = "https://github.com/flake8-asyncgen/flake8-asyncgen"
DOCS_BRANCH = "main"

_HERE = os.path.dirname(os.path.abspath(__file__))
_PAGE_FOLDERS = (
    os.path.join(_HERE, "rule_docs"),  # installed from a wheel
    os.path.join(os.path.dirname(_HERE), "docs", "rules"),  # a checkout / editable install
)


def rule_url(code: str) -> str:
    """The rule page's absolute address (also for SARIF ``helpUri``)."""
    return f"{REPOSITORY_URL}/blob/{DOCS_BRANCH}/docs/rules/{code}.md"


def normalize_code(text: str) -> Optional[str]:
    """``agn201`` / ``AGN201`` / ``async-for-over-coroutine`` -> ``AGN201`` (None: unknown)."""
    wanted = text.strip()
    if wanted.upper() in CODES:
        return wanted.upper()
    for code, info in CODES.items():
        if info.name == wanted.lower():
            return code
    return None


def rule_page(code: str) -> Optional[str]:
    """The Markdown page of a rule, or None if the package was installed without it."""
    for folder in _PAGE_FOLDERS:
        path = os.path.join(folder, f"{code}.md")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as handle:
                return handle.read()
    return None
