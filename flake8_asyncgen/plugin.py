"""The flake8 adapter: options, and one ``run`` per file that never raises."""

from __future__ import annotations

import argparse
import ast
import logging
import os
import sys
from typing import Any, ClassVar, Generator, Sequence, Tuple, Type

from . import __version__
from .analyzer import FileTooLarge, analyse, keep_out_of_collections
from .messages import format_message, internal_failure_reason
from .settings import (
    ConfigurationError,
    Settings,
    add_flake8_options,
    settings_from_namespace,
)

LOG = logging.getLogger("flake8.asyncgen")


class AsyncGenChecker:
    name = "flake8-asyncgen"
    version = __version__

    # flake8 makes one checker per file and hands options to the class once per process.
    settings: ClassVar[Settings] = Settings()

    def __init__(self, tree: ast.Module, filename: str, lines: Sequence[str]) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines

    @classmethod
    def add_options(cls, parser: Any) -> None:
        add_flake8_options(parser.add_option)

    @classmethod
    def parse_options(
        cls, option_manager: Any, options: argparse.Namespace, extra_args: Any = None
    ) -> None:
        try:
            cls.settings = settings_from_namespace(options)
        except ConfigurationError as exc:
            # A clean message and exit status 2, as argparse gives for its own options.
            print(f"flake8: error: {exc}", file=sys.stderr)
            raise SystemExit(2) from None

    def run(self) -> Generator[Tuple[int, int, str, Type[Any]], None, None]:
        try:
            findings = analyse(
                self.tree, self.lines, os.path.abspath(self.filename), self.settings
            ).findings
        except FileTooLarge as exc:
            yield self._failure(str(exc.args[0]))
            return
        except Exception as exc:  # noqa: BLE001 - an escaping exception aborts flake8's run
            yield self._failure(internal_failure_reason(exc))
            try:
                LOG.debug("flake8-asyncgen failed on %s", self.filename, exc_info=True)
            except BaseException:  # noqa: BLE001 - formatting some exceptions recurses
                pass
            return
        keep_out_of_collections()
        for finding in findings:
            yield finding.line, finding.col, finding.message, type(self)

    def _failure(self, reason: str) -> Tuple[int, int, str, Type[Any]]:
        return 1, 0, format_message("AGN900", reason=reason), type(self)
