"""A fake command-line language model for the reference service's tests.

    python tests/fake_llm_cli.py [--mode MODE] [options] [--] PROMPT

It answers with the words of PROMPT, one per line, flushing after each
one, like a model writing tokens.  Modes:

  normal      the words, then exit 0
  slow        the words with --delay seconds between them
  pause       the first word, then wait until --release-file exists
              (at most --hang-seconds), then the rest
  fail        the first word, --stderr-bytes of noise and a last line
              "fatal: model exploded" on stderr, exit --exit-code
  empty       nothing at all, exit 0
  latin1      bytes that are not UTF-8 (b"caf\\xe9\\n"), exit 0
  split-utf8  "é" written as two writes (b"\\xc3", b"\\xa9"), exit 0
  hang        nothing, sleep --hang-seconds
  stubborn    ignore SIGTERM, write "ready", sleep --hang-seconds
  grandchild  start a process that inherits stdout and stderr and sleeps
              --hang-seconds, write "grandchild PID", exit 0
  flood       write --flood-bytes in 64 KiB writes, recording the number
              of bytes written so far in --progress-file

Standard library only; fast to start.
"""

import os
import signal
import subprocess
import sys
import time
from typing import BinaryIO, Dict, List, Sequence, Tuple

_OPTIONS = {
    "--mode": "normal",
    "--delay": "0.05",
    "--release-file": "",
    "--hang-seconds": "30",
    "--exit-code": "3",
    "--stderr-bytes": "0",
    "--flood-bytes": str(64 * 1024 * 1024),
    "--progress-file": "",
}


def _parse(argv: Sequence[str]) -> Tuple[Dict[str, str], List[str]]:
    opts = dict(_OPTIONS)
    words: List[str] = []
    it = iter(argv)
    for arg in it:
        if arg == "--":
            words.extend(it)
            break
        if arg in opts:
            opts[arg] = next(it)
        else:
            words.append(arg)
    return opts, " ".join(words).split()


def _write(out: BinaryIO, data: bytes) -> None:
    out.write(data)
    out.flush()


def _wait_for(path: str, limit: float) -> None:
    end = time.monotonic() + limit
    while not os.path.exists(path) and time.monotonic() < end:
        time.sleep(0.01)


def main(argv: Sequence[str]) -> int:
    opts, words = _parse(argv)
    mode = opts["--mode"]
    out = sys.stdout.buffer
    hang = float(opts["--hang-seconds"])
    tokens = [(w + "\n").encode("utf-8") for w in words]

    if mode in ("normal", "slow"):
        delay = float(opts["--delay"]) if mode == "slow" else 0.0
        for i, token in enumerate(tokens):
            if i and delay:
                time.sleep(delay)
            _write(out, token)
    elif mode == "pause":
        _write(out, tokens[0])
        _wait_for(opts["--release-file"], hang)
        for token in tokens[1:]:
            _write(out, token)
    elif mode == "fail":
        if tokens:
            _write(out, tokens[0])
        noise = int(opts["--stderr-bytes"])
        err = sys.stderr.buffer
        while noise > 0:
            line = b"warning: noise\n"
            err.write(line)
            noise -= len(line)
        _write(err, b"fatal: model exploded\n")
        return int(opts["--exit-code"])
    elif mode == "empty":
        pass
    elif mode == "latin1":
        _write(out, b"caf\xe9\n")
    elif mode == "split-utf8":
        _write(out, b"caf\xc3")
        time.sleep(0.05)
        _write(out, b"\xa9\n")
    elif mode == "hang":
        time.sleep(hang)
    elif mode == "stubborn":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        _write(out, b"ready\n")
        time.sleep(hang)
    elif mode == "grandchild":
        sleeper = subprocess.Popen(
            [sys.executable, "-c", "import time; time.sleep(%s)" % hang]
        )
        _write(out, b"grandchild %d\n" % sleeper.pid)
    elif mode == "flood":
        total = int(opts["--flood-bytes"])
        block = b"x" * 65535 + b"\n"
        written = 0
        progress = opts["--progress-file"]
        while written < total:
            _write(out, block)
            written += len(block)
            if progress:
                with open(progress + ".tmp", "w") as f:
                    f.write(str(written))
                os.replace(progress + ".tmp", progress)
    else:
        sys.stderr.write("unknown mode: %s\n" % mode)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
