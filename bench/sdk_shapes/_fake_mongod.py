"""A loopback stand-in for mongod, enough for the motor / pymongo-async pairs.

It speaks the MongoDB wire protocol (OP_QUERY handshake, OP_MSG commands) and answers hello, ping,
insert, find, aggregate, endSessions and anything else with ok: 1. find/aggregate return every
document inserted into the namespace (no filtering): the pairs test the driver's call shapes,
not queries. Usage: python _fake_mongod.py PORT  (prints "ready" when listening).
"""
import asyncio
import datetime
import struct
import sys

import bson

OP_REPLY, OP_QUERY, OP_MSG = 1, 2004, 2013
STORE: dict[str, list[dict]] = {}
HELLO = {"ismaster": True, "isWritablePrimary": True, "helloOk": True,
         "maxBsonObjectSize": 16 * 1024 * 1024, "maxMessageSizeBytes": 48_000_000,
         "maxWriteBatchSize": 100_000, "logicalSessionTimeoutMinutes": 30,
         "connectionId": 1, "minWireVersion": 0, "maxWireVersion": 21, "readOnly": False}


def answer(cmd: dict, docs: list[dict]) -> dict:
    name = next(iter(cmd)).lower()
    db = cmd.get("$db", "admin")
    if name in ("hello", "ismaster"):
        return dict(HELLO, localTime=datetime.datetime.now(datetime.timezone.utc), ok=1.0)
    if name == "insert":
        inserted = docs + list(cmd.get("documents", []))
        STORE.setdefault(f"{db}.{cmd['insert']}", []).extend(inserted)
        return {"n": len(inserted), "ok": 1.0}
    if name in ("find", "aggregate"):
        ns = f"{db}.{cmd[next(iter(cmd))]}"
        cursor = {"id": bson.int64.Int64(0), "ns": ns, "firstBatch": STORE.get(ns, [])}
        return {"cursor": cursor, "ok": 1.0}
    return {"ok": 1.0}


async def serve_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    request_id = 0
    try:
        while True:
            header = await reader.readexactly(16)
            length, req_id, _, op = struct.unpack("<iiii", header)
            body = await reader.readexactly(length - 16)
            request_id += 1
            if op == OP_QUERY:
                end = body.index(b"\0", 4) + 1
                query = bson.decode_all(body[end + 8:])[0]
                reply = bson.encode(answer(query, []))
                payload = struct.pack("<iqii", 0, 0, 0, 1) + reply
                head = struct.pack("<iiii", 16 + len(payload), request_id, req_id, OP_REPLY)
                writer.write(head + payload)
            elif op == OP_MSG:
                flags, pos, cmd, docs = struct.unpack_from("<I", body)[0], 4, {}, []
                limit = len(body) - (4 if flags & 1 else 0)
                while pos < limit:
                    kind = body[pos]
                    pos += 1
                    if kind == 0:
                        size = struct.unpack_from("<i", body, pos)[0]
                        cmd = bson.decode(body[pos:pos + size])
                        pos += size
                    else:
                        size = struct.unpack_from("<i", body, pos)[0]
                        section = body[pos + 4:pos + size]
                        ident_end = section.index(b"\0") + 1
                        docs.extend(bson.decode_all(section[ident_end:]))
                        pos += size
                payload = struct.pack("<I", 0) + b"\0" + bson.encode(answer(cmd, docs))
                head = struct.pack("<iiii", 16 + len(payload), request_id, req_id, OP_MSG)
                writer.write(head + payload)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        writer.close()


async def main(port: int) -> None:
    server = await asyncio.start_server(serve_client, "127.0.0.1", port)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
