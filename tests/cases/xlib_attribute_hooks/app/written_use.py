# OPTIONS: --agn-python env
"""Traps: names written on the client anywhere in the project are not answered by `__getattr__`."""
from app.written_store import client


async def read():
    # runs after app.written_setup_reports.install(): client.reports is a FrozenDatabase
    return await client.reports.orders.find({})


async def read_backups():
    # AsyncMongoClient.backups is a class attribute set by app.written_setup_reports.install()
    return await client.backups.orders.find({})
