import typing

Chunk = typing.Union[str, bytes]
ChunkStream = typing.Union[typing.AsyncIterable[Chunk], typing.Iterable[Chunk]]
