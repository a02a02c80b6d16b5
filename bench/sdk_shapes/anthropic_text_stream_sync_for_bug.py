"""anthropic: inside async with messages.stream(), text_stream (an async generator) iterated with a plain for."""
import asyncio
import json

import httpx2
from anthropic import AsyncAnthropic


class Claude:
    def __init__(self, client: AsyncAnthropic) -> None:
        self.client = client

    async def tell(self, prompt: str) -> str:
        parts = []
        async with self.client.messages.stream(model="claude-test", max_tokens=64, messages=[{"role": "user", "content": prompt}]) as stream:
            for text in stream.text_stream:  # error: TypeError: 'async_generator' object is not iterable
                parts.append(text)
        return "".join(parts)


def fake_api(request: httpx2.Request) -> httpx2.Response:
    message = {"id": "m1", "type": "message", "role": "assistant", "model": "claude-test", "content": [],
               "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": 1, "output_tokens": 0}}
    events = [{"type": "message_start", "message": message},
              {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}]
    events += [{"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": t}} for t in ("Hel", "lo")]
    events += [{"type": "content_block_stop", "index": 0},
               {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None}, "usage": {"output_tokens": 2}},
               {"type": "message_stop"}]
    body = "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)
    return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())


async def main() -> None:
    client = AsyncAnthropic(api_key="sk-ant-test", base_url="http://mock",
                            http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(fake_api)))
    print("ok", await Claude(client).tell("hi"))


asyncio.run(main())
