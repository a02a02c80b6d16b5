"""Score AGN on the real-SDK set (``bench/sdk_shapes``): bug files found on a marked line,
correct files flagged.

Usage: ``python bench/sdk_score.py --python PATH/TO/venv/bin/python`` where that environment
has the SDKs installed (openai, anthropic, httpx, aiohttp, ...; the set's README lists them).
A bug file counts as found when some AGN report is on a line marked ``# error:`` or
``# misuse:``; an ``_ok`` file with any report is a false positive.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Set, Tuple

SHAPES = Path(__file__).parent / "sdk_shapes"
REPORT = re.compile(r"^\./(?P<file>[^:]+):(?P<line>\d+):\d+: (?P<code>AGN\d{3})")


def marked_lines(path: Path) -> Set[int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {n for n, text in enumerate(lines, 1) if re.search(r"#\s*(error|misuse):", text)}


def reports(python: str) -> Dict[str, List[Tuple[int, str]]]:
    result = subprocess.run(
        [
            sys.executable, "-c", "from flake8_asyncgen.cli import entry; entry()",
            "--agn-no-cache", "--agn-python", python, ".",
        ],
        cwd=SHAPES, capture_output=True, text=True, check=False,
    )
    found: Dict[str, List[Tuple[int, str]]] = defaultdict(list)
    for line in result.stdout.splitlines():
        match = REPORT.match(line)
        if match:
            found[match["file"]].append((int(match["line"]), match["code"]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--python", required=True, help="interpreter of the SDK environment")
    args = parser.parse_args()
    found = reports(args.python)
    per_sdk: Dict[str, List[int]] = defaultdict(lambda: [0, 0, 0])
    misses: List[str] = []
    for bug in sorted(SHAPES.glob("*_bug.py")):
        sdk = bug.name.split("_", 1)[0]
        ok = bug.with_name(bug.name.replace("_bug.py", "_ok.py"))
        hit = any(line in marked_lines(bug) for line, _ in found.get(bug.name, []))
        per_sdk[sdk][0] += 1
        per_sdk[sdk][1] += hit
        per_sdk[sdk][2] += bool(found.get(ok.name))
        if not hit:
            misses.append(bug.name)
    total = [sum(v[i] for v in per_sdk.values()) for i in range(3)]
    for sdk, (pairs, hits, false) in sorted(per_sdk.items()):
        print(f"{sdk:10} found {hits}/{pairs}  correct files flagged {false}")
    print(f"{'TOTAL':10} found {total[1]}/{total[0]}  correct files flagged {total[2]}")
    print("missed: " + " ".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
