"""google-genai: client.aio.live.connect() (an @asynccontextmanager method) awaited."""
import asyncio
import json
import os
import ssl
import subprocess
import tempfile

from google import genai
from google.genai import types
from websockets.asyncio.server import serve


async def ask_live(client: genai.Client, text: str) -> str:
    session = await client.aio.live.connect(model="gemini-live-test", config={"response_modalities": ["TEXT"]})  # error: TypeError: object _AsyncGeneratorContextManager can't be used in 'await' expression
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
    # the SDK always connects with TLS (wss://): a throwaway self-signed certificate for 127.0.0.1
    d = tempfile.mkdtemp()
    cert, key = os.path.join(d, "c.pem"), os.path.join(d, "k.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    async with serve(fake_live, "127.0.0.1", 0, ssl=server_ctx) as server:
        port = server.sockets[0].getsockname()[1]
        options = types.HttpOptions(base_url=f"https://127.0.0.1:{port}", async_client_args={"ssl": ssl.create_default_context(cafile=cert)})
        print("ok", await ask_live(genai.Client(api_key="test-key", http_options=options), "hi"))


asyncio.run(main())
