"""Re-exports `stream` and then rebinds it: two bindings of different kinds, so unknown."""
from .impl import collecting, stream

# At run time `compat.stream` is a coroutine function returning a list.
stream = collecting(stream)
