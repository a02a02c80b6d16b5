class Writer:
    async def flush(self):
        raise RuntimeError("abstract")

class SyncWriter(Writer):
    flush = lambda self: print("lambda flush")

def finish(w: Writer):
    w.flush()

finish(SyncWriter())
