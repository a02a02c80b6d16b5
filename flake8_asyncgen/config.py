"""The command's configuration: found the way flake8 finds its own, plus pyproject.toml.

Precedence, per option (the first that sets it wins):

1. the command line;
2. the ``[tool.flake8-asyncgen]`` table of the nearest ``pyproject.toml`` that has one;
3. the ``[flake8]`` section of the first of ``setup.cfg``, ``tox.ini``, ``.flake8`` that has
   one, looked for as flake8 does (from the current folder up to, not including, your home).

``--config FILE`` reads that one file instead of searching (a ``.toml`` file: its
``[tool.flake8-asyncgen]`` table; otherwise its ``[flake8]`` section); ``--isolated`` reads
none. Values are parsed with flake8's own helpers, so a key means the same in both places.
"""

from __future__ import annotations

import configparser
import os
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from flake8 import utils as flake8_utils
from flake8.defaults import VALID_CODE_PREFIX

from .settings import OPTIONS, ConfigurationError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python < 3.11
    import tomli as tomllib

PYPROJECT_TABLE = "flake8-asyncgen"

# key -> kind: "codes" (code prefixes), "names" (comma-separated), "paths" (comma-separated,
# normalized), "path", "flag", "int", "per-file" (flake8's per-file-ignores mapping).
KEYS: Dict[str, str] = {
    "select": "codes",
    "ignore": "codes",
    "extend-select": "codes",
    "extend-ignore": "codes",
    "per-file-ignores": "per-file",
    "exclude": "paths",
    "extend-exclude": "paths",
    "filename": "patterns",
    "disable-noqa": "flag",
    **{spec.flag[2:]: spec.kind for spec in OPTIONS},
}

PerFile = List[Tuple[str, List[str]]]


@dataclass
class Config:
    """Values by key (dashes, as in the files), already parsed; and where they came from."""

    values: Dict[str, Any] = field(default_factory=dict)
    files: List[str] = field(default_factory=list)


def _check_codes(key: str, codes: List[str], where: str) -> List[str]:
    for code in codes:
        if not VALID_CODE_PREFIX.match(code):
            raise ConfigurationError(
                f"flake8-asyncgen: {where}: {key}: {code!r} is not a code or code prefix "
                f"(letters then digits, matching {VALID_CODE_PREFIX.pattern!r})"
            )
    return codes


def parse_value(key: str, raw: Any, where: str, base: str) -> Any:
    """Turn one configured value (an ini string, or a TOML value) into its parsed form.

    Relative paths are resolved as flake8 resolves them: against ``base`` (the config file's
    folder, or the current folder for the command line) when they contain a ``/``.
    """
    kind = KEYS[key]
    if kind == "flag":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("1", "yes", "true", "on"):
            return True
        if text in ("0", "no", "false", "off", ""):
            return False
        raise ConfigurationError(f"flake8-asyncgen: {where}: {key}: {raw!r} is not true/false")
    if kind == "int":
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ConfigurationError(
                f"flake8-asyncgen: {where}: {key}: {raw!r} is not a whole number"
            ) from None
    if kind == "per-file":
        return _per_file(raw, where)
    if kind == "path":
        return flake8_utils.normalize_path(str(raw), base)
    items = _list(raw)
    if kind == "codes":
        return _check_codes(key, items, where)
    if kind == "paths":
        return flake8_utils.normalize_paths(items, base)
    return items


def _list(raw: Any) -> List[str]:
    if isinstance(raw, (list, tuple)):
        return [str(item).strip() for item in raw if str(item).strip()]
    return list(flake8_utils.parse_comma_separated_list(str(raw)))


def _per_file(raw: Any, where: str) -> PerFile:
    if isinstance(raw, dict):  # TOML: {"tests/*" = ["AGN201"]} or {"tests/*" = "AGN201"}
        pairs = [(str(pattern), _list(codes)) for pattern, codes in raw.items()]
    else:
        text = "\n".join(raw) if isinstance(raw, list) else str(raw)
        try:
            pairs = flake8_utils.parse_files_to_codes_mapping(text)
        except ValueError as exc:
            raise ConfigurationError(
                f"flake8-asyncgen: {where}: per-file-ignores: {exc}"
            ) from None
    for _, codes in pairs:
        _check_codes("per-file-ignores", codes, where)
    return pairs


