import collections.abc
import typing

Content = typing.Union[str, bytes]
SyncContentStream = typing.Iterable[Content]
AsyncContentStream = typing.AsyncIterable[Content]
ContentStream = typing.Union[AsyncContentStream, SyncContentStream]


class StreamingResponse:
    def __init__(self, content: ContentStream, status_code: int = 200) -> None:
        self.body_iterator = content
        self.status_code = status_code

    async def body(self) -> bytes:
        chunks = []
        if isinstance(self.body_iterator, collections.abc.AsyncIterable):
            async for chunk in self.body_iterator:
                chunks.append(chunk if isinstance(chunk, bytes) else chunk.encode())
        else:
            for chunk in self.body_iterator:
                chunks.append(chunk if isinstance(chunk, bytes) else chunk.encode())
        return b"".join(chunks)


class HTMLResponse(StreamingResponse):
    media_type = "text/html"
