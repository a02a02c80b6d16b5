"""A fake LLM command-line tool for the incident tests: ``fake_codex_cli.py exec PROMPT``.

It prints a few tokens, one per line, flushing after each, then echoes the
prompt as a last token and exits 0, as a streaming LLM CLI would.

Options (before ``exec``):
  --pid-file PATH       append this process's id to PATH first (tests check that
                        every child was reaped)
  --sleep-after SECONDS sleep after the last token before exiting (tests check
                        that an abandoned stream kills its child)
"""

import argparse
import os
import sys
import time
from typing import Optional, Sequence

TOKENS = ("Hello", "from", "fake-codex")


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="fake-codex")
    parser.add_argument("--pid-file")
    parser.add_argument("--sleep-after", type=float, default=0.0)
    parser.add_argument("subcommand", choices=["exec"])
    parser.add_argument("prompt")
    args = parser.parse_args(argv)
    if args.pid_file:
        with open(args.pid_file, "a") as f:
            f.write(f"{os.getpid()}\n")
    for token in (*TOKENS, f"you said: {args.prompt}"):
        sys.stdout.write(token + "\n")
        sys.stdout.flush()
    if args.sleep_after:
        time.sleep(args.sleep_after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
