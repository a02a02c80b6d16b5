"""The one settings object, and the one declaration of every AGN option.

flake8 (``plugin.py``), the ``flake8-asyncgen`` command (``cli.py``) and the tests all read
the options from :data:`OPTIONS` and turn parsed values into a frozen :class:`Settings` with
:func:`settings_from_values`, so an option is declared, documented and validated once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, List, NamedTuple, Optional, Tuple

from .environments import is_environment_dir, is_interpreter_file

DEFAULT_CACHE_DIR = ".agn_cache"
# Files above this size get one AGN900 instead of the libcst pass, which needs ~0.55 GB of
# memory per MB of source: 2 MB keeps ``-j 2`` far below a 24 GB machine's memory.
DEFAULT_MAX_FILE_BYTES = 2_000_000


class ConfigurationError(ValueError):
    """A bad AGN option; the message names the option."""


@dataclass(frozen=True)
class Settings:
    """What the analysis of one run depends on besides the code."""

    transparent_decorators: Tuple[str, ...] = ()
    roots: Tuple[str, ...] = ()
    cache_dir: Optional[str] = None  # absolute; None: no cache
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    python: Optional[str] = None  # absolute; None: the environment is auto-detected


class OptionSpec(NamedTuple):
    """One option as both flake8 and argparse declare it."""

    flag: str
    dest: str
    kind: str  # "names" (comma-separated), "paths" (comma-separated), "path", "flag", "int"
    default: Any
    help: str


OPTIONS: Tuple[OptionSpec, ...] = (
    OptionSpec(
        "--agn-transparent-decorators", "agn_transparent_decorators", "names", "",
        "Comma-separated qualified names of decorators that keep a function's kind "
        "(coroutine, async generator); other unknown decorators silence AGN checks.",
    ),
    OptionSpec(
        "--agn-roots", "agn_roots", "paths", "",
        "Comma-separated extra import roots for cross-module resolution.",
    ),
    OptionSpec(
        "--agn-cache-dir", "agn_cache_dir", "path", DEFAULT_CACHE_DIR,
        "Where flake8-asyncgen caches module summaries and findings "
        f"(default: {DEFAULT_CACHE_DIR}).",
    ),
    OptionSpec(
        "--agn-no-cache", "agn_no_cache", "flag", False,
        "Do not read or write the flake8-asyncgen cache (module summaries and findings).",
    ),
    OptionSpec(
        "--agn-max-file-size", "agn_max_file_size", "int", DEFAULT_MAX_FILE_BYTES,
        "Files larger than this many bytes get one AGN900 instead of an analysis "
        f"(default: {DEFAULT_MAX_FILE_BYTES}; 0: no limit).",
    ),
    OptionSpec(
        "--agn-python", "agn_python", "path", "",
        "The Python environment whose installed packages are looked for: an interpreter "
        "(.venv/bin/python) or an environment folder; never run (default: auto-detected: "
        "VIRTUAL_ENV, then .venv or venv in the project, then the running interpreter's).",
    ),
)


def add_flake8_options(add_option: Callable[..., Any]) -> None:
    """Declare every option on flake8's option manager (``parser.add_option``)."""
    for spec in OPTIONS:
        extra: dict[str, Any] = {"parse_from_config": True, "help": spec.help}
        if spec.kind == "flag":
            extra["action"] = "store_true"
        elif spec.kind in ("names", "paths"):
            extra["comma_separated_list"] = True
        if spec.kind in ("paths", "path"):
            extra["normalize_paths"] = True
        # Numbers stay text here: a bad value in a configuration file must reach
        # settings_from_values, which names the option (flake8 would raise a bare ValueError).
        add_option(spec.flag, default=spec.default, **extra)


def add_argparse_options(add_argument: Callable[..., Any]) -> None:
    """Declare every option on an ``argparse`` parser (``parser.add_argument``)."""
    for spec in OPTIONS:
        if spec.kind == "flag":
            add_argument(spec.flag, action="store_true", default=None, help=spec.help)
        elif spec.kind == "int":
            add_argument(spec.flag, type=int, default=None, help=spec.help)
        else:
            add_argument(spec.flag, default=None, help=spec.help)


def _names(value: Any) -> List[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [str(item).strip() for item in value if item and str(item).strip()]


def settings_from_values(
    transparent_decorators: Any = "",
    roots: Any = "",
    cache_dir: Any = DEFAULT_CACHE_DIR,
    no_cache: Any = False,
    max_file_size: Any = DEFAULT_MAX_FILE_BYTES,
    python: Any = "",
) -> Settings:
    """Validate option values (strings, lists or already-typed values) into Settings.

    Raises :class:`ConfigurationError` naming the option on a bad value.
    """
    transparent = tuple(_names(transparent_decorators))
    for name in transparent:
        if not all(part.isidentifier() for part in name.split(".")):
            raise ConfigurationError(
                f"flake8-asyncgen: --agn-transparent-decorators: {name!r} is not a "
                "dotted Python name (example: mylib.tracing.traced)"
            )
    checked_roots = []
    for root in _names(roots):
        if not os.path.isdir(root):
            raise ConfigurationError(f"flake8-asyncgen: --agn-roots: {root!r} is not a directory")
        checked_roots.append(os.path.abspath(root))
    if isinstance(no_cache, str):
        no_cache = no_cache.strip().lower() in ("1", "true", "yes", "on")
    directory = None if no_cache or not cache_dir else os.path.abspath(str(cache_dir))
    try:
        limit = int(max_file_size)
    except (TypeError, ValueError):
        raise ConfigurationError(
            f"flake8-asyncgen: --agn-max-file-size: {max_file_size!r} is not a number of bytes"
        ) from None
    if limit < 0:
        raise ConfigurationError(
            f"flake8-asyncgen: --agn-max-file-size: {limit} is negative (0 means no limit)"
        )
    return Settings(transparent, tuple(checked_roots), directory, limit, _checked_python(python))


def _checked_python(value: Any) -> Optional[str]:
    """The ``--agn-python`` path made absolute, or None (auto-detect) when empty.

    Checked by its layout only (the interpreter is never run), so that a typo stops the run
    instead of silently analysing against no installed packages.
    """
    if not value:
        return None
    path = os.path.abspath(str(value))
    if not os.path.exists(path):
        raise ConfigurationError(f"flake8-asyncgen: --agn-python: {value!r} does not exist")
    if not (is_interpreter_file(path) or is_environment_dir(path)):
        raise ConfigurationError(
            f"flake8-asyncgen: --agn-python: {value!r} is neither a Python interpreter "
            "(.venv/bin/python, .venv\\Scripts\\python.exe) nor an environment folder "
            "(holding pyvenv.cfg, lib/python3.* or Lib/site-packages)"
        )
    return path


def settings_from_namespace(options: Any) -> Settings:
    """Settings from an ``argparse.Namespace`` holding the :data:`OPTIONS` dests; a dest that
    is absent or ``None`` takes the option's default."""

    def value(spec: OptionSpec) -> Any:
        found = getattr(options, spec.dest, None)
        return spec.default if found is None else found

    values = {spec.dest: value(spec) for spec in OPTIONS}
    return settings_from_values(
        values["agn_transparent_decorators"],
        values["agn_roots"],
        values["agn_cache_dir"],
        values["agn_no_cache"],
        values["agn_max_file_size"],
        values["agn_python"],
    )
