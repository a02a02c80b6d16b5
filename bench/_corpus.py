"""Fetch the PINNED real-world corpus of async projects used by the benchmark.

Each project is one wheel from the package registry, pinned by version AND
sha256, downloaded with ``pip download --no-deps --only-binary :all:
--require-hashes`` for one fixed platform (CPython 3.11, manylinux x86_64 or
pure Python) so that the same file is chosen on any machine.  Only the
wheel's ``.py`` files are extracted, package layout kept::

    <target>/httpx/httpx/_client.py

so every ``<target>/<project>`` folder is an import root (for mypy, pyright and
for the plugin's cross-module resolution).  Wheels are kept in a cache folder
and re-checked against their hash; a project folder holding the same spec
(marker file ``.agn-corpus``) is left alone.  Nothing is ever written into the
repository.  Standard library only (pip is run as ``python -m pip``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Callable, List, Optional, Tuple

MARKER = ".agn-corpus"

# (project folder, pip requirement, sha256 of the wheel)
PINS: List[Tuple[str, str, str]] = [
    ("aiohttp", "aiohttp==3.14.5",
     "50a195903119008fe9cc68710535eb37f556ffffd6a7759afe70a2c145587045"),
    ("starlette", "starlette==1.10.0",
     "478c0ab3b4ced6e82719849c118fa406f0278a3499c1a898cd15cd31bdc38ce4"),
    ("httpx", "httpx==0.28.1",
     "d909fcccc110f8c7faf814ca82a9a4d816bc5a6dbfea25d6591d6985b8ba59ad"),
    ("httpcore", "httpcore==1.0.9",
     "2d400746a40668fc9dec9810239072b40b4484b640a8c38fd654a024c7a1bf55"),
    ("anyio", "anyio==4.16.0",
     "c66ae634e0b8228396b801741beb3294326d4b6102f7bba4041c0dfb58c29026"),
    ("fastapi", "fastapi==0.165.0",
     "896f48462042bb4f162147eb8fac7e858753dc1f486765709baf105d70e4fc5b"),
    ("websockets", "websockets==17.4",
     "cebad8f4796248b91fc2168515e507e5cb6b663a32befd09f3b1e7920acdcb1a"),
    ("uvicorn", "uvicorn==0.54.0",
     "505bdb0f318731d45f1f712071fc781a8981f6847a31c902c9f5e652d4f67faf"),
    ("trio", "trio==0.35.0",
     "9a062a029487c1bdbcc1b2543b729a0bde857ce478b1512c84f391f628e0c5c9"),
    ("aiosqlite", "aiosqlite==0.22.1",
     "21c002eb13823fad740196c5a2e9d8e62f6243bd9e7e4a1f87fb5e44ecb4fceb"),
    ("aiofiles", "aiofiles==25.1.0",
     "abe311e527c862958650f9438e859c1fa7568a141b22abcd015e120e86a85695"),
    ("pytest-asyncio", "pytest-asyncio==1.5.0",
     "557f255ee03cc84f84a8d5f438bc9c6e0f714bf86970ae743c7ecb5a38d7e07d"),
]

# One fixed platform, so that the same hash-pinned wheel is chosen everywhere.
PLATFORM_ARGS = [
    "--python-version", "3.11", "--implementation", "cp",
    "--abi", "cp311", "--abi", "abi3", "--abi", "none",
    "--platform", "manylinux_2_28_x86_64", "--platform", "manylinux_2_17_x86_64",
    "--platform", "manylinux2014_x86_64", "--platform", "manylinux_2_5_x86_64",
    "--platform", "manylinux1_x86_64", "--platform", "any",
]

Log = Callable[[str], None]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _spec(name: str, req: str, sha: str) -> str:
    return "%s|%s|%s" % (name, req, sha)


def _download(req: str, sha: str, wheel_dir: Path, python: str, log: Log) -> Path:
    """Return the hash-checked wheel for ``req``, downloading it if needed."""
    wheel_dir.mkdir(parents=True, exist_ok=True)
    for whl in sorted(wheel_dir.glob("*.whl")):
        if _sha256(whl) == sha:
            return whl
        whl.unlink()  # stale or corrupt: fetch again
    log("download %s" % req)
    fd, reqfile = tempfile.mkstemp(suffix=".txt", prefix="agn-req-")
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write("%s --hash=sha256:%s\n" % (req, sha))
        proc = subprocess.run(
            [python, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--only-binary", ":all:", "--require-hashes",
             *PLATFORM_ARGS, "-d", str(wheel_dir), "-r", reqfile],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True,
        )
    finally:
        os.unlink(reqfile)
    if proc.returncode != 0:
        # a local index configuration may warn about a missing extra index:
        # harmless, so only the other lines are shown.
        msg = "\n".join(line for line in proc.stderr.splitlines()
                        if "is neither a file nor a directory" not in line)
        raise RuntimeError("pip download %s failed:\n%s" % (req, msg))
    for whl in sorted(wheel_dir.glob("*.whl")):
        if _sha256(whl) == sha:
            return whl
    raise RuntimeError("no wheel with sha256 %s for %s in %s" % (sha, req, wheel_dir))


def _extract_py(whl: Path, dest: Path) -> int:
    """Extract the ``.py`` files of ``whl`` into ``dest`` (replaced atomically)."""
    tmp = dest.with_name(dest.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    count = 0
    with zipfile.ZipFile(whl) as zf:
        for info in zf.infolist():
            name = info.filename
            if not name.endswith(".py") or ".dist-info/" in name or ".data/" in name:
                continue
            parts = Path(name).parts
            if name.startswith("/") or ".." in parts:
                continue  # never write outside dest
            out = tmp.joinpath(*parts)
            out.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst)
            count += 1
    shutil.rmtree(dest, ignore_errors=True)
    os.replace(tmp, dest)
    return count


def ensure_corpus(target: Path, wheel_cache: Path, python: Optional[str] = None,
                  log: Optional[Log] = None) -> Path:
    """Make ``target`` hold exactly the pinned projects; return ``target``."""
    python = python or sys.executable
    log = log or (lambda msg: print(msg, file=sys.stderr))
    target.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for name, req, sha in PINS:
        wanted.add(name)
        dest = target / name
        marker = dest / MARKER
        spec = _spec(name, req, sha)
        if marker.is_file() and marker.read_text() == spec:
            continue
        whl = _download(req, sha, wheel_cache / req.replace("==", "-"), python, log)
        count = _extract_py(whl, dest)
        (dest / MARKER).write_text(spec)
        log("extract  %s: %d .py files from %s" % (name, count, whl.name))
    for child in sorted(target.iterdir()):
        if child.is_dir() and (child / MARKER).is_file() and child.name not in wanted:
            log("remove   %s (no longer pinned)" % child.name)
            shutil.rmtree(child)
    return target


if __name__ == "__main__":
    dest = Path(sys.argv[1] if len(sys.argv) > 1 else "agn-corpus").resolve()
    ensure_corpus(dest, dest.parent / (dest.name + "-wheels"))
    print(dest)
