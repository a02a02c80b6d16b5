"""anthropic: messages.create(stream=True) awaited, then the AsyncStream iterated."""
import asyncio
import json

import httpx2
from anthropic import AsyncAnthropic

client = AsyncAnthropic(api_key="sk-ant-test", base_url="http://mock",
                        http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(lambda r: fake_api(r))))


async def tell(prompt: str) -> str:
    parts = []
    async for event in await client.messages.create(model="claude-test", max_tokens=64, messages=[{"role": "user", "content": prompt}], stream=True):
        if event.type == "content_block_delta" and event.delta.type == "text_delta":
            parts.append(event.delta.text)
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
    print("ok", await tell("hi"))


asyncio.run(main())
