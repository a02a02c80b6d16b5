# Bundled with flake8-asyncgen (see flake8_asyncgen/stubs/README.md); checked against aiofiles
# 0.8 to 25.1. Modules not stubbed here (aiofiles.os, aiofiles.ospath, aiofiles.tempfile) are
# read from the installed package.
from . import tempfile as tempfile
from .threadpool import (
    open as open,
    stderr as stderr,
    stderr_bytes as stderr_bytes,
    stdin as stdin,
    stdin_bytes as stdin_bytes,
    stdout as stdout,
    stdout_bytes as stdout_bytes,
)

