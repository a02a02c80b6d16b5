"""The flake8 adapter: options, and one ``run`` per file that never raises."""

from __future__ import annotations

import argparse
import ast
import logging
import os
from typing import Any, ClassVar, Generator, List, Optional, Sequence, Tuple, Type

from . import __version__
from .analyzer import analyse
from .messages import format_message

LOG = logging.getLogger("flake8.asyncgen")


class ConfigurationError(ValueError):
    """A bad AGN option; the message names the option."""


class AsyncGenChecker:
    name = "flake8-asyncgen"
    version = __version__

    transparent: ClassVar[Tuple[str, ...]] = ()
    roots: ClassVar[Tuple[str, ...]] = ()
    cache_dir: ClassVar[Optional[str]] = None

    def __init__(self, tree: ast.Module, filename: str, lines: Sequence[str]) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines

    @classmethod
    def add_options(cls, parser: Any) -> None:
        parser.add_option(
            "--agn-transparent-decorators",
            default="",
            comma_separated_list=True,
            parse_from_config=True,
            help="Comma-separated qualified names of decorators that keep a function's kind "
            "(coroutine, async generator); other unknown decorators silence AGN checks.",
        )
        parser.add_option(
            "--agn-roots",
            default="",
            comma_separated_list=True,
            normalize_paths=True,
            parse_from_config=True,
            help="Comma-separated extra import roots for cross-module resolution.",
        )
        parser.add_option(
            "--agn-cache-dir",
            default=".agn_cache",
            normalize_paths=True,
            parse_from_config=True,
            help="Where flake8-asyncgen caches module summaries (default: .agn_cache).",
        )
        parser.add_option(
            "--agn-no-cache",
            default=False,
            action="store_true",
            parse_from_config=True,
            help="Do not read or write the flake8-asyncgen module summary cache.",
        )

    @classmethod
    def parse_options(
        cls, option_manager: Any, options: argparse.Namespace, extra_args: Any = None
    ) -> None:
        try:
            cls.configure(options)
        except ConfigurationError as exc:
            # A clean message and exit status, as argparse gives for its own options.
            raise SystemExit(f"flake8: error: {exc}") from None

    @classmethod
    def configure(cls, options: argparse.Namespace) -> None:
        cls.transparent = tuple(_names(options.agn_transparent_decorators))
        for name in cls.transparent:
            if not all(part.isidentifier() for part in name.split(".")):
                raise ConfigurationError(
                    f"flake8-asyncgen: --agn-transparent-decorators: {name!r} is not a "
                    "dotted Python name (example: mylib.tracing.traced)"
                )
        roots = []
        for root in _names(options.agn_roots):
            if not os.path.isdir(root):
                raise ConfigurationError(
                    f"flake8-asyncgen: --agn-roots: {root!r} is not a directory"
                )
            roots.append(os.path.abspath(root))
        cls.roots = tuple(roots)
        cache_dir = options.agn_cache_dir
        if options.agn_no_cache or not cache_dir:
            cls.cache_dir = None
        else:
            cls.cache_dir = os.path.abspath(cache_dir)

    def run(self) -> Generator[Tuple[int, int, str, Type[Any]], None, None]:
        try:
            findings = analyse(
                self.tree,
                self.lines,
                os.path.abspath(self.filename),
                self.roots,
                self.cache_dir,
                self.transparent,
            ).findings
        except RecursionError:
            yield self._failure("the code is nested too deeply")
            return
        except Exception as exc:  # noqa: BLE001 - an escaping exception aborts flake8's run
            LOG.debug("flake8-asyncgen failed on %s", self.filename, exc_info=True)
            yield self._failure(_describe_failure(exc))
            return
        for finding in findings:
            yield finding.line, finding.col, finding.message, type(self)

    def _failure(self, reason: str) -> Tuple[int, int, str, Type[Any]]:
        return 1, 0, format_message("AGN900", reason=reason), type(self)


def _names(value: Any) -> List[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [item.strip() for item in value if item and item.strip()]


def _describe_failure(exc: BaseException) -> str:
    import libcst

    if isinstance(exc, libcst.ParserSyntaxError):
        return f"libcst cannot parse it: {str(exc).splitlines()[0]}"
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"internal error {type(exc).__name__}{': ' + text if text else ''}; please report it"
