"""An installed package that replaces its coroutine methods by computed names (beside a test of
what they are): from plain code its calls run to completion (a trap); in an `async def`, a loop
runs and the call gives the coroutine."""
from fakegram import Client

app = Client()


def main() -> None:
    app.start()
    app.send_message("me", "hi")


async def amain() -> None:
    await app.start()
    app.send_message("me", "hi")  # error: AGN211
