import asyncio


def main() -> None:
    # Trap: a plain function running the event loop itself.
    asyncio.run(asyncio.sleep(0))
