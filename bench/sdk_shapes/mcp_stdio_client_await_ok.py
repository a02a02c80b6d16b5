"""mcp: async with stdio_client(...) as (read, write), then async with ClientSession(read, write)."""
import asyncio
import sys

from mcp import ClientSession, StdioServerParameters, stdio_client


async def list_tool_names(command: str, args: list[str]) -> list[str]:
    async with stdio_client(StdioServerParameters(command=command, args=args)) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = await session.list_tools()
            return [tool.name for tool in tools.tools]


def serve() -> None:  # the same file, run as `python FILE serve`, is a tiny stdio MCP server
    from mcp.server import MCPServer
    server = MCPServer("demo")

    @server.tool()
    def add(a: int, b: int) -> int:
        return a + b

    server.run()


if __name__ == "__main__" and sys.argv[1:] == ["serve"]:
    serve()
else:
    print("ok", asyncio.run(list_tool_names(sys.executable, [__file__, "serve"])))
