"""`src/` layout: the top package is src/pkg (walking up stops at src/, which has no __init__.py)."""
from .core.engine import run_stream

__all__ = ["run_stream"]
