import sys
from pathlib import Path

# The test helpers (agn_harness) live beside the tests.
sys.path.insert(0, str(Path(__file__).parent))
