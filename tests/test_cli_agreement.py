"""The plugin (real flake8, in a subprocess) and the command report the same lines.

Every unit of tests/cases and fixtures/incident is checked both ways, from its own folder as
users run them, without a configuration file and with one found the way flake8 finds it.
To keep the suite fast, one flake8 subprocess per variant runs every unit in turn (flake8's
own ``Application``, as its ``flake8`` command uses it, from the unit's folder, with
``--output-file``), instead of paying flake8's start-up once per unit.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from agn_harness import options_of

HERE = Path(__file__).parent
CASES = HERE / "cases"
INCIDENT = HERE.parent / "fixtures" / "incident"

CONFIG = """\
[flake8]
select = AGN
extend-ignore = AGN207
per-file-ignores =
    agn203*.py: AGN2
    */xmod_instances/*: AGN201
"""

Unit = Tuple[str, str, List[str], List[str]]  # name, folder (relative), options, targets


def _units() -> List[Unit]:
    units: List[Unit] = []
    singles = sorted(CASES.glob("*.py"))
    by_options: Dict[Tuple[str, ...], List[str]] = {}
    for path in singles:
        by_options.setdefault(tuple(options_of([path])), []).append(path.name)
    for number, (options, names) in enumerate(sorted(by_options.items())):
        units.append((f"single-{number}", "cases", list(options), names))
    for folder in sorted(p for p in CASES.iterdir() if p.is_dir() and p.name != "__pycache__"):
        files = sorted(folder.rglob("*.py"))
        if files:
            units.append((folder.name, f"cases/{folder.name}", options_of(files), ["."]))
    for folder in sorted(INCIDENT.glob("state*")):
        units.append((folder.name, f"incident/{folder.name}", [], ["."]))
    return units


UNITS = _units()


RUNNER = """
import json, os, sys
from flake8.main.application import Application

jobs = json.load(sys.stdin)
for folder, args, output in jobs:
    os.chdir(folder)
    app = Application()
    app.run([*args, "--output-file", output])
"""


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Path]:
    """Two copies of the units: one without a configuration file, one with a setup.cfg at
    the top (flake8 and the command must both find it from the unit's folder)."""
    roots = {}
    for variant in ("plain", "config"):
        root = tmp_path_factory.mktemp(variant)
        shutil.copytree(CASES, root / "cases", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(INCIDENT, root / "incident",
                        ignore=shutil.ignore_patterns("__pycache__"))
        if variant == "config":
            (root / "setup.cfg").write_text(CONFIG)
        roots[variant] = root
    return roots


@pytest.fixture(scope="module")
def flake8_outputs(tree: Dict[str, Path]) -> Dict[Tuple[str, str], List[str]]:
    results = {}
    running = {}
    for variant, root in tree.items():  # the two variants run side by side
        jobs = []
        for name, folder, options, targets in UNITS:
            select = ["--select", "AGN"] if variant == "plain" else []
            output = root / f"flake8-{name}.txt"
            args = ["-j", "1", *select, "--agn-no-cache", *options, *targets]
            jobs.append((str(root / folder), args, str(output)))
        with open(root / "flake8-stderr.txt", "w") as log:
            process = subprocess.Popen([sys.executable, "-c", RUNNER], stdin=subprocess.PIPE,
                                       stdout=subprocess.DEVNULL, stderr=log, text=True)
        assert process.stdin is not None
        process.stdin.write(json.dumps(jobs))  # small: never blocks
        process.stdin.close()
        running[variant] = process
    for variant, process in running.items():
        process.wait(timeout=600)
        err = (tree[variant] / "flake8-stderr.txt").read_text()
        assert process.returncode == 0 and "Traceback" not in err, err
        for name, *_ in UNITS:
            text = (tree[variant] / f"flake8-{name}.txt").read_text()
            results[(variant, name)] = sorted(text.splitlines())
    return results


@pytest.mark.parametrize("variant", ["plain", "config"])
@pytest.mark.parametrize("unit", UNITS, ids=[u[0] for u in UNITS])
def test_plugin_and_command_agree(
    unit: Unit,
    variant: str,
    tree: Dict[str, Path],
    flake8_outputs: Dict[Tuple[str, str], List[str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from flake8_asyncgen import cli

    name, folder, options, targets = unit
    monkeypatch.chdir(tree[variant] / folder)
    select = ["--select", "AGN"] if variant == "plain" else []
    status = cli.main([*select, "--agn-no-cache", *options, *targets])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    ours = sorted(captured.out.splitlines())
    assert ours == flake8_outputs[(variant, name)]
    assert status == (1 if ours else 0)


def test_the_configuration_changes_something(
    flake8_outputs: Dict[Tuple[str, str], List[str]]
) -> None:
    # Guard against a configuration that nobody reads: both variants must differ somewhere.
    differ = [name for name, *_ in UNITS
              if flake8_outputs[("plain", name)] != flake8_outputs[("config", name)]]
    assert len(differ) >= 3, differ
