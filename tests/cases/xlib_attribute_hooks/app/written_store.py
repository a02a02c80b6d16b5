# OPTIONS: --agn-python env
"""A module-level client other modules share."""
from fakemongo2 import AsyncMongoClient

client = AsyncMongoClient()
