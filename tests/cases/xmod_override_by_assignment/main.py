from pkg.base import Writer
from pkg.impl import SyncWriter

def finish(w: Writer):
    w.flush()

finish(SyncWriter())
