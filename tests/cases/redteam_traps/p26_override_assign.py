import asyncio

def _sync_flush(self):
    print("flushed")

class Writer:
    async def flush(self):
        print("async flushed")

class SyncWriter(Writer):
    flush = _sync_flush

def finish(w: Writer):
    w.flush()

finish(SyncWriter())
