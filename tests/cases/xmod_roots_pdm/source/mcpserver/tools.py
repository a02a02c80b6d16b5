from contextlib import asynccontextmanager


class ToolServer:
    async def list_tools(self):
        yield "search"
        yield "fetch"

    async def call_tool(self, name: str) -> dict:
        return {"tool": name}

    @asynccontextmanager
    async def connection(self):
        yield self


server = ToolServer()
