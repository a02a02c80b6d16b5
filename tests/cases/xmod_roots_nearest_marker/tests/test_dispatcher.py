"""Run `flake8 --select AGN .` from this tests/ folder (no __init__.py here): the project root is
the nearest folder above with pyproject.toml / setup.cfg / setup.py / .git, as ruff and pytest
find it, so `webhooks` resolves and these findings do not silently disappear."""
import asyncio

from webhooks.dispatcher import Dispatcher, dispatcher


async def scenario_from_tests_agen_awaited():
    assert await dispatcher.deliveries("ping")  # error: AGN200


async def scenario_from_tests_coroutine_iterated():
    async for status in Dispatcher().deliver("https://a.test", "ping"):  # error: AGN201
        assert status


async def scenario_from_tests_agen_in_task():
    await asyncio.wait_for(dispatcher.deliveries("ping"), 1)  # error: AGN202


async def scenario_ok_from_tests_correct():
    # trap: correct.
    d = Dispatcher()
    async for url, event in d.deliveries("ping"):
        assert await d.deliver(url, event) == 200
