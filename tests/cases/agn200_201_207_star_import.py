"""AGN200 / AGN201 / AGN207 in a module with a star import.

``from asyncio import *`` may bind any name: a name not bound in this module, or
bound before the star import, is unknown.  Names defined *after* the star import
are still known.  Definitions only: nothing below runs on import.
"""

import contextlib
from typing import Any, Dict, List


async def sleep(seconds: float):
    # Bound before the star import, which rebinds `sleep` to asyncio.sleep.
    yield seconds


from asyncio import *  # noqa: E402,F401,F403


async def stream_metrics(interval: float):
    # Defined after the star import: known async generator.
    yield {"interval": interval}


async def load_dashboard(name: str) -> Dict[str, Any]:
    # Defined after the star import: known coroutine.
    return {"name": name}


class MetricsClient:
    async def samples(self, metric: str):
        yield metric

    async def describe(self, metric: str) -> Dict[str, Any]:
        return {"metric": metric}


metrics = MetricsClient()


# ---------------------------------------------------------------------------
# Positives: names bound after the star import
# ---------------------------------------------------------------------------


async def snapshot(interval: float):
    return await stream_metrics(interval)  # error: AGN200


async def render(name: str) -> None:
    async for panel in load_dashboard(name):  # error: AGN201
        print(panel)


def start_collector() -> None:
    stream_metrics(5.0)  # error: AGN207


async def describe_all(metric: str) -> None:
    async for field in metrics.describe(metric):  # error: AGN201
        print(field)
    samples = await metrics.samples(metric)  # error: AGN200
    print(samples)


# ---------------------------------------------------------------------------
# Traps: no diagnostic expected
# ---------------------------------------------------------------------------


async def pause() -> None:
    # `sleep` is asyncio.sleep here: the star import rebinds the earlier def.
    await sleep(0.1)


async def collect_samples(metric: str) -> List[Any]:
    # `samples` is not a module-level name: it may come from the star import.
    return await samples(metric)


async def follow_dashboard(name: str) -> None:
    # `describe` is not a module-level name either.
    async for field in describe(name):
        print(field)


def kick_collector() -> None:
    # `collect` is not bound in this module: unknown.
    collect()


async def closing_metrics(interval: float) -> None:
    # Correct use of a known async generator.
    async with contextlib.aclosing(stream_metrics(interval)) as stream:
        async for sample in stream:
            print(sample)
