"""A package re-exporting a submodule with a star import, then one explicit name."""
from .impl import *  # noqa: F401,F403
from .impl import push as explicit_push
