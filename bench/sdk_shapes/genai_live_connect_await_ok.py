"""google-genai: async with client.aio.live.connect(); async for over session.receive() (an async generator)."""
import asyncio
import json

from google import genai
from google.genai import types
from websockets.asyncio.server import serve


async def ask_live(client: genai.Client, text: str) -> str:
    async with client.aio.live.connect(model="gemini-live-test", config={"response_modalities": ["TEXT"]}) as session:
        await session.send_client_content(turns=types.Content(role="user", parts=[types.Part(text=text)]), turn_complete=True)
        parts = []
        async for message in session.receive():
            parts.append(message.text or "")
    return "".join(parts)


async def fake_live(ws) -> None:  # a loopback stand-in for the Live API websocket
    await ws.recv()
    await ws.send(json.dumps({"setupComplete": {}}))
    await ws.recv()
    await ws.send(json.dumps({"serverContent": {"modelTurn": {"parts": [{"text": "Hello"}]}, "turnComplete": True}}))


async def main() -> None:
    async with serve(fake_live, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        client = genai.Client(api_key="test-key", http_options=types.HttpOptions(base_url=f"http://127.0.0.1:{port}"))
        print("ok", await ask_live(client, "hi"))


asyncio.run(main())
