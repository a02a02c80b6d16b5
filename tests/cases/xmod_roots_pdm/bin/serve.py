"""The launcher in bin/: pdm's `package-dir = "source"` declares the root."""
from mcpserver.tools import ToolServer, server


async def scenario_pdm_agen_awaited():
    return await server.list_tools()  # error: AGN200


async def scenario_pdm_coroutine_iterated():
    async for part in server.call_tool("search"):  # error: AGN201
        print(part)


async def scenario_pdm_acm_iterated():
    async for conn in ToolServer().connection():  # error: AGN206
        print(conn)


async def scenario_ok_pdm_correct():
    # trap: correct.
    async with server.connection() as conn:
        async for tool in conn.list_tools():
            print(await conn.call_tool(tool))