def find_flake8_config(start: str) -> Optional[str]:
    """The file flake8 itself would read, searched as flake8 does."""

    def stat_key(path: str) -> Tuple[int, int]:
        found = os.stat(path)
        return found.st_ino, found.st_dev

    home = os.path.expanduser("~")
    try:
        home_key: Optional[Tuple[int, int]] = stat_key(home) if home != "~" else None
    except OSError:
        home_key = None
    path = os.path.abspath(start)
    key = stat_key(path)
    while True:
        for candidate in ("setup.cfg", "tox.ini", ".flake8"):
            parser = configparser.RawConfigParser()
            try:
                parser.read(os.path.join(path, candidate), encoding="UTF-8")
            except (UnicodeDecodeError, configparser.ParsingError):
                continue
            if "flake8" in parser or "flake8:local-plugins" in parser:
                return os.path.join(path, candidate)
        parent = os.path.dirname(path)
        parent_key = stat_key(parent)
        if parent_key == key or parent_key == home_key:
            return None
        path, key = parent, parent_key


def find_pyproject(start: str) -> Optional[str]:
    """The nearest ``pyproject.toml`` (current folder, then parents) with our table."""
    path = os.path.abspath(start)
    while True:
        candidate = os.path.join(path, "pyproject.toml")
        if os.path.isfile(candidate) and _pyproject_table(candidate) is not None:
            return candidate
        parent = os.path.dirname(path)
        if parent == path:
            return None
        path = parent


def _pyproject_table(path: str) -> Optional[Dict[str, Any]]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        data = tomllib.loads(raw.decode("utf-8"))
    except OSError:
        return None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        # Broken, and meant for us: say so (read_pyproject reports the error) rather than
        # run with another configuration.
        return {} if PYPROJECT_TABLE.encode() in raw else None
    table = data.get("tool", {}).get(PYPROJECT_TABLE)
    return table if isinstance(table, dict) else None


def read_pyproject(path: str) -> Dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigurationError(f"flake8-asyncgen: cannot read {path}: {exc}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(f"flake8-asyncgen: {path} is not valid TOML: {exc}") from None
    table = data.get("tool", {}).get(PYPROJECT_TABLE, {})
    if not isinstance(table, dict):
        raise ConfigurationError(
            f"flake8-asyncgen: {path}: [tool.{PYPROJECT_TABLE}] is not a table"
        )
    where = f"{path} [tool.{PYPROJECT_TABLE}]"
    base = os.path.dirname(os.path.abspath(path))
    values: Dict[str, Any] = {}
    for key, raw in table.items():
        name = key.replace("_", "-")
        if name not in KEYS:
            raise ConfigurationError(
                f"flake8-asyncgen: {where}: unknown option {key!r} "
                f"(known: {', '.join(sorted(KEYS))})"
            )
        values[name] = parse_value(name, raw, where, base)
    return values


def read_flake8_config(path: str) -> Dict[str, Any]:
    parser = configparser.RawConfigParser()
    try:
        with open(path, encoding="UTF-8") as handle:
            parser.read_file(handle)
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        raise ConfigurationError(f"flake8-asyncgen: cannot read {path}: {exc}") from None
    if "flake8" not in parser:
        return {}
    where = f"{path} [flake8]"
    base = os.path.dirname(os.path.abspath(path))
    values: Dict[str, Any] = {}
    for key, raw in parser.items("flake8"):
        name = key.replace("_", "-")
        if name in KEYS:  # other keys belong to flake8 or its other plugins
            values[name] = parse_value(name, raw, where, base)
    return values


def load(config_file: Optional[str] = None, isolated: bool = False, cwd: str = ".") -> Config:
    """The configuration files' values, the higher-precedence file's winning per key."""
    config = Config()
    if isolated:
        return config
    if config_file is not None:
        if not os.path.isfile(config_file):
            raise ConfigurationError(f"flake8-asyncgen: --config: {config_file!r} is not a file")
        if config_file.endswith(".toml"):
            config.values = read_pyproject(config_file)
        else:
            config.values = read_flake8_config(config_file)
        config.files = [config_file]
        return config
    flake8_file = find_flake8_config(cwd)
    pyproject = find_pyproject(cwd)
    if flake8_file is not None:
        config.values.update(read_flake8_config(flake8_file))
        config.files.append(flake8_file)
    if pyproject is not None:
        config.values.update(read_pyproject(pyproject))
        config.files.append(pyproject)
    return config
