from web.types import ChunkStream


class ChunkedResponse:
    # The alias comes from another module: its annotation is not followed.
    def __init__(self, chunks: ChunkStream) -> None:
        self.chunks = chunks
