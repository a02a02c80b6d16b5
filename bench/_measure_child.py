"""Run ONE command and report its cost as the operating system accounts it.

    python _measure_child.py REPORT.json STDOUT_FILE STDERR_FILE -- CMD [ARGS...]

This tiny process exists so that every measured command starts from a fresh
parent: ``getrusage(RUSAGE_CHILDREN)`` in this process then covers exactly one
command and the whole tree of processes it started and waited for (flake8
``-j N`` worker processes included, because flake8 joins its pool before it
exits).  On Linux ``ru_maxrss`` of RUSAGE_CHILDREN is the peak resident set
size of the LARGEST single process in that tree (not the sum of the tree).
The benchmark process itself cannot use RUSAGE_CHILDREN for this: the value is
a running maximum over every child it has ever waited for.

Wall time is measured here, around the child only, so the start-up of this
wrapper is not counted.  Standard library only; POSIX only (``resource``).
"""

import json
import resource
import subprocess
import sys
import time
from typing import List


def main(argv: List[str]) -> int:
    if len(argv) < 5 or argv[3] != "--":
        sys.stderr.write(__doc__)
        return 2
    report_path, out_path, err_path = argv[0], argv[1], argv[2]
    cmd = argv[4:]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        try:
            returncode = subprocess.call(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        except OSError as exc:  # command not found, not executable, ...
            err.write(("cannot start %r: %s\n" % (cmd[0], exc)).encode())
            returncode = 127
        wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    maxrss = usage.ru_maxrss
    if sys.platform == "darwin":  # bytes there, KiB on Linux and the BSDs
        maxrss = maxrss / 1024.0
    report = {
        "returncode": returncode,
        "wall_s": wall,
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "maxrss_kib": maxrss,
    }
    with open(report_path, "w") as fh:
        json.dump(report, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
