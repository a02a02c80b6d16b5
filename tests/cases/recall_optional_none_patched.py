"""Issue 9, shape 3, trap: an attribute written from outside its class.

`db.conn = LiveConnection()` replaces the attribute on one object, so `self.conn` in the class's
methods may hold a `LiveConnection` (whose `execute` streams) as well as the `Connection` or `None`
the class itself assigns: every `.conn` of the module is unknown, and nothing is reported.
"""


class Connection:
    async def execute(self, query: str) -> list:
        return [query]


class LiveConnection:
    async def execute(self, query: str):
        yield (1, "live")


class Database:
    def __init__(self) -> None:
        self.conn = None

    async def connect(self) -> None:
        self.conn = Connection()

    async def close(self) -> None:
        self.conn = None

    async def users(self):
        # Correct for the object patched below; wrong for a connected Database: unknown.
        async for row in self.conn.execute("select * from users"):
            print(row)


async def scenario_ok_replaced_on_one_object():
    db = Database()
    db.conn = LiveConnection()
    async for row in db.conn.execute("q"):
        print(row)
    await db.users()
