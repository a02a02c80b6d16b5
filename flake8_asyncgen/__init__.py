"""flake8-asyncgen: finds coroutines, async generators and async context managers used wrongly."""

__version__ = "0.2.0"
