"""openai: responses.stream() entered with async with; the AsyncResponseStream inside is iterated."""
import asyncio
import json

import httpx
from openai import AsyncOpenAI


class Assistant:
    def __init__(self, client: AsyncOpenAI) -> None:
        self._client = client

    async def reply(self, prompt: str) -> str:
        parts = []
        async with self._client.responses.stream(model="gpt-test", input=prompt) as stream:
            async for event in stream:
                if event.type == "response.output_text.delta":
                    parts.append(event.delta)
        return "".join(parts)


RESPONSE = {"id": "r1", "object": "response", "created_at": 0, "model": "gpt-test", "status": "in_progress", "output": [],
            "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}


def fake_api(request: httpx.Request) -> httpx.Response:
    done = dict(RESPONSE, status="completed", output=[{"type": "message", "id": "m1", "role": "assistant", "status": "completed",
                                                        "content": [{"type": "output_text", "text": "Hello", "annotations": []}]}])
    events = [{"type": "response.created", "sequence_number": 0, "response": RESPONSE},
              {"type": "response.output_item.added", "sequence_number": 1, "output_index": 0,
               "item": {"type": "message", "id": "m1", "role": "assistant", "status": "in_progress", "content": []}},
              {"type": "response.content_part.added", "sequence_number": 2, "item_id": "m1", "output_index": 0,
               "content_index": 0, "part": {"type": "output_text", "text": "", "annotations": []}}]
    events += [{"type": "response.output_text.delta", "sequence_number": i + 3, "item_id": "m1", "output_index": 0,
                "content_index": 0, "delta": t, "logprobs": []} for i, t in enumerate(("Hel", "lo"))]
    events.append({"type": "response.completed", "sequence_number": 5, "response": done})
    body = "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())


async def main() -> None:
    client = AsyncOpenAI(api_key="sk-test", base_url="http://mock/v1",
                         http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake_api)))
    print("ok", await Assistant(client).reply("hi"))


asyncio.run(main())
