import sys
from pathlib import Path

# The test helpers (agn_harness) live beside the tests.
sys.path.insert(0, str(Path(__file__).parent))

# tests/cases, tests/cases_pending and tests/fixes are lint inputs, not tests: some of their
# projects hold tests/test_*.py files that import only with their declared roots on sys.path.
collect_ignore_glob = ["cases/*", "cases_pending/*", "fixes/*"]
